/**
 * [Desk] contracts: the refund desk's queue, one claim on one screen, support's actions on it
 * (each with the version the agent saw: a stale one is a 409 carrying the current claim), the
 * reports, the CSV exports and a claim's evidence pack (PDF and CSV).
 *
 * Who sees what: anyone signed in may list, and sees only what is theirs to see (a customer their
 * own claims, a designer the claims on their projects, support and admin all); one claim is
 * scoped like its evidence, and so is its evidence pack; acting, reports and the claim exports are
 * support's and admin's (`claim:act`).
 */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { Id, IsoDateTime, MoneySchema } from './schemas.ts';
import { ClaimSchema, ClaimStatusSchema, NotificationSchema, claimEvidence, CLAIM_STATUSES } from './watch.ts';

/** The studio's target: a detected claim is filed within this many business days. */
export const FILING_TARGET_BUSINESS_DAYS = 2;

export const DeskClaimSchema = ClaimSchema.extend({
  /** When the drop was detected (the claim opened): the clock the filing target runs from. */
  detectedAt: IsoDateTime,
  channel: z.string().nullable(),
  retailerRef: z.string().nullable(),
  filedAt: IsoDateTime.nullable(),
  refundedAmount: MoneySchema.nullable(),
  refundedAt: IsoDateTime.nullable(),
  denialReason: z.string().nullable(),
  closedAt: IsoDateTime.nullable(),
  customer: z.object({ id: Id, name: z.string(), email: z.string() }),
  product: z.object({ id: Id, name: z.string(), sku: z.string() }),
  retailer: z.object({ id: Id, name: z.string() }),
  line: z.object({ id: Id, orderRef: z.string(), quantity: z.number().int().min(1), unitPricePaid: MoneySchema, purchasedAt: IsoDateTime, projectId: Id.nullable() }),
  window: z.object({ end: IsoDateTime.nullable(), daysLeft: z.number().int().min(0).nullable() }),
  /** How long the claim waited to be filed (so far, while detected) against the target. */
  waiting: z.object({ hours: z.number().min(0), targetAt: IsoDateTime, breached: z.boolean() }),
});

export const DESK_SORTS = ['urgency', 'oldest', 'amount'] as const;

export const listDeskClaims = endpoint({
  id: 'listDeskClaims',
  method: 'GET',
  path: '/api/desk/claims',
  summary: 'Refund claims the caller may see, most urgent first (days left in the window, then amount), with counts per status',
  tag: 'desk',
  access: { kind: 'session', action: 'self:manage' },
  query: z.object({
    status: ClaimStatusSchema.optional(),
    retailer: Id.optional(),
    /** A customer's id, or part of their e-mail or name. */
    customer: z.string().trim().min(1).max(120).optional(),
    /** Only claims detected at least this many days ago. */
    minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
    sort: z.enum(DESK_SORTS).default('urgency'),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  }),
  response: z.object({
    claims: z.array(DeskClaimSchema),
    counts: z.object(Object.fromEntries(CLAIM_STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<(typeof CLAIM_STATUSES)[number], z.ZodNumber>),
    total: z.number().int().min(0),
  }),
});

export const TimelineEntrySchema = z.object({ id: Id, kind: z.string(), text: z.string(), actorName: z.string(), at: IsoDateTime });

export const AuditEntrySchema = z.object({
  seq: z.number().int().min(1),
  at: IsoDateTime,
  actor: z.object({ id: Id.nullable(), name: z.string() }),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const deskClaim = endpoint({
  id: 'deskClaim',
  method: 'GET',
  path: '/api/desk/claims/:claimId',
  summary: "One claim on one screen: the line, policy, price history, the customer's timeline and messages, and the claim's audit history",
  tag: 'desk',
  access: { kind: 'session', action: 'claim:read', scope: { param: 'claimId', resource: 'claim' } },
  params: z.object({ claimId: Id }),
  response: z.object({
    claim: DeskClaimSchema,
    evidence: claimEvidence.response,
    timeline: z.array(TimelineEntrySchema),
    messages: z.array(NotificationSchema),
    audit: z.array(AuditEntrySchema),
    /** Whether the caller may act on it (support and admin). */
    canAct: z.boolean(),
  }),
});

const Version = z.number().int().min(1);
const claimAction = <B extends z.ZodType>(id: string, verb: string, summary: string, body: B) =>
  endpoint({
    id,
    method: 'POST',
    path: `/api/desk/claims/:claimId/${verb}`,
    summary,
    tag: 'desk',
    access: { kind: 'session', action: 'claim:act', scope: { param: 'claimId', resource: 'claim' } },
    params: z.object({ claimId: Id }),
    body,
    response: z.object({ claim: DeskClaimSchema }),
    bodyLimit: 8 * 1024,
  });

export const fileClaim = claimAction(
  'fileClaim',
  'file',
  'File a detected (or denied) claim with the retailer',
  z.object({ expectedVersion: Version, channel: z.string().trim().min(1).max(60).default('email'), retailerRef: z.string().trim().min(1, 'the retailer’s reference is required').max(120) }),
);

export const refundClaim = claimAction(
  'refundClaim',
  'refund',
  'Record the refund of a filed claim (at most the amount claimed; less is a partial refund)',
  z.object({
    expectedVersion: Version,
    /** In the claim's currency, minor units. */
    amountMinor: z.number().int('must be whole cents').positive('must be more than zero'),
    refundedAt: z.union([IsoDateTime, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-03-14')]).optional(),
  }),
);

export const denyClaim = claimAction('denyClaim', 'deny', 'Record that the retailer denied a filed claim', z.object({ expectedVersion: Version, reason: z.string().trim().min(1, 'say why').max(500) }));

export const reopenClaim = claimAction('reopenClaim', 'reopen', 'Reopen a denied claim', z.object({ expectedVersion: Version }));

export const expireClaim = claimAction('expireClaim', 'expire', 'Record that the retailer let a filed claim lapse', z.object({ expectedVersion: Version }));

export const OUTCOMES = ['refunded', 'partial', 'denied', 'expired'] as const;

export const DeskReportSchema = z.object({
  recovered: z.array(z.object({ retailer: z.object({ id: Id, name: z.string() }), month: z.string().regex(/^\d{4}-\d{2}$/), amount: MoneySchema, claims: z.number().int() })),
  outcomes: z.array(z.object({ outcome: z.enum(OUTCOMES), count: z.number().int().min(0), rate: z.number().min(0).max(1) })),
  /** Claims with an outcome (refunded in full or part, denied, expired). */
  decided: z.number().int().min(0),
  /** Median days from detection to refund; null before the first refund. */
  medianDaysToRefund: z.number().min(0).nullable(),
});

export const deskReports = endpoint({
  id: 'deskReports',
  method: 'GET',
  path: '/api/desk/reports',
  summary: 'Recovered by retailer and month, outcome rates, median time from detection to refund',
  tag: 'desk',
  access: { kind: 'session', action: 'claim:act' },
  response: DeskReportSchema,
});

/** CSV answers: the body is the file. */
const Csv = z.string();

export const exportDeskClaims = endpoint({
  id: 'exportDeskClaims',
  method: 'GET',
  path: '/api/desk/claims.csv',
  summary: 'Claims as CSV (optionally of one status)',
  tag: 'desk',
  access: { kind: 'session', action: 'claim:act' },
  query: z.object({ status: ClaimStatusSchema.optional() }),
  response: Csv,
});

export const exportDeskReports = endpoint({
  id: 'exportDeskReports',
  method: 'GET',
  path: '/api/desk/reports.csv',
  summary: 'The reports as CSV',
  tag: 'desk',
  access: { kind: 'session', action: 'claim:act' },
  response: Csv,
});

/** The evidence pack's formats: both files in one zip, or either alone. */
export const EVIDENCE_PACK_FORMATS = ['zip', 'pdf', 'csv'] as const;

export const evidencePack = endpoint({
  id: 'evidencePack',
  method: 'GET',
  path: '/api/desk/claims/:claimId/evidence-pack',
  summary: "A claim's evidence for the retailer: a zip of the PDF (facts, policy, window, the price chart with the paid price and the drop, the observations) and the observations as CSV; or either file alone",
  tag: 'desk',
  // Scoped like the evidence itself: the customer their own claim's, a designer their projects', support all.
  access: { kind: 'session', action: 'claim:read', scope: { param: 'claimId', resource: 'claim' } },
  params: z.object({ claimId: Id }),
  query: z.object({ format: z.enum(EVIDENCE_PACK_FORMATS).default('zip') }),
  /** The file's bytes (zip, PDF) or text (CSV). */
  response: z.union([z.string(), z.instanceof(Uint8Array)]),
});

export const deskEndpoints = [listDeskClaims, deskClaim, fileClaim, refundClaim, denyClaim, reopenClaim, expireClaim, deskReports, exportDeskClaims, exportDeskReports, evidencePack] as const;
