/**
 * Keystroke → painted results in the real renderer at 50,000 products: `node bench/catalog-ui.ts
 * [--json]`, and merged into `npm run bench -- catalog` as `typeToPaintP95Ms`.
 *
 * A studio server starts on a temporary data folder with the demo studio, a 50,000-row
 * synthetic feed (assets/seed/generate.ts) is imported through the API, and Chromium types
 * queries keystroke by keystroke into the catalog's search box at a brisk typing pace. The page
 * measures itself (renderer/catalog/paintTiming.ts): a mark on each input event, closed by a
 * `catalog:type-to-paint` measure at the animation frame after the results for the box's text
 * were committed — so the figure includes the debounce, the request, React and the paint.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSyntheticCsv } from '../assets/seed/generate.ts';
import { benchRenderer, startStudioServer, stopStudioServer } from './studio-server.ts';
import { percentileOfSorted } from './stats.ts';

const DESIGNER = { email: 'designer@atelier.test', password: 'atelier-demo-designer' };
const ADMIN = { email: 'admin@atelier.test', password: 'atelier-demo-admin' };

/** What people type: words, prefixes on the way there, a typo or two. */
const QUERIES = ['velvet sofa', 'oak dining table', 'walnut sideboard', 'linen armchair', 'wool rug', 'corner sofa', 'marble coffee table', 'oak bookcase', 'sofa velvt', 'brass lamp', 'rattan chair', 'ash desk'];
const KEYSTROKE_DELAY_MS = 110;

export interface CatalogUiBench {
  products: number;
  keystrokes: number;
  typeToPaintP50Ms: number;
  typeToPaintP95Ms: number;
  typeToPaintMaxMs: number;
  importSeconds: number;
}

/** Signs in and imports the synthetic feed through the API, as the import wizard would. */
async function importCatalog(url: string, rows: number): Promise<number> {
  const signIn = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!signIn.ok) throw new Error(`admin sign-in failed: ${signIn.status}`);
  const cookie = (signIn.headers.getSetCookie?.() ?? []).map((value) => value.split(';')[0]).join('; ');
  const { currency, csv } = generateSyntheticCsv(rows);
  const started = performance.now();
  const answer = await fetch(`${url}/api/catalog/imports`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ text: csv, retailer: { name: 'Benchmark Furniture', currency }, fileName: 'bench.csv' }) });
  if (!answer.ok) throw new Error(`import failed: ${answer.status} ${await answer.text()}`);
  return (performance.now() - started) / 1000;
}

export async function benchCatalogUi(context: { readonly log: (line: string) => void } = { log: () => {} }, rows = 50_000): Promise<CatalogUiBench> {
  const work = mkdtempSync(join(tmpdir(), 'atelier-ui-bench-'));
  const staticDir = benchRenderer(work, context.log, 'catalog-ui');
  const dataDir = join(work, 'data');
  const server = await startStudioServer(dataDir, staticDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
  try {
    context.log(`catalog-ui: importing ${rows.toLocaleString('en-US')} products`);
    const importSeconds = await importCatalog(server.url, rows);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.getByLabel('E-mail').fill(DESIGNER.email);
    await page.getByLabel('Password').fill(DESIGNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Catalog', exact: true }).click();
    const search = page.getByRole('searchbox', { name: 'Search the catalog' });
    const results = page.getByRole('region', { name: 'Results' });
    await page.getByTestId('result-card').first().waitFor();

    const settle = async (text: string) => {
      await page.waitForFunction((expected) => {
        const list = document.querySelector('[data-testid="catalog-results"]');
        return list?.getAttribute('data-query') === expected && document.querySelector('[aria-busy="false"]') !== null;
      }, text);
      await results.page().evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    };

    // One warm-up query: the first search pays for lazy code and JIT, not for typing.
    await search.pressSequentially('sofa', { delay: KEYSTROKE_DELAY_MS });
    await settle('sofa');
    context.log(`catalog-ui: typing ${QUERIES.length} queries`);
    const durations: number[] = [];
    for (const query of QUERIES) {
      await search.fill('');
      await settle('');
      await page.evaluate(() => performance.clearMeasures('catalog:type-to-paint'));
      await search.pressSequentially(query, { delay: KEYSTROKE_DELAY_MS });
      await settle(query);
      durations.push(...(await page.evaluate(() => performance.getEntriesByName('catalog:type-to-paint').map((entry) => entry.duration))));
    }
    const sorted = durations.sort((a, b) => a - b);
    const round = (value: number) => Math.round(value * 10) / 10;
    return {
      products: rows,
      keystrokes: sorted.length,
      typeToPaintP50Ms: round(percentileOfSorted(sorted, 50)),
      typeToPaintP95Ms: round(percentileOfSorted(sorted, 95)),
      typeToPaintMaxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
      importSeconds: Math.round(importSeconds * 100) / 100,
    };
  } finally {
    await browser.close();
    await stopStudioServer(server.child);
    rmSync(work, { recursive: true, force: true });
  }
}

/** Adds the UI figure to the catalog report (bench/registry.ts). */
export async function withTypeToPaint<R extends { targets: Record<string, string>; details: Record<string, unknown> }>(report: R, log: (line: string) => void): Promise<R & { typeToPaintP95Ms: number }> {
  const ui = await benchCatalogUi({ log });
  return { ...report, typeToPaintP95Ms: ui.typeToPaintP95Ms, targets: { ...report.targets, typeToPaintP95Ms: '<= 100' }, details: { ...report.details, typeToPaintP95Ms: 'keystroke to painted results in Chromium at 50,000 products (bench/catalog-ui.ts)', ui } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  const report = await benchCatalogUi(json ? undefined : { log: (line) => console.error(line) });
  console.log(json ? JSON.stringify(report) : JSON.stringify(report, null, 2));
}
