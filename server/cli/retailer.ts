import { setRetailer, type Policy } from '../catalog/retailers.ts';
import { listFeeds, removeFeed, setFeed, type FeedFormat } from '../watch/feeds.ts';
import { refreshWindows } from '../watch/windows.ts';
import { parse, STORE_OPTIONS, UsageError, withStore } from './args.ts';
import type { CliIo } from './io-types.ts';
import { printTable } from './io.ts';

const USAGE = `usage: atelier retailer set NAME [--currency CODE] [--window-days N] [--window-from purchase|delivery]
                            [--adjustments one|unlimited] [--exclude-final-sale true|false]
                            [--feed-url URL|none] [--feed-format csv|json] [--feed-interval MINUTES] [--json]
       atelier retailer list [--json]`;

const SET_OPTIONS = {
  ...STORE_OPTIONS,
  currency: { type: 'string' },
  'window-days': { type: 'string' },
  'window-from': { type: 'string' },
  adjustments: { type: 'string' },
  'exclude-final-sale': { type: 'string' },
  'feed-url': { type: 'string' },
  'feed-format': { type: 'string' },
  'feed-interval': { type: 'string' },
} as const;

function policyPatch(values: { 'window-days'?: string; 'window-from'?: string; adjustments?: string; 'exclude-final-sale'?: string }): Partial<Policy> {
  const patch: { -readonly [K in keyof Policy]?: Policy[K] } = {};
  if (values['window-days'] !== undefined) {
    if (!/^\d+$/.test(values['window-days'])) throw new UsageError(`--window-days must be a whole number of days, got "${values['window-days']}"`);
    patch.windowDays = Number(values['window-days']);
  }
  if (values['window-from'] !== undefined) {
    if (values['window-from'] !== 'purchase' && values['window-from'] !== 'delivery') throw new UsageError(`--window-from must be purchase or delivery, got "${values['window-from']}"`);
    patch.windowFrom = values['window-from'];
  }
  if (values.adjustments !== undefined) {
    if (values.adjustments !== 'one' && values.adjustments !== 'unlimited') throw new UsageError(`--adjustments must be one or unlimited, got "${values.adjustments}"`);
    patch.adjustments = values.adjustments;
  }
  if (values['exclude-final-sale'] !== undefined) {
    if (values['exclude-final-sale'] !== 'true' && values['exclude-final-sale'] !== 'false') throw new UsageError(`--exclude-final-sale must be true or false, got "${values['exclude-final-sale']}"`);
    patch.excludeFinalSale = values['exclude-final-sale'] === 'true';
  }
  return patch;
}

function describePolicy(policy: Policy): string {
  const window = policy.windowDays === 0 ? 'no price adjustments' : `${policy.windowDays}-day window from ${policy.windowFrom}`;
  return `${window}, ${policy.adjustments === 'one' ? 'one adjustment' : 'unlimited adjustments'}, final sale ${policy.excludeFinalSale ? 'excluded' : 'covered'}`;
}

export async function retailerCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'set') {
    const { values, positionals } = parse(rest, SET_OPTIONS, true);
    const name = positionals.join(' ').trim();
    if (!name) throw new UsageError(`retailer set needs the retailer's NAME\n${USAGE}`);
    const format = values['feed-format'];
    if (format !== undefined && format !== 'csv' && format !== 'json') throw new UsageError(`--feed-format must be csv or json, got "${format}"`);
    const interval = values['feed-interval'];
    if (interval !== undefined && !/^\d+$/.test(interval)) throw new UsageError(`--feed-interval must be a whole number of minutes, got "${interval}"`);
    const policy = policyPatch(values);
    return withStore(values, async (db) => {
      const result = await setRetailer(db, { name, currency: values.currency?.toUpperCase(), policy });
      const windowsMoved = result.changed && !result.created ? await refreshWindows(db, result.retailer.id) : 0;
      let feed: string | null = null;
      if (values['feed-url'] === 'none') {
        await removeFeed(db, result.retailer.id);
      } else if (values['feed-url'] !== undefined) {
        await setFeed(db, result.retailer.id, { url: values['feed-url'], format: format as FeedFormat | undefined, intervalMinutes: interval === undefined ? undefined : Number(interval) });
      }
      const configured = (await listFeeds(db)).find((f) => f.retailerId === result.retailer.id);
      if (configured) feed = `${configured.url} (${configured.format}, every ${configured.intervalMinutes} min)`;
      if (values.json) io.stdout.write(`${JSON.stringify({ ...result, windowsMoved, feed: configured ?? null })}\n`);
      else {
        const verbText = result.created ? 'Created' : result.changed ? 'Updated' : 'Unchanged:';
        io.stdout.write(`${verbText} ${result.retailer.name} (${result.retailer.currency}): ${describePolicy(result.retailer.policy)}\n`);
        if (windowsMoved) io.stdout.write(`  ${windowsMoved} open watch window(s) follow the new policy\n`);
        if (feed) io.stdout.write(`  price feed: ${feed}\n`);
      }
      return 0;
    });
  }
  if (verb === 'list') {
    const { values } = parse(rest, STORE_OPTIONS);
    return withStore(values, async (db) => {
      const retailers = await db.selectFrom('retailers').selectAll().orderBy('name').execute();
      const feeds = new Map((await listFeeds(db)).map((f) => [f.retailerId, f]));
      const out = retailers.map((r) => ({
        id: r.id,
        name: r.name,
        currency: r.currency,
        policy: { windowDays: r.window_days, windowFrom: r.window_from, adjustments: r.adjustments, excludeFinalSale: r.exclude_final_sale === 1 } as Policy,
        feed: feeds.get(r.id) ?? null,
      }));
      if (values.json) io.stdout.write(`${JSON.stringify({ retailers: out })}\n`);
      else io.stdout.write(`${printTable(out.map((r) => ({ name: r.name, currency: r.currency, policy: describePolicy(r.policy), feed: r.feed?.url ?? '' })), ['name', 'currency', 'policy', 'feed'])}\n`);
      return 0;
    });
  }
  throw new UsageError(USAGE);
}
