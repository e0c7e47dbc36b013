import { useState, type ChangeEvent } from 'react';
import type { TapeSource } from '../../../../service/api/contract.ts';
import { reportError, useApp } from '../../../app/context.tsx';
import { translate, useT } from '../../../app/i18n.tsx';

const tapeFilters = (): { name: string; extensions: string[] }[] => [{ name: translate('dialog.filter.loanTapes'), extensions: ['csv', 'txt', 'tsv', 'xlsx'] }];

/**
 * Step 1: choose the tape file — a native dialog on the desktop (the service reads the path), an
 * upload in the browser. `reading`: the chosen file's preview is on its way.
 */
export function ChooseFile({ reading, onChosen }: { reading: boolean; onChosen: (source: TapeSource) => void }) {
  const t = useT();
  const { api } = useApp();
  const [uploading, setUploading] = useState(false);
  const busy = reading || uploading;

  async function chooseDesktop(): Promise<void> {
    const desktop = api.transport.desktop;
    if (!desktop) return;
    const path = await desktop.chooseOpenFile({ title: t('tapes.import.importALoanTape'), filters: tapeFilters() });
    if (path) onChosen({ kind: 'path', path });
  }

  async function chooseBrowser(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setUploading(true);
    try {
      const upload = await api.upload(file);
      onChosen({ kind: 'upload', uploadId: upload.uploadId });
    } catch (error) {
      reportError(t('tapes.import.cannotUpload', { name: file.name }), error);
    } finally {
      setUploading(false);
    }
  }

  return (
    <div className="panel">
      {api.transport.desktop ? (
        <button type="button" onClick={() => void chooseDesktop()} disabled={busy}>
          {t('tapes.import.chooseATapeFile')}
        </button>
      ) : (
        <label className="file-picker">
          <span>{t('tapes.import.chooseATapeFile2')}</span>
          <input type="file" accept=".csv,.txt,.tsv,.xlsx" aria-label={t('tapes.import.tapeFile')} onChange={(e) => void chooseBrowser(e)} disabled={busy} />
        </label>
      )}
      {busy ? <p className="muted">{t('tapes.import.readingTheFile')}</p> : null}
    </div>
  );
}
