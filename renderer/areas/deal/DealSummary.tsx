import { useMemo, useState } from 'react';
import type { DealFile, FileDraft } from '../../../service/api/contract.ts';
import { formatCount } from '../../app/format.ts';
import type { FileIssue } from '../../app/issues.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { dealView, formatMoney, type DealView, type FeeView, type NoteView, type TriggerView } from './model.ts';

const NOTE_COLUMNS: readonly Column<NoteView>[] = [
  { key: 'seniority', header: 'Seniority', render: (n) => n.seniority, align: 'right' },
  { key: 'name', header: 'Note', render: (n) => `${n.name}${n.name === n.id ? '' : ` (${n.id})`}` },
  { key: 'balance', header: 'Original balance', render: (n) => formatMoney(n.originalBalance), align: 'right' },
  { key: 'coupon', header: 'Coupon (annual)', render: (n) => n.coupon },
  { key: 'dayCount', header: 'Day count', render: (n) => n.dayCount },
];

const FEE_COLUMNS: readonly Column<FeeView>[] = [
  { key: 'name', header: 'Fee', render: (f) => f.name },
  { key: 'basis', header: 'Amount', render: (f) => f.basis },
  { key: 'senior', header: 'Senior', render: (f) => (f.senior ? 'yes' : 'no') },
];

const TRIGGER_COLUMNS: readonly Column<TriggerView>[] = [
  { key: 'name', header: 'Trigger', render: (t) => t.name },
  { key: 'test', header: 'Breached when', render: (t) => t.test },
  { key: 'effects', header: 'Effect', render: (t) => t.effects },
  { key: 'curable', header: 'Curable', render: (t) => (t.curable ? 'yes' : 'no, stays breached') },
];

/** Validation problems of a deal file, each with its JSON path. */
export function DealIssues({ issues }: { issues: readonly FileIssue[] }) {
  return (
    <div className="result-box bad" role="alert" data-testid="deal-issues">
      <strong>
        The deal file has {issues.length === 1 ? '1 problem' : `${issues.length} problems`} — fix {issues.length === 1 ? 'it' : 'them'} in the file and open it again:
      </strong>
      <ul className="problem-list">
        {issues.map((issue) => (
          <li key={`${issue.path} ${issue.message}`}>
            <code className="mono">{issue.path}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The deal as the structure summary shows it once the service has read it (`file`); its JSON as opened (`deal`). */
export function DealSummary({ deal, file }: { deal: FileDraft; file: DealFile | null }) {
  const [showJson, setShowJson] = useState(false);
  const view = useMemo(() => (file ? dealView(file) : null), [file]);
  const json = useMemo(() => (showJson ? JSON.stringify(deal, null, 2) : ''), [deal, showJson]);
  return (
    <section className="panel deal-summary" aria-labelledby="deal-structure-heading">
      <div className="table-head">
        <h2 id="deal-structure-heading">{view?.name ?? 'Deal file'}</h2>
        <button type="button" className="secondary small-button" aria-pressed={showJson} onClick={() => setShowJson(!showJson)}>
          {showJson ? 'Hide JSON' : 'View JSON'}
        </button>
      </div>
      {view?.description ? <p className="deal-description">{view.description}</p> : null}
      {view ? <p className="muted small">{view.dates}</p> : null}
      {showJson ? (
        <pre className="deal-json mono" aria-label="Deal file (JSON)" tabIndex={0} data-testid="deal-json">
          {json}
        </pre>
      ) : null}
      {view ? <DealStructure view={view} /> : null}
    </section>
  );
}

/** Notes, fees, reserve, triggers, priority of payments, revolving period, own pool and scenario. */
function DealStructure({ view }: { view: DealView }) {
  const total = view.notes.reduce((sum, n) => sum + n.originalBalance, 0);
  return (
    <div className="deal-structure" data-testid="deal-structure">
      <div>
        <h3>Notes · total {formatMoney(total)}</h3>
        <DataTable columns={NOTE_COLUMNS} rows={view.notes} rowKey={(n) => n.id} testId="deal-notes" />
        {view.fees.length > 0 ? (
          <>
            <h3>Fees</h3>
            <DataTable columns={FEE_COLUMNS} rows={view.fees} rowKey={(f) => f.id} />
          </>
        ) : null}
        {view.triggers.length > 0 ? (
          <>
            <h3>Triggers</h3>
            <DataTable columns={TRIGGER_COLUMNS} rows={view.triggers} rowKey={(t) => t.id} />
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
          <dt>Reserve</dt>
          <dd>{view.reserve ?? 'none'}</dd>
          <dt>Loss allocation</dt>
          <dd>{view.lossAllocation}</dd>
          <dt>Revolving</dt>
          <dd>{view.revolving ?? 'none (static pool)'}</dd>
          <dt>Clean-up call</dt>
          <dd>{view.cleanUpCall ?? 'none'}</dd>
          <dt>WAL basis</dt>
          <dd>{view.walConvention}</dd>
          <dt>Own pool</dt>
          <dd>
            {view.schedule
              ? `${view.schedule.name}: collection schedule of ${formatCount(view.schedule.periods)} periods, ${formatMoney(view.schedule.balance)}`
              : view.pool
                ? `${view.pool.name}: ${formatCount(view.pool.lines)} representative lines, ${formatMoney(view.pool.balance)}`
                : 'none — runs on a tape'}
          </dd>
          <dt>Own scenario</dt>
          <dd>{view.schedule ? `the schedule’s stress: ${view.schedule.stress}` : view.hasAssumptions ? 'yes (the file’s assumptions)' : 'none — runs under a saved assumption set'}</dd>
        </dl>
      </div>
    </div>
  );
}
