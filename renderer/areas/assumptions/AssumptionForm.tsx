import { Field, NumberInput } from './fields.tsx';
import { getIn, jsonPath, segmentOverrides, type KeyPath } from './model.ts';
import { SegmentEditor } from './SegmentEditor.tsx';
import { isMessageKey, useT } from '../../app/i18n.tsx';

/** A borrower segment of the chosen tape: its value (the `segments` key) and how analysts read it. */
export interface TapeSegment {
  readonly value: string;
  readonly label: string;
  /** Share of the tape's current balance (fraction). */
  readonly share: number | null;
}

/** The assumption file as a form: horizon, pool-wide assumptions, then each segment's overrides. */
export function AssumptionForm({
  file,
  tapeSegments,
  issues,
  implied,
  onChange,
}: {
  file: unknown;
  tapeSegments: readonly TapeSegment[];
  issues: ReadonlyMap<string, string>;
  /** Implied long-run 1+ DPD share by set path (assumptions.check). */
  implied: ReadonlyMap<string, number>;
  onChange: (path: KeyPath, value: unknown) => void;
}) {
  const t = useT();
  const pool = getIn(file, ['pool']);
  const overridden = segmentOverrides(file);
  const known = new Set(tapeSegments.map((s) => s.value));
  const segments: TapeSegment[] = [...tapeSegments, ...overridden.filter((name) => !known.has(name)).map((name) => ({ value: name, label: name, share: null }))];

  return (
    <div className="assumption-form">
      <div className="assumption-fields horizon">
        <Field label={t('assumptions.horizonMonths')} hint={t('assumptions.projectionMonthsFromThe')} error={issues.get('$.months') ?? null} path="$.months">
          {({ inputId, describedBy, invalid }) => (
            <NumberInput id={inputId} value={getIn(file, ['months'])} percent={false} describedBy={describedBy} invalid={invalid} onChange={(v) => onChange(['months'], v)} />
          )}
        </Field>
      </div>

      <fieldset className="panel assumption-panel">
        <legend>{t('assumptions.poolWide')}</legend>
        <p className="muted small">{t('assumptions.everyLoanUnlessIts')}</p>
        <SegmentEditor file={file} path={['pool']} inherits={undefined} issues={issues} implied={implied} onChange={onChange} />
      </fieldset>

      <h2>{t('assumptions.segmentOverrides')}</h2>
      {segments.length === 0 ? <p className="muted">{t('assumptions.theChosenTapeHas')}</p> : null}
      {segments.map((segment) => {
        const path = ['segments', segment.value];
        const overrides = overridden.includes(segment.value);
        const segmentIssue = issues.get(jsonPath(path)) ?? null;
        const named = `assumptions.segment.${segment.value}`;
        const legend = t('assumptions.segmentLegend', { label: isMessageKey(named) ? t(named) : segment.label });
        return (
          <fieldset key={segment.value} className={overrides ? 'panel assumption-panel' : 'panel assumption-panel collapsed'}>
            <legend>{legend}</legend>
            <div className="segment-head">
              <span className="muted small">
                <span className="mono">{segment.value}</span>
                {segment.share !== null ? t('assumptions.ofTheTapeS', { toFixed: (segment.share * 100).toFixed(1) }) : t('assumptions.notInTheChosen')}
                {overrides ? t('assumptions.blankFieldsUseThe') : t('assumptions.usesThePoolWide')}
              </span>
              {overrides ? (
                <button type="button" className="secondary small-button" onClick={() => onChange(path, undefined)} aria-label={t('assumptions.removeTheOverridesOf', { label: segment.label })}>
                  {t('assumptions.removeOverrides')}
                </button>
              ) : (
                <button type="button" className="secondary small-button" onClick={() => onChange(path, {})} aria-label={t('assumptions.overrideFor', { label: segment.label })}>
                  {t('assumptions.overrideForThisSegment')}
                </button>
              )}
            </div>
            {segmentIssue ? (
              <p className="field-error" data-testid={`error ${jsonPath(path)}`}>
                {segmentIssue}
              </p>
            ) : null}
            {overrides ? <SegmentEditor file={file} path={path} inherits={pool ?? {}} issues={issues} implied={implied} onChange={onChange} /> : null}
          </fieldset>
        );
      })}
    </div>
  );
}
