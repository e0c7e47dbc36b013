import type { SavedMapping, TapePreview } from '../../../../service/api/contract.ts';
import { formatBytes } from '../../../app/format.ts';
import { sayCoded } from '../../../app/coded.ts';
import type { ReadChoices } from './model.ts';
import { useT, type Translate } from '../../../app/i18n.tsx';

function encodings(t: Translate) {
  return [
    { value: '', label: t('tapes.import.detect2') },
    { value: 'utf-8', label: t('tapes.import.utf8') },
    { value: 'utf-8-bom', label: t('tapes.import.utf8WithBom') },
    { value: 'gbk', label: t('tapes.import.gbkGb18030') },
    { value: 'utf-16le', label: t('tapes.import.utf16Le') },
  ];
}
function delimiters(t: Translate) {
  return [
    { value: '', label: t('tapes.import.detect2') },
    { value: ',', label: t('tapes.import.comma') },
    { value: '\t', label: t('tapes.import.tab') },
    { value: ';', label: t('tapes.import.semicolon') },
    { value: '|', label: t('tapes.import.pipe') },
  ];
}

/** The encoding and delimiter choices of a CSV file, each offering what was detected. */
function CsvChoices({ preview, read, onRead }: { preview: TapePreview; read: ReadChoices; onRead: (key: keyof ReadChoices, value: string) => void }) {
  const t = useT();
  return (
    <>
      <label>
        {t('tapes.import.encoding')}
        <select value={read.encoding} onChange={(e) => onRead('encoding', e.target.value)}>
          {encodings(t).map((o) => (
            <option key={o.value} value={o.value}>
              {o.value === '' ? t('tapes.import.detect', { value: preview.encoding ?? '?' }) : o.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('tapes.import.delimiter')}
        <select value={read.delimiter} onChange={(e) => onRead('delimiter', e.target.value)}>
          {delimiters(t).map((o) => (
            <option key={o.label} value={o.value}>
              {o.value === '' ? t('tapes.import.detect', { value: preview.delimiter === '\t' ? t('tapes.import.tabName') : (preview.delimiter ?? '?') }) : o.label}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/**
 * Step 2: what was detected in the file — format, size, encoding (and why), delimiter or sheet —
 * with a choice to override each and a saved mapping to start from; and whether these very bytes
 * were imported before.
 */
export function Detection(props: {
  preview: TapePreview;
  read: ReadChoices;
  savedMappings: readonly SavedMapping[];
  onRead: (key: keyof ReadChoices, value: string) => void;
  allowDuplicate: boolean;
  onAllowDuplicate: (allow: boolean) => void;
}) {
  const t = useT();
  const { preview, read, onRead } = props;
  return (
    <>
      <div className="panel detection" data-testid="detection">
        <div>
          <strong>{preview.sourceFile}</strong> · {preview.format.toUpperCase()} · {formatBytes(preview.bytes)}
          {preview.encodingReason ? <span className="muted"> · {preview.encodingReasonCoded ? sayCoded(preview.encodingReasonCoded) : preview.encodingReason}</span> : null}
        </div>
        <div className="option-row">
          {preview.format === 'csv' ? (
            <CsvChoices preview={preview} read={read} onRead={onRead} />
          ) : (
            <label>
              {t('tapes.import.sheet')}
              <select value={read.sheet || (preview.sheet ?? '')} onChange={(e) => onRead('sheet', e.target.value)}>
                {preview.sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('tapes.import.startFromMapping')}
            <select value={read.mappingName} onChange={(e) => onRead('mappingName', e.target.value)}>
              <option value="">{t('tapes.import.automaticHeaderNames')}</option>
              {props.savedMappings.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      {preview.duplicateOf ? (
        <div className="warning-box" role="status">
          {t('tapes.import.thisFileWasAlready', { id: preview.duplicateOf.id, name: preview.duplicateOf.name, slice: preview.duplicateOf.importedAt.slice(0, 10) })}{' '}
          <label>
            <input type="checkbox" checked={props.allowDuplicate} onChange={(e) => props.onAllowDuplicate(e.target.checked)} /> {t('tapes.import.importItAgainAnyway')}
          </label>
        </div>
      ) : null}
    </>
  );
}
