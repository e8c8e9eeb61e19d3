/**
 * Price observations, prepared once and shared by every line that watches the same product.
 *
 * A feed batch or a sweep parses each observation's time once, drops the ones that cannot be
 * placed in time or are not a price, and sorts the rest of each product by `observedAt`. A line
 * then finds its window in its product's timeline by binary search, so checking one line costs
 * O(log n + observations in its window), and a sweep holds one product's timeline at a time.
 *
 * Observation ids are assumed unique and immutable (a corrected price is a new observation):
 * the id is the last tie-break that makes "the lowest observation" one well-defined choice.
 */
import type { Money } from '../money.ts';
import { instantMs } from './instants.ts';

export interface PriceObservation {
  readonly id: string;
  readonly productId: string;
  readonly unitPrice: Money;
  readonly observedAt: string;
}

export interface TimedObservation {
  readonly observation: PriceObservation;
  readonly atMs: number;
}

/** One product's valid observations, ascending by time (then by id). */
export interface ObservationTimeline {
  readonly productId: string;
  readonly entries: readonly TimedObservation[];
}

export type ObservationProblem = 'invalid-time' | 'invalid-price';

export interface RejectedObservation {
  readonly observation: PriceObservation;
  readonly problem: ObservationProblem;
}

/** Timelines for every product in a batch, plus what could not be used (for the importer's report). */
export interface ObservationIndex {
  readonly timelines: ReadonlyMap<string, ObservationTimeline>;
  readonly rejected: readonly RejectedObservation[];
}

/** Why an observation can never count, whichever line looks at it; null when it is usable. */
export function observationProblem(observation: PriceObservation): ObservationProblem | null {
  if (Number.isNaN(instantMs(observation.observedAt))) return 'invalid-time';
  const amount = observation.unitPrice.amountMinor;
  if (!Number.isSafeInteger(amount) || amount < 0) return 'invalid-price';
  return null;
}

/**
 * Total order on observations: lower price first, then earlier, then smaller id. The lowest one
 * under this order is a claim's evidence, so the evidence is the same whatever order the
 * observations arrived in — "the lowest, and the first time we saw it".
 */
export function compareByPriceThenTime(a: TimedObservation, b: TimedObservation): number {
  return a.observation.unitPrice.amountMinor - b.observation.unitPrice.amountMinor || a.atMs - b.atMs || compareIds(a.observation.id, b.observation.id);
}

function compareByTime(a: TimedObservation, b: TimedObservation): number {
  return a.atMs - b.atMs || compareIds(a.observation.id, b.observation.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups a batch by product into sorted timelines; a mix of products and any arrival order is fine. */
export function indexObservationsByProduct(observations: Iterable<PriceObservation>): ObservationIndex {
  const byProduct = new Map<string, TimedObservation[]>();
  const rejected: RejectedObservation[] = [];
  for (const observation of observations) {
    // observationProblem's checks, with the time read once.
    const atMs = instantMs(observation.observedAt);
    const amount = observation.unitPrice.amountMinor;
    const problem: ObservationProblem | null = Number.isNaN(atMs) ? 'invalid-time' : !Number.isSafeInteger(amount) || amount < 0 ? 'invalid-price' : null;
    if (problem) {
      rejected.push({ observation, problem });
      continue;
    }
    let entries = byProduct.get(observation.productId);
    if (!entries) byProduct.set(observation.productId, (entries = []));
    entries.push({ observation, atMs });
  }
  const timelines = new Map<string, ObservationTimeline>();
  for (const [productId, entries] of byProduct) timelines.set(productId, { productId, entries: entries.sort(compareByTime) });
  return { timelines, rejected };
}

/**
 * The timeline of one product, from that product's observations (a sweep's per-product query).
 * Observations of other products are left out; unusable ones are returned in `rejected`.
 */
export function timelineOf(productId: string, observations: Iterable<PriceObservation>): { timeline: ObservationTimeline; rejected: RejectedObservation[] } {
  const own: PriceObservation[] = [];
  for (const observation of observations) if (observation.productId === productId) own.push(observation);
  const index = indexObservationsByProduct(own);
  return { timeline: index.timelines.get(productId) ?? { productId, entries: [] }, rejected: [...index.rejected] };
}

/** First index whose time is ≥ `ms` (entries are sorted by time). */
export function firstIndexAtOrAfter(entries: readonly TimedObservation[], ms: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((entries[middle] as TimedObservation).atMs < ms) low = middle + 1;
    else high = middle;
  }
  return low;
}
