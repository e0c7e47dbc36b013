import { Field, NumberInput } from './fields.tsx';
import { getIn, isObject, jsonPath, percentMessage, percentText, plainText, type KeyPath } from './model.ts';
import { ImpliedDelinquency, RollRateGrid } from './RollRateGrid.tsx';

interface NumberSpec {
  readonly key: 'recoveryRate' | 'recoveryLagMonths' | 'penaltyMultiple' | 'servicingFeeRate';
  readonly label: string;
  readonly percent: boolean;
  readonly unit: string;
  readonly hint: string;
}

/** Units and conventions as analysts read them; the file keeps decimals (schema), the form shows %. */
const NUMBERS: readonly NumberSpec[] = [
  { key: 'recoveryRate', label: 'Recovery rate', percent: true, unit: '%', hint: '% of defaulted principal recovered' },
  { key: 'recoveryLagMonths', label: 'Recovery lag', percent: false, unit: 'months', hint: 'months from charge-off to recovery (0: same month)' },
  { key: 'penaltyMultiple', label: 'Penalty interest (罚息)', percent: false, unit: '×', hint: '× contract rate, on overdue principal, paid by cures' },
  { key: 'servicingFeeRate', label: 'Servicing fee', percent: true, unit: '% a year', hint: 'annual strip on each month’s beginning balance' },
];

const VECTORS = [
  {
    key: 'prepayment',
    label: 'Prepayment',
    hint: 'vector notation; a bare rate is CPR, annual % (SMM: monthly; PSA; ABS) — e.g. 150 PSA, 2 ramp 8 6 CPR, 4 for 12, 8',
  },
  {
    key: 'default',
    label: 'Default (performing loans)',
    hint: 'vector notation; a bare rate is CDR, annual % (MDR: monthly; SDA) — e.g. 1 CDR, 100 SDA',
  },
] as const;

const EMPTY_ROLL_RATES = { rollForward: { current: 0, dpd1_30: 0, dpd31_60: 0, dpd61_90: 0 } };

/** Interest accrual conventions (engine/daycount.ts); absent = 30/360, APR ÷ 12 a month. */
const DAY_COUNTS = [
  { value: '30/360', label: '30/360' },
  { value: 'ACT/365', label: 'ACT/365' },
  { value: 'ACT/360', label: 'ACT/360' },
] as const;

/** Vector notation as analysts type it (docs/vector-notation.md); every rate is a percentage. */
const NOTATION_EXAMPLES: readonly (readonly [string, string])[] = [
  ['6', 'constant 6% CPR (6% CDR in the default field)'],
  ['2 ramp 8 6 CPR', '2% in month 1 rising to 8% in month 6, then 8%'],
  ['4 for 12, 8', '4% for months 1–12, then 8%'],
  ['150 PSA', '150% of the PSA benchmark (by loan age)'],
  ['100 SDA', 'the Standard Default Assumption'],
  ['0.5 SMM', '0.5% of the balance a month (MDR for defaults)'],
  ['0.5 ramp 12 24 by age', 'read by loan age instead of month since cutoff'],
  ['8 CPR x1.25', 'the whole curve at 125%'],
];

function NotationHelp() {
  return (
    <details className="notation-help">
      <summary>Vector notation: examples</summary>
      <table className="data-table compact">
        <tbody>
          {NOTATION_EXAMPLES.map(([text, meaning]) => (
            <tr key={text}>
              <td className="mono">{text}</td>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Months count from the cutoff unless <span className="mono">by age</span>; the last value holds flat. A bare rate is annual (CPR, CDR); SMM and MDR are monthly. Full grammar:
        docs/vector-notation.md.
      </p>
    </details>
  );
}

function percentOrNull(message: string | null): string | null {
  return message === null ? null : percentMessage(message);
}

function inheritedText(value: unknown, percent: boolean): string {
  return percent ? percentText(value) : plainText(value);
}

/**
 * The assumptions of the whole pool (`path` = ['pool']) or one segment's overrides
 * (['segments', name], with `inherits` = the pool's): speeds in vector notation, roll rates,
 * recoveries, penalty interest and servicing. A blank override inherits the pool's value.
 */
export function SegmentEditor({
  file,
  path,
  inherits,
  issues,
  implied,
  onChange,
}: {
  file: unknown;
  path: KeyPath;
  inherits: unknown;
  issues: ReadonlyMap<string, string>;
  /** Implied long-run 1+ DPD share by set path (assumptions.check). */
  implied: ReadonlyMap<string, number>;
  onChange: (path: KeyPath, value: unknown) => void;
}) {
  const spec = getIn(file, path);
  const overriding = inherits !== undefined;
  const rollRates = getIn(spec, ['rollRates']);
  const inheritedRollRates = getIn(inherits, ['rollRates']);
  const issue = (key: string): string | null => issues.get(jsonPath([...path, key])) ?? null;

  return (
    <div className="segment-editor">
      <div className="assumption-fields">
        {VECTORS.map((vector) => {
          const value = getIn(spec, [vector.key]);
          const inherited = getIn(inherits, [vector.key]);
          return (
            <Field key={vector.key} label={vector.label} hint={vector.hint} error={issue(vector.key)} path={jsonPath([...path, vector.key])}>
              {({ inputId, describedBy, invalid }) => (
                <input
                  id={inputId}
                  className="mono"
                  value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
                  placeholder={overriding ? `pool: ${typeof inherited === 'string' ? inherited : 'none'}` : 'e.g. 10 CPR'}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => onChange([...path, vector.key], e.target.value === '' ? undefined : e.target.value)}
                />
              )}
            </Field>
          );
        })}
        {NUMBERS.map((n) => {
          const inherited = getIn(inherits, [n.key]);
          return (
            <Field key={n.key} label={`${n.label} (${n.unit})`} hint={n.hint} error={n.percent ? percentOrNull(issue(n.key)) : issue(n.key)} path={jsonPath([...path, n.key])}>
              {({ inputId, describedBy, invalid }) => (
                <NumberInput
                  id={inputId}
                  value={getIn(spec, [n.key])}
                  percent={n.percent}
                  describedBy={describedBy}
                  invalid={invalid}
                  placeholder={overriding ? `pool: ${inherited === undefined ? 'none' : inheritedText(inherited, n.percent)}` : '0'}
                  onChange={(v) => onChange([...path, n.key], v)}
                />
              )}
            </Field>
          );
        })}
        <Field
          label="Interest day count"
          hint={`30/360: APR ÷ 12 a month; ACT/365: daily on actual days (Chinese consumer loans); ACT/360. ${overriding ? 'Blank: the pool’s.' : 'Blank: 30/360.'}`}
          error={issue('dayCount')}
          path={jsonPath([...path, 'dayCount'])}
        >
          {({ inputId, describedBy, invalid }) => {
            const value = getIn(spec, ['dayCount']);
            const inherited = getIn(inherits, ['dayCount']);
            return (
              <select
                id={inputId}
                value={typeof value === 'string' ? value : ''}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onChange={(e) => onChange([...path, 'dayCount'], e.target.value === '' ? undefined : e.target.value)}
              >
                <option value="">{overriding ? `pool’s (${typeof inherited === 'string' ? inherited : '30/360'})` : 'default (30/360)'}</option>
                {DAY_COUNTS.map((d) => (
                  <option key={d.value} value={d.value}>
                    {d.label}
                  </option>
                ))}
                {typeof value === 'string' && !DAY_COUNTS.some((d) => d.value === value) ? <option value={value}>{value}</option> : null}
              </select>
            );
          }}
        </Field>
      </div>
      {overriding ? null : <NotationHelp />}
      {!overriding && rollRates === undefined ? (
        <div className="inherit-note">
          <span className="muted">No roll-rate model: delinquent loans stay in their cutoff bucket and are never cured or charged off.</span>{' '}
          <button type="button" className="link-button" onClick={() => onChange([...path, 'rollRates'], EMPTY_ROLL_RATES)}>
            Add roll rates
          </button>
        </div>
      ) : overriding && rollRates === undefined ? (
        <div className="inherit-note">
          <span className="muted">Roll rates: the pool’s.</span> <ImpliedDelinquency share={implied.get(jsonPath(path))} />{' '}
          <button type="button" className="link-button" onClick={() => onChange([...path, 'rollRates'], isObject(inheritedRollRates) ? inheritedRollRates : { rollForward: {} })}>
            Set roll rates for this segment
          </button>
        </div>
      ) : (
        <>
          <RollRateGrid rollRates={rollRates} path={[...path, 'rollRates']} issues={issues} onChange={(next) => onChange([...path, 'rollRates'], next)} />
          <ImpliedDelinquency share={implied.get(jsonPath(path))} />
          {overriding ? (
            <button type="button" className="link-button" onClick={() => onChange([...path, 'rollRates'], undefined)}>
              Use the pool’s roll rates
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
