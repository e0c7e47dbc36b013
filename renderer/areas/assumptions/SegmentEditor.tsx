import { Field, NumberInput } from './fields.tsx';
import { getIn, isObject, jsonPath, percentMessage, percentText, plainText, type KeyPath } from './model.ts';
import { ImpliedDelinquency, RollRateGrid } from './RollRateGrid.tsx';
import { defaultCurveNotApplied, hasRollRates } from './default-sources.ts';
import { useT, type Translate } from '../../app/i18n.tsx';

interface NumberSpec {
  readonly key: 'recoveryRate' | 'recoveryLagMonths' | 'penaltyMultiple' | 'servicingFeeRate';
  readonly label: string;
  readonly percent: boolean;
  readonly unit: string;
  readonly hint: string;
}

/** Units and conventions as analysts read them; the file keeps decimals (schema), the form shows %. */
function numberSpecs(t: Translate): readonly NumberSpec[] {
  return [
    { key: 'recoveryRate', label: t('assumptions.recoveryRate'), percent: true, unit: '%', hint: t('assumptions.ofDefaultedPrincipalRecovered') },
    { key: 'recoveryLagMonths', label: t('assumptions.recoveryLag'), percent: false, unit: t('assumptions.months'), hint: t('assumptions.monthsFromChargeOff') },
    { key: 'penaltyMultiple', label: t('assumptions.penaltyInterest罚息'), percent: false, unit: '×', hint: t('assumptions.contractRateOnOverdue') },
    { key: 'servicingFeeRate', label: t('assumptions.servicingFee'), percent: true, unit: t('assumptions.aYear'), hint: t('assumptions.annualStripOnEach') },
  ];
}

function vectorSpecs(t: Translate) {
  return [
    {
      key: 'prepayment',
      label: t('assumptions.prepayment'),
      hint: t('assumptions.vectorNotationABare'),
    },
    {
      key: 'default',
      label: t('assumptions.defaultPerformingLoans'),
      hint: t('assumptions.vectorNotationABare2'),
    },
  ] as const;
}

const EMPTY_ROLL_RATES = { rollForward: { current: 0, dpd1_30: 0, dpd31_60: 0, dpd61_90: 0 } };

/** Interest accrual conventions (engine/daycount.ts); absent = 30/360, APR ÷ 12 a month. */
const DAY_COUNTS = [
  { value: '30/360', label: '30/360' },
  { value: '30/360 US', label: '30/360 US' },
  { value: '30E/360', label: '30E/360' },
  { value: '30E/360 ISDA', label: '30E/360 ISDA' },
  { value: 'ACT/365', label: 'ACT/365' },
  { value: 'ACT/360', label: 'ACT/360' },
] as const;

/** Vector notation as analysts type it (docs/vector-notation.md); every rate is a percentage. */
function notationExamples(t: Translate): readonly (readonly [string, string])[] {
  return [
    ['6', t('assumptions.notation.constant')],
    ['2 ramp 8 6 CPR', t('assumptions.notation.ramp')],
    ['4 for 12, 8', t('assumptions.notation.forThen')],
    ['150 PSA', t('assumptions.notation.psa')],
    ['100 SDA', t('assumptions.notation.sda')],
    ['0.5 SMM', t('assumptions.notation.smm')],
    ['0.5 ramp 12 24 by age', t('assumptions.notation.byAge')],
    ['8 CPR x1.25', t('assumptions.notation.scaled')],
  ];
}

function NotationHelp() {
  const t = useT();
  return (
    <details className="notation-help">
      <summary>{t('assumptions.vectorNotationExamples')}</summary>
      <table className="data-table compact">
        <tbody>
          {notationExamples(t).map(([text, meaning]) => (
            <tr key={text}>
              <td className="mono">{text}</td>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        {t('assumptions.monthsCountFromThe')} <span className="mono">{t('assumptions.byAge')}</span>
        {t('assumptions.theLastValueHolds')}
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
 * One default source or two, where the set has roll rates (docs/assumptions.md, "One default
 * source"): blank is the file's default (charge-offs only) or, for a segment, the pool's choice.
 */
function DefaultSourcesField({ spec, inherits, path, error, onChange }: { spec: unknown; inherits: unknown; path: KeyPath; error: string | null; onChange: (path: KeyPath, value: unknown) => void }) {
  const t = useT();
  const overriding = inherits !== undefined;
  const value = getIn(spec, ['defaultSources']);
  const label = (sources: unknown): string => (sources === 'both' ? t('assumptions.defaultSources.both') : t('assumptions.defaultSources.one'));
  return (
    <Field label={t('assumptions.defaultSources')} hint={t('assumptions.defaultSources.hint')} error={error} path={jsonPath([...path, 'defaultSources'])}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          value={typeof value === 'string' ? value : ''}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange([...path, 'defaultSources'], e.target.value === '' ? undefined : e.target.value)}
        >
          <option value="">{overriding ? t('assumptions.poolS', { value: label(getIn(inherits, ['defaultSources'])) }) : label(undefined)}</option>
          {overriding ? <option value="one">{label('one')}</option> : null}
          <option value="both">{label('both')}</option>
        </select>
      )}
    </Field>
  );
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
  const t = useT();
  const spec = getIn(file, path);
  const overriding = inherits !== undefined;
  const rollRates = getIn(spec, ['rollRates']);
  const inheritedRollRates = getIn(inherits, ['rollRates']);
  const issue = (key: string): string | null => issues.get(jsonPath([...path, key])) ?? null;

  return (
    <div className="segment-editor">
      <div className="assumption-fields">
        {vectorSpecs(t).map((vector) => {
          const value = getIn(spec, [vector.key]);
          const inherited = getIn(inherits, [vector.key]);
          return (
            <Field
              key={vector.key}
              label={vector.label}
              hint={vector.hint}
              error={issue(vector.key)}
              warning={vector.key === 'default' && defaultCurveNotApplied(spec, inherits) ? t('assumptions.defaultNotApplied') : null}
              path={jsonPath([...path, vector.key])}
            >
              {({ inputId, describedBy, invalid }) => (
                <input
                  id={inputId}
                  className="mono"
                  value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
                  placeholder={overriding ? t('assumptions.pool', { value: typeof inherited === 'string' ? inherited : t('assumptions.noneInherited') }) : t('assumptions.eG10Cpr')}
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
        {numberSpecs(t).map((n) => {
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
                  placeholder={overriding ? t('assumptions.pool', { value: inherited === undefined ? t('assumptions.noneInherited') : inheritedText(inherited, n.percent) }) : '0'}
                  onChange={(v) => onChange([...path, n.key], v)}
                />
              )}
            </Field>
          );
        })}
        <Field
          label={t('assumptions.interestDayCount')}
          hint={t('assumptions.n30360Apr12', { value: overriding ? t('assumptions.blankPool') : t('assumptions.blank30360') })}
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
                <option value="">{overriding ? t('assumptions.poolS', { value: typeof inherited === 'string' ? inherited : '30/360' }) : t('assumptions.default30360')}</option>
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
        {hasRollRates(spec, inherits) ? <DefaultSourcesField spec={spec} inherits={inherits} path={path} error={issue('defaultSources')} onChange={onChange} /> : null}
      </div>
      {overriding ? null : <NotationHelp />}
      {!overriding && rollRates === undefined ? (
        <div className="inherit-note">
          <span className="muted">{t('assumptions.noRollRateModel')}</span>{' '}
          <button type="button" className="link-button" onClick={() => onChange([...path, 'rollRates'], EMPTY_ROLL_RATES)}>
            {t('assumptions.addRollRates')}
          </button>
        </div>
      ) : overriding && rollRates === undefined ? (
        <div className="inherit-note">
          <span className="muted">{t('assumptions.rollRatesThePool')}</span> <ImpliedDelinquency share={implied.get(jsonPath(path))} />{' '}
          <button type="button" className="link-button" onClick={() => onChange([...path, 'rollRates'], isObject(inheritedRollRates) ? inheritedRollRates : { rollForward: {} })}>
            {t('assumptions.setRollRatesFor')}
          </button>
        </div>
      ) : (
        <>
          <RollRateGrid rollRates={rollRates} path={[...path, 'rollRates']} issues={issues} onChange={(next) => onChange([...path, 'rollRates'], next)} />
          <ImpliedDelinquency share={implied.get(jsonPath(path))} />
          {overriding ? (
            <button type="button" className="link-button" onClick={() => onChange([...path, 'rollRates'], undefined)}>
              {t('assumptions.useThePoolS')}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
