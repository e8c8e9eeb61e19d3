import { useTranslation } from 'react-i18next';
import type { Product } from '../../api/types.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import type { Changes } from './types.ts';

type ChangeKind = 'added' | 'removed' | 'swapped' | 'quantity' | 'moved' | 'recoloured' | 'finish';

/** What changed between two versions: added, removed, swapped, moved, recoloured, quantity — and the price change. */
export function ChangesList({ changes }: { readonly changes: Changes }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { result } = changes;
  if (!result.ok) {
    return (
      <p className="options-error" role="alert">
        {result.message}
      </p>
    );
  }
  const products = new Map(changes.products.map((product) => [product.id, product]));
  const name = (item: { productId: string | null; ownPiece?: { name: string } | undefined }) => nameOf(item, products) ?? t('project.ownPiece');
  const rows: { key: string; kind: ChangeKind; text: string; amount?: string }[] = [
    ...result.added.map((c) => ({ key: `a-${c.item.id}`, kind: 'added' as const, text: t('options.changeAdded', { piece: name(c.item) }), amount: format.money(c.priceChange, { signed: true }) })),
    ...result.removed.map((c) => ({ key: `r-${c.item.id}`, kind: 'removed' as const, text: t('options.changeRemoved', { piece: name(c.item) }), amount: format.money(c.priceChange, { signed: true }) })),
    ...result.swapped.map((c) => ({ key: `s-${c.itemId}`, kind: 'swapped' as const, text: t('options.changeSwapped', { from: name(c.before), to: name(c.after) }), amount: format.money(c.priceChange, { signed: true }) })),
    ...result.quantityChanged.map((c) => ({ key: `q-${c.itemId}`, kind: 'quantity' as const, text: t('options.changeQuantity', { piece: name(c.after), from: c.before.quantity, to: c.after.quantity }), amount: format.money(c.priceChange, { signed: true }) })),
    ...result.moved.map((c) => ({ key: `m-${c.itemId}`, kind: 'moved' as const, text: t('options.changeMoved', { piece: name(c.after), distance: format.length(Math.round(c.distanceMm)) }) })),
    ...result.recoloured.map((c) => ({ key: `c-${c.itemId}`, kind: 'recoloured' as const, text: t('options.changeRecoloured', { piece: name(c.after) }) })),
    ...result.finishesChanged.map((surface) => ({ key: `f-${surface}`, kind: 'finish' as const, text: t(surface === 'floor' ? 'options.changeFloor' : 'options.changeWalls') })),
  ];
  return (
    <div className="changes">
      {rows.length === 0 ? (
        <p className="muted">{t('options.noChanges')}</p>
      ) : (
        <ul className="changes__list" role="list">
          {rows.map((row) => (
            <li key={row.key} className={`change change--${row.kind}`}>
              <span className="change__kind">{t(`options.kind.${row.kind}`)}</span>
              <span className="change__text">{row.text}</span>
              {row.amount ? <span className="change__amount">{row.amount}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <dl className="changes__totals">
        <div>
          <dt>{t('options.totalFrom', { label: changes.from })}</dt>
          <dd>{format.money(result.totalBefore)}</dd>
        </div>
        <div>
          <dt>{t('options.totalTo', { label: changes.to })}</dt>
          <dd>{format.money(result.totalAfter)}</dd>
        </div>
        <div className="changes__delta">
          <dt>{t('options.priceChange')}</dt>
          <dd data-testid="price-change">{format.money(result.priceChange, { signed: true })}</dd>
        </div>
        {result.priceMovement.amountMinor !== 0 ? (
          <div>
            <dt>{t('options.priceMovement')}</dt>
            <dd>{format.money(result.priceMovement, { signed: true })}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

function nameOf(item: { productId: string | null; ownPiece?: { name: string } | undefined }, products: ReadonlyMap<string, Product>): string | null {
  if (item.productId) return products.get(item.productId)?.name ?? item.productId;
  return item.ownPiece?.name ?? null;
}
