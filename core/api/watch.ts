/**
 * [Watch] contracts: a customer's protected purchases, a claim's evidence, and notifications.
 * The claim and purchase-line shapes here are the ones the refund desk builds on.
 */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { Id, IsoDateTime, MoneySchema } from './schemas.ts';

export const CLAIM_STATUSES = ['detected', 'filed', 'refunded', 'denied', 'expired'] as const;
export const ClaimStatusSchema = z.enum(CLAIM_STATUSES);
export const WatchCloseReasonSchema = z.enum(['final-sale-excluded', 'adjustment-used', 'window-ended']);

export const PolicySchema = z.object({
  windowDays: z.number().int().min(0),
  windowFrom: z.enum(['purchase', 'delivery']),
  adjustments: z.enum(['one', 'unlimited']),
  excludeFinalSale: z.boolean(),
});

export const ClaimSchema = z.object({
  id: Id,
  lineId: Id,
  sequence: z.number().int().min(1),
  status: ClaimStatusSchema,
  /** The unit price the drop is measured from: the price paid, or the previous claim's price. */
  referenceUnitPrice: MoneySchema,
  amount: MoneySchema,
  /** The observation that proves the drop: the lowest in-window price below the reference. */
  evidence: z.object({ observationId: Id, unitPrice: MoneySchema, observedAt: IsoDateTime }),
  firstDropAt: IsoDateTime,
  /** [Desk] What the retailer refunded: at most the amount, less for a partial refund; null until refunded. */
  refundedAmount: MoneySchema.nullable().optional(),
  /** Increases with every change; a stale version is a conflict. */
  version: z.number().int().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const PurchaseLineSchema = z.object({
  id: Id,
  customerId: Id,
  projectId: Id.nullable(),
  product: z.object({ id: Id, name: z.string(), sku: z.string(), imageUrl: z.string().nullable() }),
  retailer: z.object({ id: Id, name: z.string(), policy: PolicySchema }),
  quantity: z.number().int().min(1),
  unitPricePaid: MoneySchema,
  purchasedAt: IsoDateTime,
  deliveredAt: IsoDateTime.nullable(),
  orderRef: z.string(),
  finalSale: z.boolean(),
});

export const WatchSchema = z.object({
  status: z.enum(['open', 'closed']),
  closedReason: WatchCloseReasonSchema.nullable(),
  closedAt: IsoDateTime.nullable(),
  /** Null while a delivery-based window waits for delivery, or when the line is not covered. */
  windowStart: IsoDateTime.nullable(),
  windowEnd: IsoDateTime.nullable(),
  /** Whole days left to claim (rounded up); 0 once closed; null without a window. */
  daysLeft: z.number().int().min(0).nullable(),
});

export const ProtectedPurchaseSchema = PurchaseLineSchema.extend({ watch: WatchSchema, claims: z.array(ClaimSchema) });

export const myProtectedPurchases = endpoint({
  id: 'myProtectedPurchases',
  method: 'GET',
  path: '/api/me/protected',
  summary: "The signed-in customer's purchases with their price watch, days left and claims",
  tag: 'watch',
  access: { kind: 'session', action: 'self:manage' },
  response: z.object({
    purchases: z.array(ProtectedPurchaseSchema),
    /** Sum of every claim per currency, whatever its status. */
    claimed: z.array(MoneySchema),
  }),
});

export const PricePointSchema = z.object({
  observationId: Id,
  unitPrice: MoneySchema,
  observedAt: IsoDateTime,
  source: z.string(),
  /** Inside the line's adjustment window. */
  inWindow: z.boolean(),
  /** Below the claim's reference price (a drop), in the line's currency. */
  belowReference: z.boolean(),
  /** The observation the claim rests on: the drop to mark. */
  isEvidence: z.boolean(),
});

export const claimEvidence = endpoint({
  id: 'claimEvidence',
  method: 'GET',
  path: '/api/claims/:claimId/evidence',
  summary: "A claim, its purchase line and the product's price history, with the price paid and the drop marked",
  tag: 'watch',
  access: { kind: 'session', action: 'claim:read', scope: { param: 'claimId', resource: 'claim' } },
  params: z.object({ claimId: Id }),
  response: z.object({
    claim: ClaimSchema,
    line: ProtectedPurchaseSchema,
    /** Observations of the product around the window, oldest first (at most `limit`, the evidence always included). */
    history: z.array(PricePointSchema),
    paidUnitPrice: MoneySchema,
    drop: z.object({ from: MoneySchema, to: MoneySchema, perUnit: MoneySchema, observedAt: IsoDateTime, firstDropAt: IsoDateTime }),
  }),
});

export const NotificationSchema = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: IsoDateTime,
  readAt: IsoDateTime.nullable(),
});

export const listNotifications = endpoint({
  id: 'listNotifications',
  method: 'GET',
  path: '/api/notifications',
  summary: 'The signed-in person’s notifications, newest first',
  tag: 'notifications',
  access: { kind: 'session', action: 'self:manage' },
  query: z.object({
    unread: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: z.object({ notifications: z.array(NotificationSchema), unreadCount: z.number().int().min(0) }),
});

export const markNotificationRead = endpoint({
  id: 'markNotificationRead',
  method: 'POST',
  path: '/api/notifications/:notificationId/read',
  summary: 'Mark one of your notifications read',
  tag: 'notifications',
  access: { kind: 'session', action: 'self:manage' },
  params: z.object({ notificationId: Id }),
  response: z.object({ notification: NotificationSchema }),
  bodyLimit: 1024,
});

export const watchEndpoints = [myProtectedPurchases, claimEvidence, listNotifications, markNotificationRead] as const;
