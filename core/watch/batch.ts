/**
 * Many lines at once, without holding more than the caller hands over.
 *
 * Two shapes, one rule (`evaluateLine`):
 *   - a feed batch: index the new observations by product (`indexObservationsByProduct`), load
 *     the open watches on `index.timelines.keys()`, and run `evaluateWatches` over them;
 *   - a sweep over every watch: stream watches ordered by product, load each product's
 *     observations once, and run `evaluateWatches` with that product's timeline — memory is one
 *     product's observations plus whatever page of watches is in flight.
 * Both yield only the lines that have something to persist or report, as they go, so a caller
 * can write in pages. Because evaluation is idempotent, a sweep that re-reads observations a
 * line has already seen costs time but never changes a claim.
 */
import type { LineWatchState } from './claims.ts';
import { evaluateLine, type LineEvaluation } from './evaluate.ts';
import type { ObservationTimeline } from './observations.ts';
import type { PriceAdjustmentPolicy, PurchaseLine } from './policy.ts';

/** One watched line as a store would load it: the line, its retailer's policy and its claims. */
export interface Watch {
  readonly line: PurchaseLine;
  readonly policy: PriceAdjustmentPolicy;
  readonly state: LineWatchState;
}

export interface WatchEvaluation extends LineEvaluation {
  readonly watch: Watch;
}

/** Anything that finds a product's timeline: an `ObservationIndex`'s map, or one product's. */
export interface TimelineLookup {
  get(productId: string): ObservationTimeline | undefined;
}

/** A lookup holding a single product's timeline, for a sweep that goes product by product. */
export function singleTimeline(timeline: ObservationTimeline): TimelineLookup {
  return { get: (productId) => (productId === timeline.productId ? timeline : undefined) };
}

/**
 * Evaluates each watch against its product's timeline, lazily; yields only the watches whose
 * claims changed or whose observations had errors. Watches of products without a timeline are
 * skipped at the cost of one map lookup.
 */
export function* evaluateWatches(watches: Iterable<Watch>, timelines: TimelineLookup): Generator<WatchEvaluation, void, undefined> {
  for (const watch of watches) {
    const timeline = timelines.get(watch.line.productId);
    if (!timeline || timeline.entries.length === 0) continue;
    const evaluation = evaluateLine(watch.line, watch.policy, watch.state, timeline);
    if (evaluation.changes.length > 0 || evaluation.errors.length > 0) yield { watch, ...evaluation };
  }
}
