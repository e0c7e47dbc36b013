import { useMemo } from 'react';
import type { ScenarioSetRunResult } from '../../../service/api/contract.ts';
import { reportError } from '../../app/context.tsx';
import { downloadText, formatCount, formatSeconds } from '../../app/format.ts';
import { notify } from '../../app/notifications.ts';
import { exportFileName } from '../../app/file-name.ts';
import { formatMoney } from '../deal/model.ts';
import { CompareCharts } from './CompareCharts.tsx';
import { OverlayCharts } from './OverlayCharts.tsx';
import { SideBySideTable } from './SideBySideTable.tsx';
import type { CompareJobRun } from './state.ts';
import { compareCsv, compareRows } from './table.ts';

/** Copies the CSV to the clipboard; where the window may not write it (no permission), saves it as a file instead. */
async function copyCsv(fileName: string, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    notify('success', 'Copied as CSV', 'Paste it into a spreadsheet: one row per note and figure, one column per scenario.');
  } catch (error) {
    reportError('Cannot copy to the clipboard — saved as a file instead', error);
    downloadText(fileName, text);
  }
}

/** Every scenario of a set side by side: each note's figures and the pool's, one column per scenario; charts of note loss and pool default. */
export function CompareResults({ info, run, seconds, stale }: { info: CompareJobRun; run: ScenarioSetRunResult; seconds: number; stale: boolean }) {
  const rows = useMemo(() => compareRows(run), [run]);
  const csv = useMemo(() => compareCsv(run, rows), [run, rows]);
  const fileName = exportFileName([run.dealName, run.setName, 'scenarios'], 'csv');
  const modeLabel = run.mode === 'loan' ? 'loan level' : 'representative lines';
  const warnings = run.scenarios.flatMap((s) => s.warnings.map((w) => `${s.name}: ${w}`));
  return (
    <div className={stale ? 'projection stale' : 'projection'} data-testid="compare-run" aria-busy={stale}>
      <p className="run-caption" data-testid="compare-run-caption">
        <strong>{run.setName}</strong> on <strong>{run.dealName}</strong> · pool {run.poolName} ({modeLabel}, {formatMoney(run.poolBalance)} at cutoff {run.cutoffDate}) · base {info.baseLabel} ·
        closing {run.closingDate} · {formatCount(run.scenarios.length)} scenarios computed in {formatSeconds(seconds)}
        {stale ? ' · a new run is in progress' : ''}
      </p>
      {warnings.length > 0 ? (
        <div className="warning-box" role="status" data-testid="compare-warnings">
          {warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      ) : null}
      <div className="table-head">
        <h2>Scenarios side by side</h2>
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => void copyCsv(fileName, csv)}>
            Copy as CSV
          </button>
          <button type="button" className="secondary" onClick={() => downloadText(fileName, csv)}>
            Export CSV
          </button>
        </div>
      </div>
      <p className="muted small">
        WAL = Σ principal × t ÷ Σ principal, t in years on the basis and from the date its row names; principal window = first and last payment dates with principal; yield at par at closing, annual
        effective on actual dates (ACT/365, as XIRR; the residual note shows its IRR); loss = written-down principal ÷ the note’s original balance; interest shortfall = interest still unpaid at the
        end. Amounts in the deal’s currency. The CSV writes rates as decimals and amounts without separators.
      </p>
      <SideBySideTable run={run} rows={rows} label="Scenarios side by side" />
      <CompareCharts run={run} />
      <OverlayCharts run={run} />
    </div>
  );
}
