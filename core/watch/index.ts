/**
 * Price watch: after a purchase, every line is watched for its retailer's price-adjustment
 * window; a lower price opens (or grows) a refund claim that support files with the retailer.
 *
 * Where to start reading: policy.ts (windows), claims.ts (a claim's life), evaluate.ts (the rule
 * and why it is order-independent and idempotent), batch.ts (feeds and sweeps). Pure: time is
 * always passed in, nothing here reads a clock, a file or a database.
 */
export * from './policy.ts';
export * from './claims.ts';
export * from './observations.ts';
export * from './evaluate.ts';
export * from './batch.ts';
export { MS_PER_DAY, canonicalIso, canonicalOf, instantMs } from './instants.ts';
