import type { SavedMapping, TapePreview } from '../../../../service/api/contract.ts';
import { formatBytes } from '../../../app/format.ts';
import type { ReadChoices } from './model.ts';

const ENCODINGS = [
  { value: '', label: 'Detect' },
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-8-bom', label: 'UTF-8 with BOM' },
  { value: 'gbk', label: 'GBK / GB18030' },
  { value: 'utf-16le', label: 'UTF-16 LE' },
];
const DELIMITERS = [
  { value: '', label: 'Detect' },
  { value: ',', label: 'Comma ,' },
  { value: '\t', label: 'Tab' },
  { value: ';', label: 'Semicolon ;' },
  { value: '|', label: 'Pipe |' },
];

/** The encoding and delimiter choices of a CSV file, each offering what was detected. */
function CsvChoices({ preview, read, onRead }: { preview: TapePreview; read: ReadChoices; onRead: (key: keyof ReadChoices, value: string) => void }) {
  return (
    <>
      <label>
        Encoding
        <select value={read.encoding} onChange={(e) => onRead('encoding', e.target.value)}>
          {ENCODINGS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.value === '' ? `Detect (${preview.encoding ?? '?'})` : o.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Delimiter
        <select value={read.delimiter} onChange={(e) => onRead('delimiter', e.target.value)}>
          {DELIMITERS.map((o) => (
            <option key={o.label} value={o.value}>
              {o.value === '' ? `Detect (${preview.delimiter === '\t' ? 'tab' : (preview.delimiter ?? '?')})` : o.label}
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
  const { preview, read, onRead } = props;
  return (
    <>
      <div className="panel detection" data-testid="detection">
        <div>
          <strong>{preview.sourceFile}</strong> · {preview.format.toUpperCase()} · {formatBytes(preview.bytes)}
          {preview.encodingReason ? <span className="muted"> · {preview.encodingReason}</span> : null}
        </div>
        <div className="option-row">
          {preview.format === 'csv' ? (
            <CsvChoices preview={preview} read={read} onRead={onRead} />
          ) : (
            <label>
              Sheet
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
            Start from mapping
            <select value={read.mappingName} onChange={(e) => onRead('mappingName', e.target.value)}>
              <option value="">Automatic (header names)</option>
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
          This file was already imported as tape {preview.duplicateOf.id} “{preview.duplicateOf.name}” on {preview.duplicateOf.importedAt.slice(0, 10)}.{' '}
          <label>
            <input type="checkbox" checked={props.allowDuplicate} onChange={(e) => props.onAllowDuplicate(e.target.checked)} /> Import it again anyway
          </label>
        </div>
      ) : null}
    </>
  );
}
