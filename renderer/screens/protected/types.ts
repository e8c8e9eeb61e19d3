/** The [Watch] records as the renderer sees them, inferred from the shared contracts. */
import type { z } from 'zod';
import type { ClaimSchema, ClaimStatusSchema, claimEvidence, NotificationSchema, ProtectedPurchaseSchema } from '../../../core/api/watch.ts';
import type { ResponseOf } from '../../../core/api/endpoint.ts';

export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type ProtectedPurchase = z.infer<typeof ProtectedPurchaseSchema>;
export type ClaimEvidence = ResponseOf<typeof claimEvidence>;
export type AppNotification = z.infer<typeof NotificationSchema>;
