import { Field, NumberInput } from './fields.tsx';
import { getIn, jsonPath, segmentOverrides, type KeyPath } from './model.ts';
import { SegmentEditor } from './SegmentEditor.tsx';

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
  const pool = getIn(file, ['pool']);
  const overridden = segmentOverrides(file);
  const known = new Set(tapeSegments.map((s) => s.value));
  const segments: TapeSegment[] = [...tapeSegments, ...overridden.filter((name) => !known.has(name)).map((name) => ({ value: name, label: name, share: null }))];

  return (
    <div className="assumption-form">
      <div className="assumption-fields horizon">
        <Field label="Horizon (months)" hint="projection months from the cutoff date, 1–600" error={issues.get('$.months') ?? null} path="$.months">
          {({ inputId, describedBy, invalid }) => (
            <NumberInput id={inputId} value={getIn(file, ['months'])} percent={false} describedBy={describedBy} invalid={invalid} onChange={(v) => onChange(['months'], v)} />
          )}
        </Field>
      </div>

      <fieldset className="panel assumption-panel">
        <legend>Pool-wide</legend>
        <p className="muted small">Every loan, unless its segment overrides a field below.</p>
        <SegmentEditor file={file} path={['pool']} inherits={undefined} issues={issues} implied={implied} onChange={onChange} />
      </fieldset>

      <h2>Segment overrides</h2>
      {segments.length === 0 ? <p className="muted">The chosen tape has no borrower segments (or no tape is chosen): the pool-wide assumptions apply to every loan.</p> : null}
      {segments.map((segment) => {
        const path = ['segments', segment.value];
        const overrides = overridden.includes(segment.value);
        const segmentIssue = issues.get(jsonPath(path)) ?? null;
        const legend = `Segment: ${segment.label}`;
        return (
          <fieldset key={segment.value} className={overrides ? 'panel assumption-panel' : 'panel assumption-panel collapsed'}>
            <legend>{legend}</legend>
            <div className="segment-head">
              <span className="muted small">
                <span className="mono">{segment.value}</span>
                {segment.share !== null ? ` · ${(segment.share * 100).toFixed(1)}% of the tape’s balance` : ' · not in the chosen tape'}
                {overrides ? ' · blank fields use the pool-wide value' : ' · uses the pool-wide assumptions'}
              </span>
              {overrides ? (
                <button type="button" className="secondary small-button" onClick={() => onChange(path, undefined)} aria-label={`Remove the overrides of ${segment.label}`}>
                  Remove overrides
                </button>
              ) : (
                <button type="button" className="secondary small-button" onClick={() => onChange(path, {})} aria-label={`Override for ${segment.label}`}>
                  Override for this segment
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
