import { useMemo, useState } from 'react';
import type { DealFile, FileDraft } from '../../../service/api/contract.ts';
import { formatCount } from '../../app/format.ts';
import type { FileIssue } from '../../app/issues.ts';
import { isRecord, type DealDraft, type Json } from './editor/draft.ts';
import { placeOf, saidAt, whereText } from './editor/field-labels.ts';
import { kindOfPath, plainMessage } from './editor/messages.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { dealView, formatMoney, type DealCurrency, type DealView, type FeeView, type NoteView, type TriggerView } from './model.ts';
import { useT, type Translate } from '../../app/i18n.tsx';

function noteColumns(t: Translate, currency: DealCurrency): readonly Column<NoteView>[] {
  return [
    { key: 'seniority', header: t('deal.seniority'), render: (n) => n.seniority, align: 'right' },
    { key: 'name', header: t('deal.note2'), render: (n) => `${n.name}${n.name === n.id ? '' : ` (${n.id})`}` },
    { key: 'balance', header: t('deal.originalBalance2'), render: (n) => formatMoney(n.originalBalance, currency), align: 'right' },
    { key: 'coupon', header: t('deal.couponAnnual'), render: (n) => n.coupon },
    { key: 'dayCount', header: t('deal.dayCount'), render: (n) => n.dayCount },
  ];
}

function feeColumns(t: Translate): readonly Column<FeeView>[] {
  return [
    { key: 'name', header: t('deal.fee'), render: (f) => f.name },
    { key: 'basis', header: t('deal.amount'), render: (f) => f.basis },
    { key: 'senior', header: t('deal.senior'), render: (f) => (f.senior ? t('deal.yes') : t('deal.no')) },
  ];
}

function triggerColumns(t: Translate): readonly Column<TriggerView>[] {
  return [
    { key: 'name', header: t('deal.trigger2'), render: (trigger) => trigger.name },
    { key: 'test', header: t('deal.breachedWhen'), render: (trigger) => trigger.test },
    { key: 'effects', header: t('deal.effect'), render: (trigger) => trigger.effects },
    { key: 'curable', header: t('deal.curable'), render: (trigger) => (trigger.curable ? t('deal.yes') : t('deal.noStaysBreached')) },
  ];
}

/** Validation problems of a deal file, each said where it is on the structure editor ("Note Class B — Coupon rate: …"), its JSON path in small type. */
export function DealIssues({ issues, deal }: { issues: readonly FileIssue[]; deal: unknown }) {
  const t = useT();
  const draft: DealDraft = isRecord(deal as Json) ? (deal as DealDraft) : {};
  return (
    <div className="result-box bad" role="alert" data-testid="deal-issues">
      <strong>
        {t('deal.theDealFileHas')} {t('deal.problems', { length: issues.length })} {t('deal.fix')} {issues.length === 1 ? t('deal.it') : t('deal.them')} {t('deal.inTheFileAnd')}
      </strong>
      <ul className="problem-list">
        {issues.map((issue) => (
          <li key={`${issue.path} ${issue.message}`}>
            {saidAt(whereText(placeOf(issue.path, draft, t), t), plainMessage(issue, kindOfPath(issue.path)), t)}{' '}
            <span className="issue-path" title={t('deal.issue.pathTitle')}>
              {issue.path}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The deal as the structure summary shows it once the service has read it (`file`); its JSON as opened (`deal`). */
export function DealSummary({ deal, file, title }: { deal: FileDraft; file: DealFile | null; title?: string }) {
  const t = useT();
  const [showJson, setShowJson] = useState(false);
  // Not memoised: the structure in words is written in the shown language, again after a switch (a deal file is short).
  const view = file ? dealView(file) : null;
  const json = useMemo(() => (showJson ? JSON.stringify(deal, null, 2) : ''), [deal, showJson]);
  return (
    <section className="panel deal-summary" aria-labelledby="deal-structure-heading">
      <div className="table-head">
        <h2 id="deal-structure-heading">{view === null ? t('deal.dealFile') : (title ?? view.name)}</h2>
        <button type="button" className="secondary small-button" aria-pressed={showJson} onClick={() => setShowJson(!showJson)}>
          {showJson ? t('deal.hideJson') : t('deal.viewJson')}
        </button>
      </div>
      {view?.description ? <p className="deal-description">{view.description}</p> : null}
      {view ? <p className="muted small">{view.dates}</p> : null}
      {showJson ? (
        <pre className="deal-json mono" aria-label={t('deal.dealFileJson')} tabIndex={0} data-testid="deal-json">
          {json}
        </pre>
      ) : null}
      {view ? <DealStructure view={view} /> : null}
    </section>
  );
}

/** Notes, fees, reserve, triggers, priority of payments, revolving period, own pool and scenario. */
function DealStructure({ view }: { view: DealView }) {
  const t = useT();
  const total = view.notes.reduce((sum, n) => sum + n.originalBalance, 0);
  return (
    <div className="deal-structure" data-testid="deal-structure">
      <div>
        <h3>{t('deal.notesTotal', { total: formatMoney(total, view.currency) })}</h3>
        <DataTable columns={noteColumns(t, view.currency)} rows={view.notes} rowKey={(n) => n.id} testId="deal-notes" />
        {view.fees.length > 0 ? (
          <>
            <h3>{t('deal.fees')}</h3>
            <DataTable columns={feeColumns(t)} rows={view.fees} rowKey={(f) => f.id} />
          </>
        ) : null}
        {view.triggers.length > 0 ? (
          <>
            <h3>{t('deal.triggers')}</h3>
            <DataTable columns={triggerColumns(t)} rows={view.triggers} rowKey={(trigger) => trigger.id} />
          </>
        ) : null}
      </div>
      <div>
        {view.waterfalls.map((w) => (
          <div key={w.title}>
            <h3>{w.title}</h3>
            <ol className="waterfall-steps">
              {w.steps.map((step, i) => (
                // Steps repeat (two fees, two interest steps): position is their identity.
                // oxlint-disable-next-line react/no-array-index-key
                <li key={i}>{step}</li>
              ))}
            </ol>
          </div>
        ))}
        <dl className="facts deal-facts">
          <dt>{t('deal.reserve')}</dt>
          <dd>{view.reserve ?? t('deal.none')}</dd>
          <dt>{t('deal.lossAllocation')}</dt>
          <dd>{view.lossAllocation}</dd>
          <dt>{t('deal.revolving')}</dt>
          <dd>{view.revolving ?? t('deal.noneStaticPool')}</dd>
          <dt>{t('deal.cleanUpCall')}</dt>
          <dd>{view.cleanUpCall ?? t('deal.none')}</dd>
          <dt>{t('deal.walBasis')}</dt>
          <dd>{view.walConvention}</dd>
          <dt>{t('deal.ownPool')}</dt>
          <dd>
            {view.schedule
              ? t('deal.scheduleOfPeriods', { name: view.schedule.name, periods: formatCount(view.schedule.periods), balance: formatMoney(view.schedule.balance, view.currency) })
              : view.pool
                ? t('deal.representativeLines', { name: view.pool.name, lines: formatCount(view.pool.lines), balance: formatMoney(view.pool.balance, view.currency) })
                : t('deal.noneRunsOnA')}
          </dd>
          <dt>{t('deal.ownScenario')}</dt>
          <dd>{view.schedule ? t('deal.scheduleStress', { stress: view.schedule.stress }) : view.hasAssumptions ? t('deal.yesTheFileS') : t('deal.noneRunsUnderA')}</dd>
        </dl>
      </div>
    </div>
  );
}
