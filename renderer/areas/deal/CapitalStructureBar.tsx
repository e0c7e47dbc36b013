import { Bar, BarChart, CartesianGrid, LabelList, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CapitalClassRow, DealSizeResult } from '../../../service/api/contract.ts';
import { axisProps, chartMoneyAxis, uiLocale } from '../../app/axis-format.ts';
import { formatPct } from '../../app/format.ts';
import { formatMoney, formatMoneyCompact, type DealCurrency } from './model.ts';
import { useT } from '../../app/i18n.tsx';

/** Senior to junior, as the note-balance chart colours them. */
const CLASS_COLORS = ['#1f5fae', '#5b8fd1', '#9db4d3', '#e3b341', '#e08a2c', '#cf5a2a', '#9c1f1a'];

/** "A 80.0% · CE 20.9%": a class's share of the pool and its credit enhancement at closing. */
function classLabel(row: CapitalClassRow | undefined): string {
  return row ? `${row.id} ${formatPct(row.shareOfPool, 1)} · CE ${formatPct(row.creditEnhancement, 1)}` : '';
}

interface LabelProps {
  readonly x?: number | string;
  readonly y?: number | string;
  readonly width?: number | string;
  readonly height?: number | string;
  readonly value?: unknown;
  /** Dark text on the light segments. */
  readonly dark?: boolean;
}

/** A class's label inside its segment, left out where the segment is too narrow to hold it (the table below has every figure). */
function SegmentLabel({ x, y, width, height, value, dark }: LabelProps) {
  const [left, top, w, h] = [x, y, width, height].map(Number) as [number, number, number, number];
  const text = typeof value === 'string' ? value : '';
  if (!text || !(w >= text.length * 6 + 8)) return null;
  return (
    <text x={left + w / 2} y={top + h / 2} textAnchor="middle" dominantBaseline="central" fontSize={11} fill={dark === true ? '#111' : '#fff'}>
      {text}
    </text>
  );
}

const LightLabel = (props: LabelProps) => <SegmentLabel {...props} />;
const DarkLabel = (props: LabelProps) => <SegmentLabel {...props} dark />;

/**
 * The capital structure before and after sizing as two stacked horizontal bars (senior at the left),
 * each class labelled with its share of the pool and its CE at closing; the pool balance is the
 * dashed line, so notes larger than the pool show at once; the tooltip's amounts in `currency`.
 */
export function CapitalStructureBar({ size, currency }: { size: DealSizeResult; currency: DealCurrency }) {
  const t = useT();
  const rows = [
    { label: t('deal.asWritten'), classes: size.before },
    { label: t('deal.sized'), classes: size.after },
  ];
  const data = rows.map(({ label, classes }) => Object.fromEntries([['label', label], ...classes.map((c) => [c.id, c.balance])]) as Record<string, string | number>);
  // Round ticks of one unit up to the larger bar or the pool line, whichever reaches further.
  const moneyAxis = axisProps(chartMoneyAxis([...data, { pool: size.poolBalance }], [size.after.map((c) => c.id), ['pool']], uiLocale()));
  return (
    <figure className="chart-box capital-structure" data-testid="capital-structure-bar">
      <figcaption className="chart-caption">
        <h3>{t('deal.capitalStructureAtClosing')}</h3>
      </figcaption>
      <ResponsiveContainer width="100%" height={190}>
        <BarChart data={data} layout="vertical" margin={{ top: 22, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" {...moneyAxis} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={80} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value, name) => [formatMoney(Number(value), currency), String(name)]} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <ReferenceLine
            x={size.poolBalance}
            stroke="#333"
            strokeDasharray="4 3"
            label={{ value: t('deal.capitalStructure.poolLine', { balance: formatMoneyCompact(size.poolBalance) }), position: 'top', fontSize: 11 }}
          />
          {size.after.map((c, i) => (
            <Bar key={c.id} dataKey={c.id} name={c.name} stackId="classes" fill={CLASS_COLORS[i % CLASS_COLORS.length] ?? '#1f5fae'} isAnimationActive={false}>
              <LabelList
                content={i >= 2 ? DarkLabel : LightLabel}
                valueAccessor={(_entry: unknown, index: number) => classLabel((index === 1 ? size.after : size.before).find((r) => r.id === c.id))}
              />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
