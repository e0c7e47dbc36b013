import type { ImportReport } from '../../../../service/api/contract.ts';
import { downloadText, formatCount } from '../../../app/format.ts';
import { hrefFor } from '../../../app/router.ts';
import { problemsCsv } from './model.ts';
import { exportFileName } from '../../../../messages/file-name.ts';
import { useT } from '../../../app/i18n.tsx';
import { problemWhy, ruleName } from '../problem-text.ts';
import { sayCoded } from '../../../app/coded.ts';

/** Step 6: what the import did — rows read, imported and rejected, the cutoff and where it came from — and each problem found. */
export function ImportResult({ report, onAgain, onClose }: { report: ImportReport; onAgain: () => void; onClose: () => void }) {
  const t = useT();
  const imported = report.status === 'imported';
  return (
    <div className="import-result" data-testid="import-result">
      <div className={imported ? 'result-box ok' : 'result-box bad'} role="status">
        <strong>
          {imported ? t('tapes.import.importedTape', { value: report.tapeId ?? '', name: report.name }) : t('tapes.import.rejectedNothingWasImported', { sourceFile: report.sourceFile })}
        </strong>
        <p>
          {t('tapes.import.rowsReadImportedRejected', {
            rowsRead: formatCount(report.rowsRead),
            rowsImported: formatCount(report.rowsImported),
            rowsRejected: formatCount(report.rowsRejected),
            cutoffDate: report.cutoffDate,
          })}
          {report.cutoffSource === 'given' ? t('tapes.import.given') : t('tapes.import.fromTheTapeS')}
          {t('tapes.import.sRowsS', { toFixed: report.seconds.toFixed(1), count: formatCount(Math.round(report.rowsPerSecond)) })}
        </p>
        {report.extraColumns.length > 0 ? <p>{t('tapes.import.keptAsExtraAttributes', { join: report.extraColumns.join(', ') })}</p> : null}
        {(report.codedNotes?.map(sayCoded) ?? report.notes).map((note) => (
          <p key={note} className="muted">
            {note}
          </p>
        ))}
      </div>
      {report.problems.length > 0 ? (
        <>
          <h2>
            {t('tapes.import.problems', { problemCount: formatCount(report.problemCount) })}
            {report.problemCount > report.problems.length ? t('tapes.import.firstShown', { length: formatCount(report.problems.length) }) : ''}
            {t('common.bracketClose')}
          </h2>
          <table className="data-table" data-testid="problems-table">
            <thead>
              <tr>
                <th className="num">{t('tapes.import.row')}</th>
                <th>{t('tapes.import.column')}</th>
                <th>{t('tapes.import.value')}</th>
                <th>{t('tapes.import.rule')}</th>
                <th>{t('tapes.import.why')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.slice(0, 200).map((p, i) => (
                <tr key={`${p.row}-${i}`}>
                  <td className="num">{p.row}</td>
                  <td>{p.column ?? '—'}</td>
                  <td className="mono">{p.value ?? ''}</td>
                  <td>{ruleName(p.rule)}</td>
                  <td>{problemWhy(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <div className="button-row">
        {imported ? (
          <a className="button" href={hrefFor('pool')}>
            {t('tapes.import.seeThePool')}
          </a>
        ) : null}
        {report.problems.length > 0 ? (
          <button type="button" className="secondary" onClick={() => downloadText(exportFileName([report.name, 'problems'], 'csv', 'tape'), problemsCsv(report))}>
            {t('tapes.import.downloadProblemsCsv')}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={onAgain}>
          {t('tapes.import.importAnotherTape')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('tapes.import.done')}
        </button>
      </div>
    </div>
  );
}
