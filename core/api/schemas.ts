import { z } from 'zod';
import { ROLES } from '../permissions.ts';
import { CATEGORIES } from '../catalog.ts';

/** Building blocks shared by endpoint contracts. */
export const Id = z.string().min(1).max(64);
export const IsoDateTime = z.string().datetime({ offset: true });
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO-4217 code such as USD');
export const MoneySchema = z.object({ amountMinor: z.number().int(), currency: CurrencyCode });
/** A length in integer millimetres: positive and under 30 m. */
export const LengthMm = z.number().int('must be whole millimetres').positive('must be greater than zero').max(30_000, 'must be at most 30 m');
export const RoleSchema = z.enum(ROLES);
export const CategorySchema = z.enum(CATEGORIES);
export const UnitSystemSchema = z.enum(['metric', 'imperial']);
export const ThemeSchema = z.enum(['light', 'dark', 'system']);
export const Email = z.string().trim().toLowerCase().email('must be an e-mail address').max(254);

export const PreferencesSchema = z.object({
  units: UnitSystemSchema,
  theme: ThemeSchema,
  locale: z.string().min(2).max(35),
});

export const UserSchema = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  preferences: PreferencesSchema,
  createdAt: IsoDateTime,
});

export const PlanPointSchema = z.object({ x: z.number().int(), y: z.number().int() });

export const OpeningSchema = z.object({
  id: Id,
  kind: z.enum(['door', 'window']),
  wallIndex: z.number().int().min(0),
  offsetMm: z.number().int().min(0),
  widthMm: LengthMm,
  heightMm: LengthMm,
  sillHeightMm: z.number().int().min(0).max(30_000),
  swing: z.enum(['left', 'right']).optional(),
});

export const FinishSchema = z.object({ colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #aabbcc'), material: z.string().min(1).max(40) });

export const RoomShapeSchema = z.object({
  outline: z.array(PlanPointSchema).min(3).max(64),
  ceilingHeightMm: LengthMm,
  wallThicknessMm: LengthMm,
  openings: z.array(OpeningSchema).max(64),
  floor: FinishSchema,
  walls: FinishSchema,
});

export const RoomSchema = RoomShapeSchema.extend({
  id: Id,
  projectId: Id,
  name: z.string(),
  updatedAt: IsoDateTime,
});

export const OwnPieceSchema = z.object({
  name: z.string().min(1).max(120),
  category: CategorySchema,
  widthMm: LengthMm,
  depthMm: LengthMm,
  heightMm: LengthMm,
});

export const PlacedItemSchema = z.object({
  id: Id,
  productId: Id.nullable(),
  xMm: z.number().int(),
  yMm: z.number().int(),
  rotationDeg: z.number().min(-360).max(360),
  elevationMm: z.number().int().min(0).max(30_000),
  quantity: z.number().int().min(1).max(999),
  colour: z.string().max(40).optional(),
  note: z.string().max(2000).optional(),
  ownPiece: OwnPieceSchema.optional(),
});

export const ProductSchema = z.object({
  id: Id,
  retailerId: Id,
  retailerName: z.string(),
  sku: z.string(),
  name: z.string(),
  category: CategorySchema,
  widthMm: z.number().int(),
  depthMm: z.number().int(),
  heightMm: z.number().int(),
  price: MoneySchema,
  colours: z.array(z.string()),
  styleTags: z.array(z.string()),
  materials: z.array(z.string()),
  modelUrl: z.string().nullable(),
  productUrl: z.string().nullable(),
  imageUrl: z.string().nullable(),
  finalSale: z.boolean(),
});

export const ProjectStage = z.enum(['intake', 'photos', 'designing', 'options_ready', 'revisions', 'approved', 'ordering', 'delivered', 'protected']);

export const ProjectMemberSchema = z.object({ userId: Id, name: z.string(), role: RoleSchema });

export const ProjectSummarySchema = z.object({
  id: Id,
  name: z.string(),
  stage: ProjectStage,
  customer: ProjectMemberSchema.nullable(),
  designers: z.array(ProjectMemberSchema),
  roomCount: z.number().int(),
  budget: MoneySchema.nullable(),
  updatedAt: IsoDateTime,
});

export const DesignOptionSchema = z.object({
  id: Id,
  roomId: Id,
  name: z.string(),
  items: z.array(PlacedItemSchema),
  updatedAt: IsoDateTime,
});

export const ProjectDetailSchema = ProjectSummarySchema.extend({
  rooms: z.array(RoomSchema),
  options: z.array(DesignOptionSchema.omit({ items: true }).extend({ itemCount: z.number().int() })),
});
