import type { z } from 'zod';
import type { ApprovalSchema, ChangesSchema, CommentSchema, ComparedOptionSchema, ShoppingLineSchema, ShoppingListSchema, VersionSummarySchema } from '../../../core/api/options.ts';

/** [Options] records as the renderer receives them, inferred from the contracts. */
export type VersionSummary = z.infer<typeof VersionSummarySchema>;
export type Approval = z.infer<typeof ApprovalSchema>;
export type Comment = z.infer<typeof CommentSchema>;
export type Changes = z.infer<typeof ChangesSchema>;
export type ComparedOption = z.infer<typeof ComparedOptionSchema>;
export type ShoppingList = z.infer<typeof ShoppingListSchema>;
export type ShoppingLine = z.infer<typeof ShoppingLineSchema>;
