import { useState } from 'react';
import type { TapeRecord } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { downloadText, formatCount } from '../../app/format.ts';
import { useQuery } from '../../app/query.ts';
import { Pager } from '../../components/Pager.tsx';
import { useT } from '../../app/i18n.tsx';
import { tapeName } from '../../app/shipped-names.ts';
import { problemText, ruleName } from './problem-text.ts';

const PAGE = 100;

/** The rows a keep-valid import set aside, with every reason, page by page; exportable to CSV. */
export function RejectsView({ tape, onClose }: { tape: TapeRecord; onClose: () => void }) {
  const t = useT();
  const { api } = useApp();
  const [offset, setOffset] = useState(0);
  // The page shown stays until the next one is in.
  const page = useQuery(() => api.call('tape.rejects', { id: tape.id, offset, limit: PAGE }), [api, tape.id, offset], {
    onError: (error) => reportError(t('tapes.cannotReadRejectedRows'), error),
  }).latest;

  async function exportCsv(): Promise<void> {
    try {
      const file = await api.call('tape.rejectsCsv', { id: tape.id });
      downloadText(file.fileName, file.csv);
    } catch (error) {
      reportError(t('tapes.cannotExportRejectedRows'), error);
    }
  }

  return (
    <section className="area">
      <header className="area-header area-header-row">
        <div>
          <h1>{t('tapes.rejectedRows', { name: tapeName(tape) })}</h1>
          <p className="muted">{t('tapes.ofRowsOfWere', { rowsRejected: formatCount(tape.rowsRejected), rowsRead: formatCount(tape.rowsRead), sourceFile: tape.sourceFile })}</p>
        </div>
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => void exportCsv()}>
            {t('tapes.exportCsv')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('tapes.backToTapes')}
          </button>
        </div>
      </header>
      {page ? (
        <>
          <table className="data-table" data-testid="rejects-table">
            <thead>
              <tr>
                <th className="num">{t('tapes.row')}</th>
                <th>{t('tapes.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.row}>
                  <td className="num">{r.row}</td>
                  <td>
                    <ul className="problem-list">
                      {r.problems.map((p, i) => (
                        <li key={i}>
                          <code>{ruleName(p.rule)}</code> {problemText(p)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} pageSize={PAGE} total={page.total} onOffset={setOffset} />
        </>
      ) : (
        <p className="muted">{t('tapes.loading')}</p>
      )}
    </section>
  );
}
