/** The API's records as the renderer sees them, inferred from the shared contract schemas. */
import type { z } from 'zod';
import type {
  DesignOptionSchema,
  PlacedItemSchema,
  PreferencesSchema,
  ProductSchema,
  ProjectDetailSchema,
  ProjectStage,
  ProjectSummarySchema,
  RoomSchema,
  UserSchema,
} from '../../core/api/schemas.ts';

export type User = z.infer<typeof UserSchema>;
export type Preferences = z.infer<typeof PreferencesSchema>;
export type Room = z.infer<typeof RoomSchema>;
export type PlacedItem = z.infer<typeof PlacedItemSchema>;
export type Product = z.infer<typeof ProductSchema>;
export type DesignOption = z.infer<typeof DesignOptionSchema>;
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;
export type OptionSummary = ProjectDetail['options'][number];
export type Stage = z.infer<typeof ProjectStage>;
