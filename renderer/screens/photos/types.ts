import type { z } from 'zod';
import type { PhotoRequestSchema, ShotSchema, StoredFileSchema } from '../../../core/api/files.ts';

export type StoredFile = z.infer<typeof StoredFileSchema>;
export type Shot = z.infer<typeof ShotSchema>;
export type PhotoRequest = z.infer<typeof PhotoRequestSchema>;
