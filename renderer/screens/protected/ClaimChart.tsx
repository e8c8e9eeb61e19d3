import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { selectLocale, useAppStore } from '../../state/store.ts';
import { chartGeometry } from '../../../core/watch/chart.ts';
import type { ClaimEvidence } from './types.ts';

const WIDTH = 760;
const HEIGHT = 300;
const PADDING = { top: 24, right: 24, bottom: 34, left: 84 };

/**
 * The product's price over time as a step line (a price holds until the next one is seen), the
 * price paid as a dashed reference, the adjustment window shaded, and the drop the claim rests
 * on marked with how much it is.
 */
export function ClaimChart({ evidence, now = Date.now() }: { readonly evidence: ClaimEvidence; readonly now?: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useAppStore(selectLocale);
  const { line, claim, drop } = evidence;
  const currency = evidence.paidUnitPrice.currency;
  const reference = claim.referenceUnitPrice.amountMinor;
  const geometry = chartGeometry({
    points: evidence.history
      .filter((point) => point.unitPrice.currency === currency)
      .map((point) => ({ id: point.observationId, at: Date.parse(point.observedAt), price: point.unitPrice.amountMinor, isEvidence: point.isEvidence, inWindow: point.inWindow })),
    paid: reference,
    windowStart: line.watch.windowStart ? Date.parse(line.watch.windowStart) : null,
    windowEnd: line.watch.windowEnd ? Date.parse(line.watch.windowEnd) : null,
    now,
    width: WIDTH,
    height: HEIGHT,
    padding: PADDING,
  });
  const money = (amountMinor: number) => format.money({ amountMinor, currency });
  const shortDate = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const label = t('claim.chartLabel', { product: line.product.name, paid: format.money(claim.referenceUnitPrice), price: format.money(drop.to), date: format.date(drop.observedAt) });
  const { plot, evidence: mark } = geometry;
  // The drop's bracket stands beside the drop, on the side with more room before the next
  // observation, its amount next to it.
  const markIndex = geometry.dots.findIndex((dot) => dot.isEvidence);
  const before = mark ? mark.cx - (geometry.dots[markIndex - 1]?.cx ?? plot.left) : 0;
  const after = mark ? (geometry.dots[markIndex + 1]?.cx ?? plot.right) - mark.cx : 0;
  const cx = mark?.cx ?? 0;
  const bracket = before > after ? { x: cx - 16, labelX: cx - 24, anchor: 'end' as const } : { x: cx + 16, labelX: cx + 24, anchor: 'start' as const };

  return (
    <figure className="claim-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={label}
        data-testid="claim-chart"
        data-points={geometry.dots.length}
        data-paid={reference}
        data-drop-to={drop.to.amountMinor}
        preserveAspectRatio="xMidYMid meet"
      >
        {geometry.band ? <rect className="claim-chart__window" x={geometry.band.x0} y={plot.top} width={geometry.band.x1 - geometry.band.x0} height={plot.bottom - plot.top} /> : null}
        {geometry.yTicks.map((tick) => (
          <g key={tick.price} className="claim-chart__tick">
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
            <text x={plot.left - 10} y={tick.y} dy="0.32em" textAnchor="end">
              {money(tick.price)}
            </text>
          </g>
        ))}
        {geometry.xTicks.map((tick, index) => (
          <text key={index} className="claim-chart__date" x={tick.x} y={plot.bottom + 22} textAnchor={index === 0 ? 'start' : index === geometry.xTicks.length - 1 ? 'end' : 'middle'}>
            {shortDate.format(new Date(tick.at))}
          </text>
        ))}
        <line className="claim-chart__paid" x1={plot.left} x2={plot.right} y1={geometry.paidY} y2={geometry.paidY} data-testid="paid-line" />
        <text className="claim-chart__paid-label" x={plot.right - 4} y={geometry.paidY - 8} textAnchor="end">
          {t('claim.legendPaid', { amount: format.money(claim.referenceUnitPrice) })}
        </text>
        <path className="claim-chart__line" d={geometry.path} />
        {geometry.dots.map((dot) => (dot.isEvidence ? null : <circle key={dot.id} className={`claim-chart__dot${dot.inWindow ? '' : ' claim-chart__dot--outside'}`} cx={dot.cx} cy={dot.cy} r={3.5} />))}
        {mark ? (
          <g className="claim-chart__drop" data-testid="drop-marker">
            <line className="claim-chart__bracket" x1={bracket.x} x2={bracket.x} y1={geometry.paidY} y2={mark.cy - 2} />
            <path className="claim-chart__bracket" d={`M${bracket.x - 5},${geometry.paidY}H${bracket.x + 5}M${bracket.x - 4.5},${mark.cy - 8}L${bracket.x},${mark.cy - 2}L${bracket.x + 4.5},${mark.cy - 8}`} />
            <text className="claim-chart__drop-label" x={bracket.labelX} y={(geometry.paidY + mark.cy) / 2} dy="0.32em" textAnchor={bracket.anchor}>
              {t('claim.dropLabel', { amount: format.money(drop.perUnit) })}
            </text>
            <circle className="claim-chart__evidence-halo" cx={mark.cx} cy={mark.cy} r={10} />
            <circle className="claim-chart__evidence" cx={mark.cx} cy={mark.cy} r={5} data-testid="drop-point" />
            <text className="claim-chart__evidence-label" x={mark.cx} y={mark.cy + 24} textAnchor="middle">
              {format.money(drop.to)}
            </text>
          </g>
        ) : null}
      </svg>
      <figcaption className="claim-chart__legend">
        <span className="claim-chart__key claim-chart__key--line">{t('claim.legendPrice')}</span>
        <span className="claim-chart__key claim-chart__key--paid">{t('claim.legendPaid', { amount: format.money(claim.referenceUnitPrice) })}</span>
        {geometry.band ? <span className="claim-chart__key claim-chart__key--window">{t('claim.legendWindow')}</span> : null}
      </figcaption>
    </figure>
  );
}
