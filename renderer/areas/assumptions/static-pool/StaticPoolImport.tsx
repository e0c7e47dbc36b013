import { useState, type ChangeEvent } from 'react';
import type { StaticPoolFitResult } from '../../../../service/api/contract.ts';
import { openAssumptionDraft, selectedAssumptionSet, useAssumptionDraft } from '../../../app/assumptions.ts';
import { reportError, useApp } from '../../../app/context.tsx';
import { formatDateTime, formatPct, formatYuan } from '../../../app/format.ts';
import { notify } from '../../../app/notifications.ts';
import { Card } from '../../../components/Card.tsx';
import { fitRequest, lifetimeDefaultOf, SCHEDULE_DEFAULTS, sourceOf, type ChosenFile, type ScheduleChoices } from './model.ts';
import { StaticPoolCharts } from './StaticPoolCharts.tsx';

const FILTERS = [{ name: 'Static pool', extensions: ['csv', 'txt', 'xlsx'] }];
const pp = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(4)} pp`);

/** Where the files come from: a native dialog on the desktop, uploads in the browser. */
function FileChooser({ busy, onChosen }: { busy: boolean; onChosen: (files: ChosenFile[]) => void }) {
  const { api } = useApp();
  async function chooseDesktop(): Promise<void> {
    const path = await api.transport.desktop?.chooseOpenFile({ title: 'Import a static pool', filters: FILTERS });
    if (path) onChosen([{ source: { kind: 'path', path }, fileName: path.split(/[\\/]/).pop() ?? path }]);
  }
  async function chooseBrowser(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    try {
      const uploaded = await Promise.all(files.map(async (file) => ({ source: { kind: 'upload' as const, uploadId: (await api.upload(file)).uploadId }, fileName: file.name })));
      if (uploaded.length > 0) onChosen(uploaded);
    } catch (error) {
      reportError('Cannot upload the static pool', error);
    }
  }
  return api.transport.desktop ? (
    <button type="button" onClick={() => void chooseDesktop()} disabled={busy}>
      Choose a static-pool file…
    </button>
  ) : (
    <label className="file-picker">
      <span>Static-pool files (.csv, .xlsx; one per metric or all in one)</span>
      <input type="file" multiple accept=".csv,.txt,.xlsx" aria-label="Static pool files" onChange={(e) => void chooseBrowser(e)} disabled={busy} />
    </label>
  );
}

function ScheduleForm({ choices, onChange }: { choices: ScheduleChoices; onChange: (next: ScheduleChoices) => void }) {
  const none = choices.amortization === '';
  return (
    <div className="toolbar" role="group" aria-label="Loan schedule for the CPR fit">
      <label>
        Amortisation
        <select aria-label="Amortisation" value={choices.amortization} onChange={(e) => onChange({ ...choices, amortization: e.target.value as ScheduleChoices['amortization'] })}>
          <option value="level_payment">Level payment (等额本息)</option>
          <option value="equal_principal">Equal principal (等额本金)</option>
          <option value="flat_fee">Flat fee (等本等息)</option>
          <option value="interest_only">Interest only (先息后本)</option>
          <option value="">Not given (no scheduled principal)</option>
        </select>
      </label>
      <label>
        Term (months)
        <input aria-label="Term (months)" inputMode="numeric" value={choices.termMonths} disabled={none} onChange={(e) => onChange({ ...choices, termMonths: e.target.value })} />
      </label>
      <label>
        Rate (% APR)
        <input aria-label="Rate (% APR)" inputMode="decimal" value={choices.ratePct} disabled={none} onChange={(e) => onChange({ ...choices, ratePct: e.target.value })} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={choices.includeRollRates} onChange={(e) => onChange({ ...choices, includeRollRates: e.target.checked })} /> Put the roll rates in the set
      </label>
    </div>
  );
}

function FitSummary({ result }: { result: StaticPoolFitResult }) {
  const { fit } = result;
  const roll = fit.rollRates;
  return (
    <>
      <div className="cards" data-testid="static-pool-summary">
        <Card label="Vintages" value={String(result.vintages.length)} note={result.tables.map((t) => t.file + (t.sheet ? ` ▸ ${t.sheet}` : '')).join(', ')} />
        <Card label="Lifetime default" value={formatPct(fit.lifetimeDefault, 3)} note="balance-weighted, % of original balance (chain ladder)" testId="static-pool-lifetime" />
        <Card label="Fit error: cumulative default" value={pp(fit.defaultRmse)} note="RMSE, every vintage × month on book" testId="static-pool-rmse" />
        <Card label="Fit error: cumulative prepayment" value={pp(fit.prepaymentRmse)} note="RMSE of the rebuilt history" />
        {roll ? (
          <Card
            label="Roll rates (monthly)"
            value={`${formatPct(roll.rates.current)} · ${formatPct(roll.rates.dpd1_30)} · ${formatPct(roll.rates.dpd31_60)} · ${formatPct(roll.rates.dpd61_90)}`}
            note="current→1–30 · →31–60 · →61–90 · →default (net flow)"
          />
        ) : null}
      </div>
      {fit.notes.map((note) => (
        <p key={note} className="warning-box">
          {note}
        </p>
      ))}
    </>
  );
}

function VintageTable({ result }: { result: StaticPoolFitResult }) {
  return (
    <div className="panel table-scroll" style={{ maxHeight: 260, overflow: 'auto' }}>
      <table className="data-table compact" data-testid="static-pool-vintages">
        <thead>
          <tr>
            <th>Vintage</th>
            <th className="num">Original balance (¥)</th>
            <th className="num">Months</th>
            <th className="num">Observed CDR</th>
            <th className="num">Developed</th>
            <th className="num">Lifetime CDR</th>
            <th>Method</th>
            <th className="num">RMSE (pp)</th>
          </tr>
        </thead>
        <tbody>
          {result.fit.vintages.map((v) => (
            <tr key={v.vintage}>
              <td>{v.vintage}</td>
              <td className="num">{formatYuan(v.originalBalance)}</td>
              <td className="num">{v.monthsObserved}</td>
              <td className="num">{formatPct(v.observedDefault)}</td>
              <td className="num">{formatPct(v.developedShare, 1)}</td>
              <td className="num">{formatPct(v.lifetimeDefault)}</td>
              <td>{v.method === 'bornhuetterFerguson' ? 'Bornhuetter–Ferguson' : v.method === 'chainLadder' ? 'chain ladder' : 'observed'}</td>
              <td className="num">{(v.defaultRmse * 100).toFixed(4)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Import a static pool (静态池): choose the files, fit, look at the vintages and the errors, save the fit as an assumption set that names its source. */
export function StaticPoolImport({ onClose }: { onClose: () => void }) {
  const { api } = useApp();
  const [files, setFiles] = useState<readonly ChosenFile[]>([]);
  const [choices, setChoices] = useState<ScheduleChoices>(SCHEDULE_DEFAULTS);
  const [result, setResult] = useState<StaticPoolFitResult | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  async function fit(chosen: readonly ChosenFile[]): Promise<void> {
    if (chosen.length === 0) return;
    setBusy(true);
    try {
      setResult(await api.call('staticPool.fit', fitRequest(chosen, choices)));
      setName((current) => current || `Static pool ${chosen.map((f) => f.fileName.replace(/\.(csv|txt|xlsx)$/i, '')).join(' + ')}`);
    } catch (error) {
      setResult(null);
      reportError('Cannot fit the static pool', error);
    } finally {
      setBusy(false);
    }
  }

  async function save(): Promise<void> {
    if (!result || name.trim() === '') return;
    setBusy(true);
    try {
      const saved = await api.call('assumptions.save', { name: name.trim(), assumptions: result.assumptions });
      openAssumptionDraft({ savedName: saved.name, name: saved.name, file: saved.assumptions, dirty: false });
      selectedAssumptionSet.set(saved.name);
      notify('success', 'Assumption set saved', `“${saved.name}”, fitted from ${result.vintages.length} vintages`);
      onClose();
    } catch (error) {
      reportError('Cannot save the assumption set', error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel static-pool-import" aria-label="Import static pool" data-testid="static-pool-import">
      <header className="area-header-row">
        <h2>Import static pool (静态池)</h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="muted small">
        Cumulative default, prepayment and delinquency by month on book per origination month, long or wide, Chinese or English headers (docs/static-pool.md). The CPR fit needs the loans’ schedule.
      </p>
      <ScheduleForm choices={choices} onChange={setChoices} />
      <div className="button-row">
        <FileChooser
          busy={busy}
          onChosen={(chosen) => {
            setFiles(chosen);
            void fit(chosen);
          }}
        />
        <button type="button" className="secondary" disabled={busy || files.length === 0} onClick={() => void fit(files)}>
          Fit again
        </button>
        {busy ? <span className="muted">Fitting…</span> : null}
      </div>
      {result ? (
        <>
          <FitSummary result={result} />
          <StaticPoolCharts result={result} />
          <VintageTable result={result} />
          <div className="toolbar">
            <label>
              Set name
              <input aria-label="Static pool set name" value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <button type="button" onClick={() => void save()} disabled={busy || name.trim() === ''}>
              Save as assumption set
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** Where the open set came from, when a static-pool fit wrote it. */
function SourceNote() {
  const draft = useAssumptionDraft();
  const source = sourceOf(draft?.file);
  if (!source) return null;
  const vintages = source.vintages;
  const lifetime = lifetimeDefaultOf(draft?.file);
  return (
    <span className="muted small" data-testid="assumption-source">
      This set was fitted from {source.files.join(', ')} ({vintages.length} vintages, {vintages[0]}–{vintages[vintages.length - 1]}) on {formatDateTime(source.fittedAt)}; cumulative default RMSE{' '}
      {pp(source.fitError?.cumulativeDefaultRmse ?? null)}.
      {lifetime === null ? '' : ` Its defaults: ${formatPct(lifetime, 3)} of the cutoff balance over the life, by a monthly timing curve (defaultTiming, in the JSON view).`}
    </span>
  );
}

/** The Assumptions screen's entry: a button that opens the import panel in place, and the open set's source. */
export function StaticPoolSection() {
  const [open, setOpen] = useState(false);
  if (open) return <StaticPoolImport onClose={() => setOpen(false)} />;
  return (
    <div className="button-row static-pool-entry">
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Import static pool…
      </button>
      <SourceNote />
    </div>
  );
}
