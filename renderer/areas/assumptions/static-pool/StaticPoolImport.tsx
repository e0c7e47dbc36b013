import { useState, type ChangeEvent } from 'react';
import type { StaticPoolFitResult } from '../../../../service/api/contract.ts';
import { openAssumptionDraft, selectedAssumptionSet, useAssumptionDraft } from '../../../app/assumptions.ts';
import { reportError, useApp } from '../../../app/context.tsx';
import { formatDateTime, formatPct, formatYuan } from '../../../app/format.ts';
import { notify } from '../../../app/notifications.ts';
import { Card } from '../../../components/Card.tsx';
import { fitRequest, lifetimeDefaultOf, SCHEDULE_DEFAULTS, sourceOf, type ChosenFile, type ScheduleChoices } from './model.ts';
import { StaticPoolCharts } from './StaticPoolCharts.tsx';
import { translate, useT } from '../../../app/i18n.tsx';

const filters = (): { name: string; extensions: string[] }[] => [{ name: translate('dialog.filter.staticPool'), extensions: ['csv', 'txt', 'xlsx'] }];
/** A fit error in percentage points of the cumulative rate. */
const pp = (x: number | null): string => (x === null ? '—' : translate('assumptions.staticPool.pp', { value: (x * 100).toFixed(4) }));

/** Where the files come from: a native dialog on the desktop, uploads in the browser. */
function FileChooser({ busy, onChosen }: { busy: boolean; onChosen: (files: ChosenFile[]) => void }) {
  const t = useT();
  const { api } = useApp();
  async function chooseDesktop(): Promise<void> {
    const path = await api.transport.desktop?.chooseOpenFile({ title: t('assumptions.staticPool.importAStaticPool'), filters: filters() });
    if (path) onChosen([{ source: { kind: 'path', path }, fileName: path.split(/[\\/]/).pop() ?? path }]);
  }
  async function chooseBrowser(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    try {
      const uploaded = await Promise.all(files.map(async (file) => ({ source: { kind: 'upload' as const, uploadId: (await api.upload(file)).uploadId }, fileName: file.name })));
      if (uploaded.length > 0) onChosen(uploaded);
    } catch (error) {
      reportError(t('assumptions.staticPool.cannotUploadTheStatic'), error);
    }
  }
  return api.transport.desktop ? (
    <button type="button" onClick={() => void chooseDesktop()} disabled={busy}>
      {t('assumptions.staticPool.chooseAStaticPool')}
    </button>
  ) : (
    <label className="file-picker">
      <span>{t('assumptions.staticPool.staticPoolFilesCsv')}</span>
      <input type="file" multiple accept=".csv,.txt,.xlsx" aria-label={t('assumptions.staticPool.staticPoolFiles')} onChange={(e) => void chooseBrowser(e)} disabled={busy} />
    </label>
  );
}

function ScheduleForm({ choices, onChange }: { choices: ScheduleChoices; onChange: (next: ScheduleChoices) => void }) {
  const t = useT();
  const none = choices.amortization === '';
  return (
    <div className="toolbar" role="group" aria-label={t('assumptions.staticPool.loanScheduleForThe')}>
      <label>
        {t('assumptions.staticPool.amortisation')}
        <select
          aria-label={t('assumptions.staticPool.amortisation')}
          value={choices.amortization}
          onChange={(e) => onChange({ ...choices, amortization: e.target.value as ScheduleChoices['amortization'] })}
        >
          <option value="level_payment">{t('assumptions.staticPool.levelPayment等额本息')}</option>
          <option value="equal_principal">{t('assumptions.staticPool.equalPrincipal等额本金')}</option>
          <option value="flat_fee">{t('assumptions.staticPool.flatFee等本等息')}</option>
          <option value="interest_only">{t('assumptions.staticPool.interestOnly先息后本')}</option>
          <option value="">{t('assumptions.staticPool.notGivenNoScheduled')}</option>
        </select>
      </label>
      <label>
        {t('assumptions.staticPool.termMonths')}
        <input
          aria-label={t('assumptions.staticPool.termMonths')}
          inputMode="numeric"
          value={choices.termMonths}
          disabled={none}
          onChange={(e) => onChange({ ...choices, termMonths: e.target.value })}
        />
      </label>
      <label>
        {t('assumptions.staticPool.rateApr')}
        <input aria-label={t('assumptions.staticPool.rateApr')} inputMode="decimal" value={choices.ratePct} disabled={none} onChange={(e) => onChange({ ...choices, ratePct: e.target.value })} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={choices.includeRollRates} onChange={(e) => onChange({ ...choices, includeRollRates: e.target.checked })} /> {t('assumptions.staticPool.putTheRollRates')}
      </label>
    </div>
  );
}

function FitSummary({ result }: { result: StaticPoolFitResult }) {
  const t = useT();
  const { fit } = result;
  const roll = fit.rollRates;
  return (
    <>
      <div className="cards" data-testid="static-pool-summary">
        <Card
          label={t('assumptions.staticPool.vintages')}
          value={String(result.vintages.length)}
          note={result.tables.map((table) => table.file + (table.sheet ? ` ▸ ${table.sheet}` : '')).join(', ')}
        />
        <Card
          label={t('assumptions.staticPool.lifetimeDefault')}
          value={formatPct(fit.lifetimeDefault, 3)}
          note={t('assumptions.staticPool.balanceWeightedOfOriginal')}
          testId="static-pool-lifetime"
        />
        <Card label={t('assumptions.staticPool.fitErrorCumulativeDefault')} value={pp(fit.defaultRmse)} note={t('assumptions.staticPool.rmseEveryVintageMonth')} testId="static-pool-rmse" />
        <Card label={t('assumptions.staticPool.fitErrorCumulativePrepayment')} value={pp(fit.prepaymentRmse)} note={t('assumptions.staticPool.rmseOfTheRebuilt')} />
        {roll ? (
          <Card
            label={t('assumptions.staticPool.rollRatesMonthly')}
            value={`${formatPct(roll.rates.current)} · ${formatPct(roll.rates.dpd1_30)} · ${formatPct(roll.rates.dpd31_60)} · ${formatPct(roll.rates.dpd61_90)}`}
            note={t('assumptions.staticPool.current13031')}
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
  const t = useT();
  return (
    <div className="panel table-scroll" style={{ maxHeight: 260, overflow: 'auto' }}>
      <table className="data-table compact" data-testid="static-pool-vintages">
        <thead>
          <tr>
            <th>{t('assumptions.staticPool.vintage')}</th>
            <th className="num">{t('assumptions.staticPool.originalBalance')}</th>
            <th className="num">{t('assumptions.staticPool.months')}</th>
            <th className="num">{t('assumptions.staticPool.observedCdr')}</th>
            <th className="num">{t('assumptions.staticPool.developed')}</th>
            <th className="num">{t('assumptions.staticPool.lifetimeCdr')}</th>
            <th>{t('assumptions.staticPool.method')}</th>
            <th className="num">{t('assumptions.staticPool.rmsePp')}</th>
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
              <td>
                {v.method === 'bornhuetterFerguson'
                  ? t('assumptions.staticPool.bornhuetterFerguson')
                  : v.method === 'chainLadder'
                    ? t('assumptions.staticPool.chainLadder')
                    : t('assumptions.staticPool.observed')}
              </td>
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
  const t = useT();
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
      reportError(t('assumptions.staticPool.cannotFitTheStatic'), error);
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
      notify('success', t('assumptions.staticPool.assumptionSetSaved'), t('assumptions.staticPool.fittedFromVintages', { name: saved.name, length: result.vintages.length }));
      onClose();
    } catch (error) {
      reportError(t('assumptions.staticPool.cannotSaveTheAssumption'), error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel static-pool-import" aria-label={t('assumptions.staticPool.importStaticPool')} data-testid="static-pool-import">
      <header className="area-header-row">
        <h2>{t('assumptions.staticPool.importStaticPool静态池')}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('assumptions.staticPool.close')}
        </button>
      </header>
      <p className="muted small">{t('assumptions.staticPool.cumulativeDefaultPrepaymentAnd')}</p>
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
          {t('assumptions.staticPool.fitAgain')}
        </button>
        {busy ? <span className="muted">{t('assumptions.staticPool.fitting')}</span> : null}
      </div>
      {result ? (
        <>
          <FitSummary result={result} />
          <StaticPoolCharts result={result} />
          <VintageTable result={result} />
          <div className="toolbar">
            <label>
              {t('assumptions.staticPool.setName')}
              <input aria-label={t('assumptions.staticPool.staticPoolSetName')} value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <button type="button" onClick={() => void save()} disabled={busy || name.trim() === ''}>
              {t('assumptions.staticPool.saveAsAssumptionSet')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** Where the open set came from, when a static-pool fit wrote it. */
function SourceNote() {
  const t = useT();
  const draft = useAssumptionDraft();
  const source = sourceOf(draft?.file);
  if (!source) return null;
  const vintages = source.vintages;
  const lifetime = lifetimeDefaultOf(draft?.file);
  return (
    <span className="muted small" data-testid="assumption-source">
      {t('assumptions.staticPool.thisSetWasFitted', {
        files: source.files.join(', '),
        count: vintages.length,
        first: vintages[0] ?? '',
        last: vintages[vintages.length - 1] ?? '',
        fittedAt: formatDateTime(source.fittedAt),
      })}{' '}
      {pp(source.fitError?.cumulativeDefaultRmse ?? null)}.{lifetime === null ? '' : t('assumptions.staticPool.itsDefaultsOfThe', { lifetime: formatPct(lifetime, 3) })}
    </span>
  );
}

/** The Assumptions screen's entry: a button that opens the import panel in place, and the open set's source. */
export function StaticPoolSection() {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (open) return <StaticPoolImport onClose={() => setOpen(false)} />;
  return (
    <div className="button-row static-pool-entry">
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('assumptions.staticPool.importStaticPool2')}
      </button>
      <SourceNote />
    </div>
  );
}
