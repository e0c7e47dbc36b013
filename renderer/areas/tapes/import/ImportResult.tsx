import type { ImportReport } from '../../../../service/api/contract.ts';
import { downloadText, formatCount } from '../../../app/format.ts';
import { hrefFor } from '../../../app/router.ts';
import { problemsCsv } from './model.ts';

/** Step 6: what the import did — rows read, imported and rejected, the cutoff and where it came from — and each problem found. */
export function ImportResult({ report, onAgain, onClose }: { report: ImportReport; onAgain: () => void; onClose: () => void }) {
  const imported = report.status === 'imported';
  return (
    <div className="import-result" data-testid="import-result">
      <div className={imported ? 'result-box ok' : 'result-box bad'} role="status">
        <strong>{imported ? `Imported tape ${report.tapeId ?? ''} “${report.name}”` : `Rejected ${report.sourceFile}: nothing was imported`}</strong>
        <p>
          {formatCount(report.rowsRead)} rows read · {formatCount(report.rowsImported)} imported · {formatCount(report.rowsRejected)} rejected · cutoff {report.cutoffDate} (
          {report.cutoffSource === 'given' ? 'given' : 'from the tape’s 数据日期'}) · {report.seconds.toFixed(1)} s · {formatCount(Math.round(report.rowsPerSecond))} rows/s
        </p>
        {report.extraColumns.length > 0 ? <p>Kept as extra attributes: {report.extraColumns.join(', ')}</p> : null}
        {report.notes.map((note) => (
          <p key={note} className="muted">
            {note}
          </p>
        ))}
      </div>
      {report.problems.length > 0 ? (
        <>
          <h2>
            Problems ({formatCount(report.problemCount)}
            {report.problemCount > report.problems.length ? `, first ${formatCount(report.problems.length)} shown` : ''})
          </h2>
          <table className="data-table" data-testid="problems-table">
            <thead>
              <tr>
                <th className="num">Row</th>
                <th>Column</th>
                <th>Value</th>
                <th>Rule</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.slice(0, 200).map((p, i) => (
                <tr key={`${p.row}-${i}`}>
                  <td className="num">{p.row}</td>
                  <td>{p.column ?? '—'}</td>
                  <td className="mono">{p.value ?? ''}</td>
                  <td>{p.rule}</td>
                  <td>{p.message.replace(/^row \d+(, [^:]*)?: /, '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <div className="button-row">
        {imported ? (
          <a className="button" href={hrefFor('pool')}>
            See the pool
          </a>
        ) : null}
        {report.problems.length > 0 ? (
          <button type="button" className="secondary" onClick={() => downloadText(`${report.name}-problems.csv`, problemsCsv(report))}>
            Download problems (CSV)
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={onAgain}>
          Import another tape
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
