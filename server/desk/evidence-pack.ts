/**
 * A claim's evidence pack for the retailer, the same from the app (one zip download) and from
 * `atelier claims evidence ID --out DIR` (the files): the PDF (facts, policy, window, the chart
 * with the paid price and the drop, every observation) and the observations as CSV.
 */
import { strToU8, zipSync } from 'fflate';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { evidenceOf } from '../watch/views.ts';
import { observationsCsv } from './csv.ts';

export interface EvidencePack {
  readonly claimId: string;
  /** The files' common stem: evidence-ORDER-SKU. */
  readonly name: string;
  readonly pdf: { readonly fileName: string; readonly bytes: Uint8Array };
  readonly csv: { readonly fileName: string; readonly text: string; readonly rows: number };
}

/** Safe in a file name and a Content-Disposition header on every system. */
export function fileStem(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'evidence';
}

export async function evidencePack(db: Kysely<Database>, claimId: string, options: { now?: string; locale?: string } = {}): Promise<EvidencePack | null> {
  const now = options.now ?? new Date().toISOString();
  const evidence = await evidenceOf(db, claimId, now);
  if (!evidence) return null;
  const name = fileStem(`evidence-${evidence.line.orderRef}-${evidence.line.product.sku}`);
  const csvName = `${name}-observations.csv`;
  const text = observationsCsv({ retailer: evidence.line.retailer.name, sku: evidence.line.product.sku }, evidence.history);
  // pdf-lib (3.6 MB of heap once loaded) is loaded the first time support asks for a pack, not
  // when the server starts: every collection of the server's heap would carry it otherwise.
  const { evidencePdf } = await import('./evidence-pdf.ts');
  const bytes = await evidencePdf(evidence, { now, locale: options.locale, csvName });
  return { claimId: evidence.claim.id, name, pdf: { fileName: `${name}.pdf`, bytes }, csv: { fileName: csvName, text, rows: evidence.history.length } };
}

/** Both files in one zip (the PDF stored as is: it is compressed already). */
export function zipEvidencePack(pack: EvidencePack, now: string): Uint8Array {
  const mtime = new Date(now);
  return zipSync({ [pack.pdf.fileName]: [pack.pdf.bytes, { level: 0, mtime }], [pack.csv.fileName]: [strToU8(pack.csv.text), { level: 6, mtime }] });
}
