import type { ReactNode } from 'react';
import type { FileIssue } from '../../app/issues.ts';
import { addRow, duplicateRow, FACTORS, fieldPath, plainMessage, removeRow, updateRow, type Factor, type ScenarioRow, type ScenarioSetForm } from './form.ts';
import { translate, useT, type MessageKey } from '../../app/i18n.tsx';
import { sayCoded } from '../../app/coded.ts';

const FACTOR_LABELS: Readonly<Record<Factor, MessageKey>> = {
  default: 'compare.factor.default',
  rollIn: 'compare.factor.rollIn',
  cure: 'compare.factor.cure',
  prepayment: 'compare.factor.prepayment',
  recovery: 'compare.factor.recovery',
};

const FACTOR_HINTS: Readonly<Record<Factor, MessageKey>> = {
  default: 'compare.factorHint.default',
  rollIn: 'compare.factorHint.rollIn',
  cure: 'compare.factorHint.cure',
  prepayment: 'compare.factorHint.prepayment',
  recovery: 'compare.factorHint.recovery',
};

/** What the form keeps but does not edit, in words (the file holds it; Save keeps it). */
function keptNote(row: ScenarioRow): string | null {
  const kept: string[] = [];
  const segments = row.rest.multipliers?.segments;
  if (segments && typeof segments === 'object') kept.push(translate('compare.keptSegments', { segments: Object.keys(segments).join(', ') }));
  if (row.rest.recoveryRate !== undefined) kept.push(translate('compare.keptRecoveryRate', { rate: `${(row.rest.recoveryRate * 100).toFixed(2)}%` }));
  if (row.rest.indexRates !== undefined) kept.push(translate('compare.keptIndexRates'));
  return kept.length > 0 ? translate('compare.keptAlso', { kept: kept.join(translate('deal.schedule.listSeparator')) }) : null;
}

/** An input of the scenario table with the service's problem at its JSON path under it, in plain words, the path in small type. */
function Cell(props: { path: string; label: string; value: string; issues: ReadonlyMap<string, string>; onChange: (value: string) => void; wide?: boolean; placeholder?: string; after?: ReactNode }) {
  const raw = props.issues.get(props.path);
  const error = raw === undefined ? null : plainMessage(props.path, raw, props.value);
  return (
    <td className={error ? 'scenario-cell invalid' : 'scenario-cell'} data-path={props.path}>
      <input
        className={props.wide ? 'scenario-input wide' : 'scenario-input'}
        aria-label={props.label}
        aria-invalid={error !== null}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.after}
      {error ? (
        <small className="field-error" data-testid={`error ${props.path}`}>
          {error} <span className="issue-path mono">{props.path}</span>
        </small>
      ) : null}
    </td>
  );
}

/** The problems no field shows (the set's name, a whole scenario, a segment), each with its path. */
function OtherIssues({ issues, shown }: { issues: readonly FileIssue[]; shown: ReadonlySet<string> }) {
  const rest = issues.filter((issue) => !shown.has(issue.path));
  if (rest.length === 0) return null;
  return (
    <ul className="issue-list error-text" data-testid="scenario-set-issues">
      {rest.map((issue) => (
        <li key={`${issue.path} ${issue.message}`}>
          {sayCoded(issue)} <span className="issue-path mono">{issue.path}</span>
        </li>
      ))}
    </ul>
  );
}

/** Every path a field of the form shows its problem at. */
export function formPaths(form: ScenarioSetForm): ReadonlySet<string> {
  const paths = new Set<string>(['$.name']);
  form.rows.forEach((_, k) => {
    for (const field of [...FACTORS, 'name', 'recoveryLagMonths', 'defaultCurve', 'prepaymentCurve'] as const) paths.add(fieldPath(k, field));
  });
  return paths;
}

/**
 * The scenario set as a table: one row per scenario (name, the pool-wide multipliers, recovery
 * lag, CDR/CPR curve overrides in vector notation), with add, duplicate and remove; each field
 * shows the service's check of it where it is typed.
 */
export function SetEditor({ form, issues, onChange }: { form: ScenarioSetForm; issues: readonly FileIssue[]; onChange: (form: ScenarioSetForm) => void }) {
  const t = useT();
  const byPath = new Map<string, string>();
  for (const issue of issues) if (!byPath.has(issue.path)) byPath.set(issue.path, sayCoded(issue));
  const nameError = byPath.get('$.name');
  const row = (k: number, patch: Partial<ScenarioRow>): void => onChange(updateRow(form, k, patch));
  return (
    <div className="scenario-editor" data-testid="scenario-editor">
      <div className="scenario-set-fields">
        <label className="field">
          <span>{t('compare.setName2')}</span>
          <input aria-label={t('compare.setName2')} aria-invalid={nameError !== undefined} value={form.name} onChange={(e) => onChange({ ...form, name: e.target.value })} />
          {nameError ? (
            <small className="field-error">
              {t('compare.aScenarioSetNeeds')} <span className="issue-path mono">{t('compare.name')}</span>
            </small>
          ) : null}
        </label>
        <label className="field scenario-set-description">
          <span>{t('compare.description')}</span>
          <input aria-label={t('compare.setDescription')} value={form.description} onChange={(e) => onChange({ ...form, description: e.target.value })} />
        </label>
      </div>
      <OtherIssues issues={issues} shown={formPaths(form)} />
      <p className="muted small">
        {t('compare.factorsMultiplyTheBase')}
        <code>{t('compare.n2Cdr')}</code>, <code>{t('compare.n10Cpr')}</code>, <code>{t('compare.n150Psa')}</code>, <code>{t('compare.n1CdrFor12')}</code>
        {t('common.bracketCloseSentence')}
      </p>
      <div className="table-scroll" role="region" aria-label={t('compare.scenariosOfTheSet')} tabIndex={0}>
        <table className="data-table scenario-table">
          <thead>
            <tr>
              <th>{t('compare.scenario')}</th>
              {FACTORS.map((f) => (
                <th key={f} title={t(FACTOR_HINTS[f])}>
                  {t(FACTOR_LABELS[f])}
                </th>
              ))}
              <th title={t('compare.monthsFromChargeOff')}>{t('compare.recoveryLagMonths')}</th>
              <th title={t('compare.replacesEveryDefaultCurve')}>{t('compare.defaultCurveCdrVector')}</th>
              <th title={t('compare.replacesEveryPrepaymentCurve')}>{t('compare.prepaymentCurveCprPsa')}</th>
              <th>
                <span className="visually-hidden">{t('compare.rowActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {form.rows.map((r, k) => {
              const kept = keptNote(r);
              return (
                <tr key={r.key} data-testid="scenario-row" title={r.rest.description}>
                  <Cell
                    path={fieldPath(k, 'name')}
                    label={t('compare.scenarioName', { value: k + 1 })}
                    value={r.name}
                    issues={byPath}
                    onChange={(name) => row(k, { name })}
                    wide
                    after={kept ? <small className="muted scenario-kept">{kept}</small> : null}
                  />
                  {FACTORS.map((f) => (
                    <Cell
                      key={f}
                      path={fieldPath(k, f)}
                      label={t('compare.multiplier', { value: r.name || t('compare.scenarioN', { n: k + 1 }), toLowerCase: t(FACTOR_LABELS[f]).replace(' ×', '').toLowerCase() })}
                      value={r.factors[f]}
                      issues={byPath}
                      placeholder="1"
                      onChange={(value) => row(k, { factors: { ...r.factors, [f]: value } })}
                    />
                  ))}
                  <Cell
                    path={fieldPath(k, 'recoveryLagMonths')}
                    label={t('compare.recoveryLagInMonths', { name: r.name })}
                    value={r.recoveryLagMonths}
                    issues={byPath}
                    placeholder={t('compare.base')}
                    onChange={(recoveryLagMonths) => row(k, { recoveryLagMonths })}
                  />
                  <Cell
                    path={fieldPath(k, 'defaultCurve')}
                    label={t('compare.defaultCurve', { name: r.name })}
                    value={r.defaultCurve}
                    issues={byPath}
                    placeholder={t('compare.base')}
                    wide
                    onChange={(defaultCurve) => row(k, { defaultCurve })}
                  />
                  <Cell
                    path={fieldPath(k, 'prepaymentCurve')}
                    label={t('compare.prepaymentCurve', { name: r.name })}
                    value={r.prepaymentCurve}
                    issues={byPath}
                    placeholder={t('compare.base')}
                    wide
                    onChange={(prepaymentCurve) => row(k, { prepaymentCurve })}
                  />
                  <td className="scenario-actions">
                    <button type="button" className="link-button" onClick={() => onChange(duplicateRow(form, k))} aria-label={t('compare.duplicate2', { name: r.name })}>
                      {t('compare.duplicate')}
                    </button>
                    <button type="button" className="link-button" onClick={() => onChange(removeRow(form, k))} disabled={form.rows.length <= 1} aria-label={t('compare.remove2', { name: r.name })}>
                      {t('compare.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" className="secondary" onClick={() => onChange(addRow(form))} disabled={form.rows.length >= 50}>
        {t('compare.addScenario')}
      </button>
    </div>
  );
}
