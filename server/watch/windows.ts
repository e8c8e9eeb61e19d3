/**
 * Keeps each open watch's stored window equal to what the rules compute from the line and its
 * retailer's current policy. Run after a policy changes; the window columns serve queries
 * (which watches a new observation can reach, days left), the rules never read them.
 */
import { sql, type Kysely } from 'kysely';
import { windowFor } from '../../core/watch/index.ts';
import type { Database } from '../db/schema.ts';
import { policyOf } from './load.ts';
import { LINE_COLUMNS, loadPolicies, toPurchaseLine, type LineRow } from './rows.ts';

export async function refreshWindows(db: Kysely<Database>, retailerId: string, pageSize = 2000): Promise<number> {
  const policy = policyOf(await loadPolicies(db), retailerId);
  let after: { productId: string; lineId: string } | null = null;
  let changed = 0;
  for (;;) {
    let query = db
      .selectFrom('watches as w')
      .innerJoin('purchase_lines as l', (join) => join.onRef('l.product_id', '=', 'w.product_id').onRef('l.id', '=', 'w.line_id'))
      .select([...LINE_COLUMNS, 'w.window_start', 'w.window_end'])
      .where('w.status', '=', sql.lit('open'))
      .where('l.retailer_id', '=', retailerId);
    if (after) {
      const { productId, lineId } = after;
      query = query.where((eb) => eb(eb.refTuple('w.product_id', 'w.line_id'), '>', eb.tuple(productId, lineId)));
    }
    const rows: (LineRow & { window_start: string | null; window_end: string | null })[] = await query.orderBy('w.product_id').orderBy('w.line_id').limit(pageSize).execute();
    if (rows.length === 0) break;
    const last = rows[rows.length - 1]!;
    after = { productId: last.product_id, lineId: last.line_id };
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const window = windowFor(toPurchaseLine(row), policy);
        if ((window?.start ?? null) === row.window_start && (window?.end ?? null) === row.window_end) continue;
        await trx.updateTable('watches').set({ window_start: window?.start ?? null, window_end: window?.end ?? null }).where('line_id', '=', row.line_id).execute();
        changed++;
      }
    });
    if (rows.length < pageSize) break;
  }
  return changed;
}
