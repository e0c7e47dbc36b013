import { useId, useState } from 'react';
import { NumberInput } from './fields.tsx';
import {
  CHARGE_OFF_CHOICES,
  DEFAULT_CHARGE_OFF,
  getIn,
  GRID_ROWS,
  jsonPath,
  percentMessage,
  setIn,
  STATE_LABELS,
  withChargeOffAt,
  type ChargeOffState,
  type GridState,
  type KeyPath,
  type RangeLayout,
} from './model.ts';
import { layoutOf, toCompact, toMonthly } from './range-layout.ts';
import { useT } from '../../app/i18n.tsx';

type Move = 'rollForward' | 'cure' | 'rollBack';

/** Which moves a state has: current only rolls forward; 1–30 cures but cannot roll back (that is a cure). */
function hasMove(state: GridState, move: Move): boolean {
  if (move === 'rollForward') return true;
  if (move === 'cure') return state !== 'current';
  return state !== 'current' && state !== 'dpd1_30';
}

function numberOr0(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

const percent = (share: number): string => `${Number((share * 100).toPrecision(10))}%`;

/**
 * The long-run share 1+ days past due the roll rates imply (assumptions.check: the stationary mix
 * with charge-offs replaced by new current loans), to set beside the tape's delinquency ratio.
 */
export function ImpliedDelinquency({ share }: { share: number | undefined }) {
  const t = useT();
  if (share === undefined) return null;
  return (
    <span className="muted small implied-dpd" title={t('assumptions.stationaryShareOfThe')}>
      {t('assumptions.impliedLongRun1', { toFixed: (share * 100).toFixed(2) })}
    </span>
  );
}

/**
 * The roll-rate (transition) matrix as analysts write it: per bucket, the monthly probability of
 * rolling one bucket worse, curing to current and rolling one bucket back; what is left stays.
 * From the charge-off bucket, rolling forward is charging off; buckets beyond it are never reached.
 * The 91–180 range is one compact row or three monthly rows (range-layout.ts); the analyst switches
 * between them, the set's own form deciding when it names either.
 */
export function RollRateGrid({
  rollRates,
  path,
  issues,
  onChange,
}: {
  rollRates: unknown;
  /** Key path of the rollRates object in the file. */
  path: KeyPath;
  issues: ReadonlyMap<string, string>;
  onChange: (rollRates: unknown) => void;
}) {
  const t = useT();
  const captionId = useId();
  const [chosen, setChosen] = useState<RangeLayout>('compact');
  const layout = layoutOf(rollRates, chosen);
  const where = jsonPath(path);
  const rows = GRID_ROWS[layout];
  const chargeOffRaw = getIn(rollRates, ['chargeOffAt']);
  const choices: readonly unknown[] = CHARGE_OFF_CHOICES[layout];
  const chargeOffAt: ChargeOffState = choices.includes(chargeOffRaw) ? (chargeOffRaw as ChargeOffState) : DEFAULT_CHARGE_OFF[layout];
  const last = rows.indexOf(chargeOffAt);
  // Errors about the matrix as a whole (a row whose moves exceed 100%) and about single cells.
  const gridIssues = [...issues].filter(([p]) => p === where || p.startsWith(`${where}.`));
  const compactForm = toCompact(rollRates);

  function switchLayout(next: RangeLayout): void {
    setChosen(next);
    if (next === 'monthly') onChange(toMonthly(rollRates));
    else if ('rollRates' in compactForm) onChange(compactForm.rollRates);
  }

  return (
    <div className="roll-grid" data-path={where} data-layout={layout}>
      <table className="data-table compact roll-table" aria-describedby={captionId}>
        <caption id={captionId}>{t('assumptions.rollRatesMonthlyProbabilities')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assumptions.bucket')}</th>
            <th scope="col" className="num" title={t('assumptions.toTheNextBucket')}>
              {t('assumptions.rollForward')}
            </th>
            <th scope="col" className="num" title={t('assumptions.backToCurrentArrears')}>
              {t('assumptions.cure')}
            </th>
            <th scope="col" className="num" title={t('assumptions.oneBucketBetterWithout')}>
              {t('assumptions.rollBack')}
            </th>
            <th scope="col" className="num">
              {t('assumptions.stay')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((state, index) => (
            <GridRow key={state} state={state} reached={index <= last} chargeOffAt={chargeOffAt} rollRates={rollRates} where={where} issues={issues} onChange={onChange} />
          ))}
        </tbody>
      </table>
      <div className="roll-grid-options">
        <label className="inline-label">
          {t('assumptions.n91180Days')}
          <select aria-label={t('assumptions.n91180DaysWritten')} value={layout} onChange={(e) => switchLayout(e.target.value as RangeLayout)}>
            <option value="compact" disabled={layout === 'monthly' && 'reason' in compactForm}>
              {t('assumptions.oneRowEachMonth')}
            </option>
            <option value="monthly">{t('assumptions.monthByMonth')}</option>
          </select>
        </label>
        {layout === 'monthly' && 'reason' in compactForm ? <span className="muted small">{t('assumptions.oneRowIsNot', { reason: compactForm.reason })}</span> : null}
        <label className="inline-label">
          {t('assumptions.chargeOffFrom')}
          <select aria-label={t('assumptions.chargeOffBucket')} value={chargeOffAt} onChange={(e) => onChange(withChargeOffAt(rollRates, e.target.value as ChargeOffState, layout))}>
            {CHARGE_OFF_CHOICES[layout].map((state) => (
              <option key={state} value={state}>
                {t(STATE_LABELS[state])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {gridIssues.length > 0 ? (
        <ul className="field-error grid-errors" data-testid={`error ${where}`}>
          {gridIssues.map(([p, message]) => (
            <li key={p}>
              {p === where ? '' : `${p.slice(where.length + 1)}: `}
              {percentMessage(message)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One bucket's row: its moves (editable where the state has them), and what stays. */
function GridRow({
  state,
  reached,
  chargeOffAt,
  rollRates,
  where,
  issues,
  onChange,
}: {
  state: GridState;
  reached: boolean;
  chargeOffAt: ChargeOffState;
  rollRates: unknown;
  where: string;
  issues: ReadonlyMap<string, string>;
  onChange: (rollRates: unknown) => void;
}) {
  const t = useT();
  // The compact 91–180 row stands for three monthly buckets: what neither cures nor rolls back is a month later (docs/assumptions.md).
  const compact = state === 'dpd91_180';
  const rollsOn = 1 - numberOr0(getIn(rollRates, ['cure', state])) - numberOr0(getIn(rollRates, ['rollBack', state]));
  const moves = (['rollForward', 'cure', 'rollBack'] as const).map((move) => getIn(rollRates, [move, state]));
  const stay = compact ? 0 : 1 - moves.reduce<number>((sum, p) => sum + numberOr0(p), 0);

  function cellLabel(move: Move): string {
    const from = { from: t(STATE_LABELS[state]) };
    if (move === 'rollForward') return state === chargeOffAt ? t('assumptions.cell.chargeOff', from) : t('assumptions.cell.rollForward', from);
    return t(move === 'cure' ? 'assumptions.cell.cure' : 'assumptions.cell.rollBack', from);
  }

  return (
    <tr className={reached ? undefined : 'unreached'}>
      <th scope="row">
        {t(STATE_LABELS[state])}
        {state === chargeOffAt ? <span className="tag">{t('assumptions.chargeOff')}</span> : null}
      </th>
      {reached ? (
        <>
          {(['rollForward', 'cure', 'rollBack'] as const).map((move) => {
            const cellPath = `${where}.${move}.${state}`;
            return (
              <td key={move} className="num">
                {compact && move === 'rollForward' ? (
                  <span className="muted" title={t('assumptions.threeMonthlyBuckets91')}>
                    {t('assumptions.aMonthOn', { rollsOn: percent(rollsOn) })}
                  </span>
                ) : hasMove(state, move) ? (
                  <NumberInput
                    className={issues.has(cellPath) ? 'cell-input invalid' : 'cell-input'}
                    value={getIn(rollRates, [move, state])}
                    percent
                    ariaLabel={cellLabel(move)}
                    invalid={issues.has(cellPath)}
                    placeholder="0"
                    onChange={(v) => onChange(setIn(rollRates, [move, state], v))}
                  />
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            );
          })}
          <td className={stay < -1e-12 || rollsOn < -1e-12 ? 'num error-text' : 'num muted'}>{percent(stay)}</td>
        </>
      ) : (
        <td colSpan={4} className="muted">
          {t('assumptions.neverReachedChargedOff', { value: t(STATE_LABELS[chargeOffAt]) })}
        </td>
      )}
    </tr>
  );
}
