/**
 * [Intake] contracts: what we already know about a customer (so nothing is asked twice), a new
 * project in one request, the style profile (the customer's own and, for a designer, the
 * project customer's one-screen summary), the stage tracker with its timeline, moving a stage,
 * the customer's "what happens next" per project, and designers picking up unassigned projects.
 */
import { z } from 'zod';
import { STYLE_CARDS } from '../intake/cards.ts';
import { ROOM_KINDS } from '../intake/project.ts';
import { endpoint } from './endpoint.ts';
import { CategorySchema, CurrencyCode, Id, IsoDateTime, LengthMm, MoneySchema, ProjectStage, ProjectSummarySchema } from './schemas.ts';

const CARD_IDS: readonly string[] = STYLE_CARDS.map((card) => card.id);
const Word = z.string().trim().min(1).max(60);
/** A calendar day, "2027-03-31". */
export const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-03-31')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'is not a real date');

export const StyleAnswersSchema = z.object({
  /** card id → liked or passed; cards not answered are absent */
  cards: z.record(z.string().refine((id) => CARD_IDS.includes(id), 'is not a style card'), z.enum(['like', 'pass'])),
  colours: z.object({
    temperature: z.enum(['warm', 'cool', 'either']),
    lightness: z.enum(['light', 'dark', 'either']),
    intensity: z.enum(['muted', 'bright', 'either']),
  }),
  materials: z.array(Word).max(30),
  retailerIds: z.array(Id).max(30),
});

export const StyleSummarySchema = z.object({
  styles: z.array(z.string()),
  avoids: z.array(z.string()),
  materials: z.array(z.string()),
  colours: z.array(z.string()),
  colourPreferences: StyleAnswersSchema.shape.colours,
  retailers: z.array(z.object({ id: Id, name: z.string() })),
  liked: z.number().int(),
  passed: z.number().int(),
});

export const StyleProfileSchema = z.object({
  answers: StyleAnswersSchema,
  summary: StyleSummarySchema,
  updatedAt: IsoDateTime,
});

export const KeptPieceSchema = z.object({
  id: Id,
  name: z.string(),
  category: CategorySchema,
  widthMm: z.number().int(),
  depthMm: z.number().int(),
  heightMm: z.number().int(),
  photoFileId: Id.nullable(),
});

export const NewKeptPieceSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120),
  category: CategorySchema,
  widthMm: LengthMm,
  depthMm: LengthMm,
  heightMm: LengthMm,
  /** a photo the customer uploaded first (POST /api/me/piece-photos) */
  photoFileId: Id.optional(),
});

export const RoomKindSchema = z.enum(ROOM_KINDS);

export const IntakeRoomSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(80),
  kind: RoomKindSchema,
  purpose: z.string().trim().max(500).default(''),
  /** pieces kept from earlier projects, by id */
  keptPieceIds: z.array(Id).max(50).default([]),
  /** pieces named for the first time */
  newPieces: z.array(NewKeptPieceSchema).max(50).default([]),
});

const Address = z.string().trim().min(1).max(300);

export const getIntakeKnown = endpoint({
  id: 'getIntakeKnown',
  method: 'GET',
  path: '/api/intake/known',
  summary: 'What the studio already knows about the signed-in customer, to pre-fill a new project',
  tag: 'intake',
  access: { kind: 'session', action: 'project:create' },
  response: z.object({
    /** budgets are in this currency; set by the first project */
    currency: CurrencyCode,
    currencyFixed: z.boolean(),
    address: z.string().nullable(),
    keptPieces: z.array(KeptPieceSchema),
    styleProfile: StyleProfileSchema.nullable(),
    projectCount: z.number().int(),
    lastBudget: MoneySchema.nullable(),
  }),
});

export const startProject = endpoint({
  id: 'startProject',
  method: 'POST',
  path: '/api/intake/projects',
  summary: 'A customer starts a project: rooms and what they are for, pieces they keep, budget, target date (one transaction)',
  tag: 'intake',
  access: { kind: 'session', action: 'project:create' },
  body: z.object({
    name: z.string().trim().min(1, 'is required').max(120),
    rooms: z.array(IntakeRoomSchema).min(1, 'a project needs at least one room').max(12),
    budget: MoneySchema.refine((m) => m.amountMinor >= 0, { message: 'must not be negative', path: ['amountMinor'] }),
    targetDate: CalendarDay.nullable().default(null),
    address: Address.nullable().default(null),
    /** the style answers, when the customer gave them in the same sitting */
    style: StyleAnswersSchema.optional(),
  }),
  response: z.object({ project: ProjectSummarySchema }),
  successStatus: 201,
  bodyLimit: 64 * 1024,
});

export const getMyStyleProfile = endpoint({
  id: 'getMyStyleProfile',
  method: 'GET',
  path: '/api/me/style-profile',
  summary: "The signed-in customer's style profile (null until answered)",
  tag: 'intake',
  access: { kind: 'session', action: 'self:manage' },
  response: z.object({ profile: StyleProfileSchema.nullable() }),
});

export const saveMyStyleProfile = endpoint({
  id: 'saveMyStyleProfile',
  method: 'PUT',
  path: '/api/me/style-profile',
  summary: 'Save the style profile; projects waiting on it move on to photos',
  tag: 'intake',
  access: { kind: 'session', action: 'self:manage' },
  body: StyleAnswersSchema,
  response: z.object({ profile: StyleProfileSchema }),
  bodyLimit: 16 * 1024,
});

export const getProjectStyleProfile = endpoint({
  id: 'getProjectStyleProfile',
  method: 'GET',
  path: '/api/projects/:projectId/style-profile',
  summary: "The project customer's style profile as a one-screen summary, with their rooms and kept pieces",
  tag: 'intake',
  access: { kind: 'session', action: 'project:read', scope: { param: 'projectId', resource: 'project' } },
  params: z.object({ projectId: Id }),
  response: z.object({
    customer: z.object({ userId: Id, name: z.string() }).nullable(),
    profile: StyleProfileSchema.nullable(),
    rooms: z.array(z.object({ roomId: Id, name: z.string(), kind: RoomKindSchema, purpose: z.string(), keptPieces: z.array(KeptPieceSchema) })),
    budget: MoneySchema.nullable(),
    targetDate: z.string().nullable(),
    address: z.string().nullable(),
  }),
});

export const PartySchema = z.enum(['customer', 'designer', 'studio']);

export const ProgressSchema = z.object({
  projectId: Id,
  stage: ProjectStage,
  waitingOn: PartySchema,
  next: z.object({ stage: ProjectStage, date: z.string() }).nullable(),
  targetDate: z.string().nullable(),
  onTrack: z.boolean(),
  deliveryDate: z.string(),
});

export const TrackerSchema = ProgressSchema.extend({
  stages: z.array(z.object({ stage: ProjectStage, status: z.enum(['done', 'current', 'upcoming']), date: z.string(), waitingOn: PartySchema })),
  history: z.array(z.object({ stage: ProjectStage, at: IsoDateTime, actorName: z.string(), note: z.string().nullable(), attachmentId: z.string().nullable() })),
  /** `note` and `attachmentId` (a video note, GET /api/files/:id): what the person added to a stage change */
  timeline: z.array(z.object({ id: Id, kind: z.string(), text: z.string(), actorName: z.string(), at: IsoDateTime, note: z.string().nullable(), attachmentId: z.string().nullable() })),
});

export const getProjectTracker = endpoint({
  id: 'getProjectTracker',
  method: 'GET',
  path: '/api/projects/:projectId/tracker',
  summary: 'The stage tracker: each stage with its date, who it waits on, the history and the timeline',
  tag: 'intake',
  access: { kind: 'session', action: 'project:read', scope: { param: 'projectId', resource: 'project' } },
  params: z.object({ projectId: Id }),
  response: z.object({ tracker: TrackerSchema }),
});

export const changeProjectStage = endpoint({
  id: 'changeProjectStage',
  method: 'POST',
  path: '/api/projects/:projectId/stage',
  summary: 'Move a project to another stage, with an optional personal note; posts a timeline event naming who did it',
  tag: 'intake',
  access: { kind: 'session', action: 'project:stage', scope: { param: 'projectId', resource: 'project' } },
  params: z.object({ projectId: Id }),
  body: z.object({
    /** the stage the caller saw; a different current stage is a 409 */
    from: ProjectStage,
    to: ProjectStage,
    note: z.string().trim().max(2000).optional(),
    /** an uploaded file (a short video) to go with the note */
    attachmentId: Id.optional(),
  }),
  response: z.object({ tracker: TrackerSchema, changed: z.boolean() }),
  bodyLimit: 8 * 1024,
});

export const listMyProgress = endpoint({
  id: 'listMyProgress',
  method: 'GET',
  path: '/api/me/progress',
  summary: 'For each of the caller’s projects: what happens next and when, or what waits on them',
  tag: 'intake',
  access: { kind: 'session', action: 'project:list' },
  response: z.object({ progress: z.array(ProgressSchema) }),
});

export const listUnassignedProjects = endpoint({
  id: 'listUnassignedProjects',
  method: 'GET',
  path: '/api/intake/unassigned',
  summary: 'Projects no designer has taken yet',
  tag: 'intake',
  access: { kind: 'session', action: 'project:take' },
  response: z.object({ projects: z.array(ProjectSummarySchema.extend({ targetDate: z.string().nullable(), rooms: z.array(z.object({ name: z.string(), kind: RoomKindSchema })) })) }),
});

export const takeProject = endpoint({
  id: 'takeProject',
  method: 'POST',
  path: '/api/projects/:projectId/take',
  summary: 'A designer takes an unassigned project (again is fine; a project another designer took is a 409)',
  tag: 'intake',
  access: { kind: 'session', action: 'project:take', scope: { param: 'projectId', resource: 'project' } },
  params: z.object({ projectId: Id }),
  response: z.object({ project: ProjectSummarySchema }),
  bodyLimit: 1024,
});

export const intakeEndpoints = [getIntakeKnown, startProject, getMyStyleProfile, saveMyStyleProfile, getProjectStyleProfile, getProjectTracker, changeProjectStage, listMyProgress, listUnassignedProjects, takeProject] as const;
