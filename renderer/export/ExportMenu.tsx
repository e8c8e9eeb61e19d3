/**
 * [Options] Share an option: a PDF (the 3D view as drawn, the plan with wall lengths, the item
 * list with prices, retailer subtotals and the total) and PNG images of the 3D view and the plan.
 * Everything is made here in the page from what it already shows; nothing goes to the server.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { priceOption } from '../../core/pricing/index.ts';
import type { PlacedItem, PlanPoint } from '../../core/room.ts';
import type { Product } from '../api/types.ts';
import { useFormatters } from '../i18n/useFormatters.ts';
import { selectUser, useAppStore } from '../state/store.ts';
import { buildOptionPdf } from './optionPdf.ts';
import { paintPlan, planShape } from './planDrawing.ts';

interface ExportMenuProps {
  readonly title: string;
  readonly optionName: string;
  readonly roomName: string;
  readonly outline: readonly PlanPoint[];
  readonly items: readonly PlacedItem[];
  readonly products: readonly Product[];
  readonly currency: string | null;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileName(...parts: string[]): string {
  return parts.join(' - ').replace(/[^\p{L}\p{N} ._-]+/gu, '').replace(/\s+/g, ' ').trim() || 'option';
}

/** The 3D view as PNG bytes (the scene keeps its drawing buffer), or null when it is not on screen. */
async function viewPng(): Promise<Blob | null> {
  const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="room-view"] canvas');
  if (!canvas || canvas.width === 0) return null;
  return new Promise((done) => canvas.toBlob((blob) => done(blob), 'image/png'));
}

export function ExportMenu({ title, optionName, roomName, outline, items, products, currency }: ExportMenuProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useAppStore(selectUser);
  const [busy, setBusy] = useState(false);
  const byId = new Map(products.map((product) => [product.id, product]));
  const sizeOf = (item: PlacedItem) => {
    const source = item.productId ? byId.get(item.productId) : item.ownPiece;
    return source ? { widthMm: source.widthMm, depthMm: source.depthMm, name: source.name } : null;
  };
  const base = fileName(title, optionName);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      useAppStore.getState().showToast('error', t('export.failed', { reason: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const planBlob = () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1600;
    canvas.height = 1200;
    paintPlan(canvas.getContext('2d')!, planShape(outline, items, sizeOf), canvas.width, canvas.height, format.length);
    return new Promise<Blob>((done, fail) => canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('no image'))), 'image/png'));
  };

  const pdf = () =>
    run(async () => {
      const code = currency ?? products[0]?.price.currency;
      if (!code) throw new Error(t('export.noPrices'));
      const priced = priceOption(items, (id) => byId.get(id), code);
      const view = await viewPng();
      const bytes = await buildOptionPdf({
        title: `${title} — ${optionName}`,
        subtitle: t('export.subtitle', { room: roomName, date: format.date(new Date().toISOString()), name: user?.name ?? '' }),
        viewPng: view ? new Uint8Array(await view.arrayBuffer()) : null,
        plan: planShape(outline, items, sizeOf),
        formatLength: format.length,
        lines: priced.lines.map((line) => {
          const product = line.productId ? byId.get(line.productId) : undefined;
          const item = items.find((candidate) => candidate.id === line.itemId);
          return { name: product?.name ?? item?.ownPiece?.name ?? t('project.ownPiece'), retailer: product?.retailerName ?? t('project.ownPiece'), quantity: line.quantity, unitPrice: format.money(line.unitPrice), lineTotal: format.money(line.lineTotal) };
        }),
        subtotals: priced.byRetailer.map((group) => ({ retailer: products.find((product) => product.retailerId === group.retailerId)?.retailerName ?? group.retailerId, subtotal: format.money(group.subtotal) })),
        total: format.money(priced.total),
        labels: { view: t('export.view'), plan: t('export.plan'), items: t('export.items'), quantity: t('export.quantity'), unitPrice: t('export.unitPrice'), lineTotal: t('export.lineTotal'), subtotals: t('export.subtotals'), total: t('export.total') },
      });
      download(new Blob([bytes as BlobPart], { type: 'application/pdf' }), `${base}.pdf`);
    });

  return (
    <span className="export-menu" role="group" aria-label={t('export.label')}>
      <button type="button" className="button button--ghost button--sm" disabled={busy} onClick={() => void pdf()}>
        {t('export.pdf')}
      </button>
      <button
        type="button"
        className="button button--ghost button--sm"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const view = await viewPng();
            if (!view) throw new Error(t('export.noView'));
            download(view, `${base} - 3D.png`);
          })
        }
      >
        {t('export.viewPng')}
      </button>
      <button type="button" className="button button--ghost button--sm" disabled={busy} onClick={() => void run(async () => download(await planBlob(), `${base} - plan.png`))}>
        {t('export.planPng')}
      </button>
    </span>
  );
}
