import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../../core/money.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { priceChartGeometry } from './priceChart.ts';

const BOX = { width: 520, height: 200, left: 64, right: 16, top: 14, bottom: 28 };

export interface Observation {
  readonly observedAt: string;
  readonly price: Money;
}

/** The price over time as a step line: each observation holds until the next one. */
export function PriceChart({ observations, current }: { readonly observations: readonly Observation[]; readonly current: Money }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const geometry = useMemo(
    () =>
      priceChartGeometry(
        observations.map((observation) => ({ at: Date.parse(observation.observedAt), amountMinor: observation.price.amountMinor })),
        Date.now(),
        BOX,
      ),
    [observations],
  );
  if (!geometry) return <p className="muted">{t('catalog.noHistory')}</p>;
  const money = (amountMinor: number) => format.money({ amountMinor, currency: current.currency });
  const last = geometry.dots[geometry.dots.length - 1]!;
  // Observations spaced by order, all within a day: the times tell them apart, not the dates.
  const sameDay = geometry.xTicks.length === 2;
  return (
    <figure className="price-chart">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-label={t('catalog.chartLabel', { count: observations.length, price: format.money(current) })}
        data-testid="price-chart"
        data-points={geometry.dots.length}
      >
        <g className="price-chart__grid">
          {geometry.yTicks.map((tick) => (
            <g key={tick.amountMinor}>
              <line x1={BOX.left} x2={BOX.width - BOX.right} y1={tick.y} y2={tick.y} />
              <text x={BOX.left - 8} y={tick.y} dy="0.32em" textAnchor="end">
                {money(tick.amountMinor)}
              </text>
            </g>
          ))}
        </g>
        <g className="price-chart__axis">
          {geometry.xTicks.map((tick, index) => (
            <text key={tick.at} x={tick.x} y={BOX.height - 8} textAnchor={index === 0 ? 'start' : index === geometry.xTicks.length - 1 ? 'end' : 'middle'}>
              {sameDay ? format.dateTime(new Date(tick.at).toISOString()) : format.date(new Date(tick.at).toISOString())}
            </text>
          ))}
        </g>
        <path className="price-chart__area" d={geometry.area} />
        <path className="price-chart__line" d={geometry.line} />
        {geometry.dots.map((dot) => (
          <circle key={dot.point.at} className="price-chart__point" cx={dot.x} cy={dot.y} r={3.5}>
            <title>{`${format.date(new Date(dot.point.at).toISOString())}: ${money(dot.point.amountMinor)}`}</title>
          </circle>
        ))}
        <circle className="price-chart__current" cx={last.x} cy={last.y} r={5} />
      </svg>
      <figcaption className="price-chart__caption">
        <span>{t('catalog.currentPrice')}</span>
        <strong>{format.money(current)}</strong>
      </figcaption>
    </figure>
  );
}
