import { isMessageKey, translate, type MessageKey } from '../../app/i18n.tsx';

/**
 * A stored run's key-figure label in the shown language. The run store writes its labels in English
 * (service/run-store/figures.ts) and keeps them with the run, so a run stored long ago reads the
 * same: each of its label shapes is read back here into its catalogue key and parts (a note's
 * name, a day-count basis, a denominator). A label of no known shape is shown as stored.
 */
const FIXED: Readonly<Record<string, MessageKey>> = {
  'Pool balance (deal currency)': 'figure.poolBalance',
  'Cutoff balance (pool currency)': 'figure.cutoffBalance',
  'Cumulative net loss (pool currency)': 'figure.cumulativeNetLoss',
  Loans: 'figure.loans',
  Scenarios: 'figure.scenarios',
  'Pool mean net loss (÷ cutoff balance)': 'figure.poolMeanNetLoss',
};

/** A cumulative default rate's denominator: the cutoff balance, or one of the deal's ratio denominators (initialPool…). */
function denominatorWords(name: string): string {
  if (name === 'cutoff balance') return translate('figure.cutoffBalanceDenominator');
  const key = `common.denominator.${name}`;
  return isMessageKey(key) ? translate(key) : name;
}

/** A breakeven's test as stored: the interest test, then the status when not found ("timely, beyondRange"). */
function testWords(test: string): string {
  return test
    .split(', ')
    .map((part) => {
      const key = ['timely', 'ultimate'].includes(part) ? `figure.interest.${part}` : `figure.status.${part}`;
      return isMessageKey(key) ? translate(key) : part;
    })
    .join(translate('deal.schedule.listSeparator'));
}

/** A grid axis' parameter as stored (defaultMult) by its short name in the shown language (违约乘数), as run names say it; unknown: as stored. */
function axisWords(parameter: string): string {
  const key = `msg.runName.axis${parameter.charAt(0).toUpperCase()}${parameter.slice(1)}`;
  return isMessageKey(key) ? translate(key) : parameter;
}

type Shape = readonly [RegExp, (m: RegExpExecArray) => string];

const SHAPES: readonly Shape[] = [
  [/^(.+) WAL \(y, (.+)\)$/, (m) => translate('figure.wal', { note: m[1] ?? '', basis: m[2] ?? '' })],
  [
    /^(.+) breakeven (CDR|multiplier) \((.+)\)$/,
    (m) => translate('figure.breakeven', { note: m[1] ?? '', what: translate(m[2] === 'CDR' ? 'figure.breakevenCdr' : 'figure.breakevenMultiplier'), test: testWords(m[3] ?? '') }),
  ],
  [/^(.+) expected loss \((\d+) paths\)$/, (m) => translate('figure.expectedLoss', { note: m[1] ?? '', paths: m[2] ?? '' })],
  [/^Highest cumulative default rate \(÷ (.+)\)$/, (m) => translate('figure.highestCdr', { denominator: denominatorWords(m[1] ?? '') })],
  [/^Cumulative default rate \(÷ (.+)\)$/, (m) => translate('figure.cdr', { denominator: denominatorWords(m[1] ?? '') })],
  [/^Cells \((\w+) × (\w+)\)$/, (m) => translate('figure.cells', { rows: axisWords(m[1] ?? ''), columns: axisWords(m[2] ?? '') })],
  [/^(.+) worst loss$/, (m) => translate('figure.worstLoss', { note: m[1] ?? '' })],
  [/^(.+) loss$/, (m) => translate('figure.loss', { note: m[1] ?? '' })],
];

export function figureLabel(label: string): string {
  const fixed = FIXED[label];
  if (fixed !== undefined) return translate(fixed);
  for (const [shape, words] of SHAPES) {
    const m = shape.exec(label);
    if (m) return words(m);
  }
  return label;
}
