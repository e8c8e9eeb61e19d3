/**
 * The retailers file (`assets/seed/retailers.json`, or a studio's own): each retailer's name,
 * currency, price-adjustment policy and catalog feed. Validated here so `--demo` and any
 * hand-written file fail with a named field, not deep inside an import.
 */
import { z } from 'zod';
import type { PriceAdjustmentPolicy } from '../watch/policy.ts';

const PolicySchema = z.object({
  windowDays: z.number().int().min(0).max(365),
  windowFrom: z.enum(['purchase', 'delivery']),
  adjustments: z.enum(['one', 'unlimited']),
  excludeFinalSale: z.boolean(),
}) satisfies z.ZodType<PriceAdjustmentPolicy>;

export const RetailerFileEntrySchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
  name: z.string().trim().min(1).max(120),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO-4217 code such as USD'),
  website: z.string().url().optional(),
  policy: PolicySchema,
  /** the native-format CSV beside the retailers file */
  catalogFile: z.string().min(1),
});

export const RetailersFileSchema = z
  .object({ version: z.literal(1), retailers: z.array(RetailerFileEntrySchema).min(1) })
  .refine((file) => new Set(file.retailers.map((r) => r.slug)).size === file.retailers.length, { message: 'retailer slugs must be unique', path: ['retailers'] });

export type RetailerFileEntry = z.output<typeof RetailerFileEntrySchema>;
export type RetailersFile = z.output<typeof RetailersFileSchema>;
