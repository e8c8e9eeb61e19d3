/** The [Desk] records as the renderer sees them, inferred from the shared contracts. */
import type { z } from 'zod';
import type { DeskClaimSchema, DeskReportSchema, deskClaim } from '../../../core/api/desk.ts';
import type { ResponseOf } from '../../../core/api/endpoint.ts';

export type DeskClaim = z.infer<typeof DeskClaimSchema>;
export type DeskClaimDetail = ResponseOf<typeof deskClaim>;
export type DeskReport = z.infer<typeof DeskReportSchema>;
