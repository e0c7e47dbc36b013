import { useMemo } from 'react';
import type { RunStoreNote, ScenarioSetRunResult } from '../../../service/api/contract.ts';
import { reportError } from '../../app/context.tsx';
import { downloadText, formatCount, formatSeconds } from '../../app/format.ts';
import { notify } from '../../app/notifications.ts';
import { exportFileName } from '../../../messages/file-name.ts';
import { formatMoney } from '../deal/model.ts';
import { CompareCharts } from './CompareCharts.tsx';
import { OverlayCharts } from './OverlayCharts.tsx';
import { SideBySideTable } from './SideBySideTable.tsx';
import type { CompareJobRun } from './state.ts';
import { compareCsv, compareRows, oneCurrency } from './table.ts';
import { translate, useT } from '../../app/i18n.tsx';
import { warningTexts } from '../../app/coded.ts';
import { StoreNote } from '../runs/StoreNote.tsx';

/** Copies the CSV to the clipboard; where the window may not write it (no permission), saves it as a file instead. */
async function copyCsv(fileName: string, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    notify('success', translate('compare.copiedAsCsv'), translate('compare.pasteItIntoA'));
  } catch (error) {
    reportError(translate('compare.cannotCopyToThe'), error);
    downloadText(fileName, text);
  }
}

/** Every scenario of a set side by side: each note's figures and the pool's, one column per scenario; charts of note loss and pool default. */
export function CompareResults({ info, run, seconds, stored, stale }: { info: CompareJobRun; run: ScenarioSetRunResult; seconds: number; stored: RunStoreNote | undefined; stale: boolean }) {
  const t = useT();
  // Every scenario is of the one deal run: its amounts in that deal's currency.
  const currencies = useMemo(() => oneCurrency(run, info.currency), [run, info.currency]);
  const rows = useMemo(() => compareRows(run, t, currencies), [run, t, currencies]);
  const csv = useMemo(() => compareCsv(run, rows), [run, rows]);
  const fileName = exportFileName([run.dealName, run.setName, 'scenarios'], 'csv');
  const modeLabel = run.mode === 'loan' ? t('results.mode.loan') : t('results.mode.linesShort');
  const warnings = run.scenarios.flatMap((s) => warningTexts(s, (amount) => formatMoney(amount, info.currency)).map((w) => `${s.name}: ${w}`));
  return (
    <div className={stale ? 'projection stale' : 'projection'} data-testid="compare-run" aria-busy={stale}>
      <p className="run-caption" data-testid="compare-run-caption">
        <strong>{run.setName}</strong> {t('compare.on')} <strong>{run.dealName}</strong>{' '}
        {t('compare.poolAtCutoffBase', {
          poolName: run.poolName,
          modeLabel,
          poolBalance: formatMoney(run.poolBalance, info.currency),
          cutoffDate: run.cutoffDate,
          baseLabel: info.baseLabel,
          closingDate: run.closingDate,
          length: formatCount(run.scenarios.length),
          seconds: formatSeconds(seconds),
        })}
        {stale ? t('compare.aNewRunIs') : ''}
      </p>
      <StoreNote stored={stored} />
      {warnings.length > 0 ? (
        <div className="warning-box" role="status" data-testid="compare-warnings">
          {warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      ) : null}
      <div className="table-head">
        <h2>{t('compare.scenariosSideBySide')}</h2>
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => void copyCsv(fileName, csv)}>
            {t('compare.copyAsCsv')}
          </button>
          <button type="button" className="secondary" onClick={() => downloadText(fileName, csv)}>
            {t('compare.exportCsv')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('compare.walΣPrincipalT')}</p>
      <SideBySideTable run={run} rows={rows} label={t('compare.scenariosSideBySide')} />
      <CompareCharts run={run} />
      <OverlayCharts run={run} currencies={currencies} />
    </div>
  );
}
