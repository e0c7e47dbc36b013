import type { RunFigure, RunInputs, RunRecord } from '../../../service/api/contract.ts';
import { formatCount, formatPct } from '../../app/format.ts';
import { formatMoney, type DealCurrency } from '../deal/model.ts';
import { translate, type MessageKey } from '../../app/i18n.tsx';

export const KIND_LABELS: Readonly<Record<RunRecord['kind'], MessageKey>> = {
  projection: 'runs.kind.projection',
  deal: 'runs.kind.deal',
  breakeven: 'runs.kind.breakeven',
  scenarios: 'runs.kind.scenarios',
  grid: 'runs.kind.grid',
  'monte-carlo': 'runs.kind.montecarlo',
};

/** A key figure with its unit: "1.23 years", "4.56%", "¥1,234.00", "2.345×", "1,234,567" loans. */
export function figureText(figure: RunFigure): string {
  if (figure.value === null) return '—';
  if (figure.unit === 'years') return translate('runs.years', { years: figure.value.toFixed(2) });
  if (figure.unit === 'ratio') return formatPct(figure.value);
  if (figure.unit === 'money') return formatMoney(figure.value);
  if (figure.unit === 'multiple') return `${figure.value.toFixed(3)}×`;
  // A count groups its digits as every other number of the app (1,234,567), not by the browser's own locale.
  return formatCount(figure.value);
}

/** The currency a stored run's amounts are in: its deal file's (undefined: the file states none, or a projection of a tape). */
export function runCurrency(inputs: RunInputs): DealCurrency {
  return inputs.kind === 'projection' ? undefined : inputs.deal.currency;
}

/** The scenario a stored deal run or breakeven ran under, in words, with its one-off overrides. */
export function scenarioLabel(inputs: RunInputs): string {
  if (inputs.kind === 'projection') return translate('runs.asStored');
  const base = inputs.assumptions === null ? translate('runs.base.dealFile') : translate('runs.base.stored');
  const { prepayment, default: defaults, defaultMultiplier } = inputs.scenarioOverrides;
  const overrides = [
    ...(prepayment !== undefined ? [translate('runs.override.prepayment', { vector: prepayment })] : []),
    ...(defaults !== undefined ? [translate('runs.override.default', { vector: defaults })] : []),
    ...(defaultMultiplier !== undefined ? [translate('runs.override.multiplier', { n: defaultMultiplier })] : []),
  ];
  const separator = translate('deal.schedule.listSeparator');
  return overrides.length > 0 ? `${base}${separator}${overrides.join(separator)}` : base;
}
