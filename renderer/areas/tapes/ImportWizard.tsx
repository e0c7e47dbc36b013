import { useCallback, useMemo, useState, type ChangeEvent } from 'react';
import type {
  CanonicalField,
  HeaderMapping,
  ImportMode,
  ImportReport,
  JobInfo,
  TapePreview,
  TapeReadOptions,
  TapeSource,
} from '../../../service/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { csvText } from '../../app/csv.ts';
import { downloadText, formatBytes, formatCount } from '../../app/format.ts';
import { upsertJob } from '../../app/jobs.ts';
import { notify } from '../../app/notifications.ts';
import { useQuery } from '../../app/query.ts';
import { hrefFor } from '../../app/router.ts';
import { selectedTapeId } from '../../app/tapes.ts';
import { JobWatcher } from './JobWatcher.tsx';

const TAPE_FILTERS = [{ name: 'Loan tapes', extensions: ['csv', 'txt', 'tsv', 'xlsx'] }];
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

type Step =
  | { kind: 'choose' }
  | { kind: 'preview'; source: TapeSource; preview: TapePreview }
  | { kind: 'running'; jobId: string; fileName: string }
  | { kind: 'done'; report: ImportReport };

function problemsCsv(report: ImportReport): string {
  const lines = ['Row,Column,Field,Value,Rule,Message'];
  for (const p of report.problems) {
    lines.push([String(p.row), p.column ?? '', p.field ?? '', p.value ?? '', p.rule, p.message].map(csvText).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Import a tape: choose the file, check encoding and column mapping, import with progress, read the report. */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const { api } = useApp();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [readOptions, setReadOptions] = useState<{ encoding: string; delimiter: string; sheet: string; mappingName: string }>({
    encoding: '',
    delimiter: '',
    sheet: '',
    mappingName: '',
  });
  const [overrides, setOverrides] = useState<Record<string, CanonicalField | null>>({});
  const [name, setName] = useState('');
  const [cutoff, setCutoff] = useState('');
  const [mode, setMode] = useState<ImportMode>('reject');
  const [allowDuplicate, setAllowDuplicate] = useState(false);
  // Saved mappings are an offer: without them the header names still map.
  const savedMappings = useQuery(() => api.call('mapping.list', {}), [api]);
  const [saveAs, setSaveAs] = useState('');

  const runPreview = useCallback(
    async (source: TapeSource, options: typeof readOptions): Promise<void> => {
      setBusy(true);
      try {
        const request: TapeReadOptions = {
          source,
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(options.delimiter ? { delimiter: options.delimiter } : {}),
          ...(options.sheet ? { sheet: options.sheet } : {}),
          ...(options.mappingName ? { mappingName: options.mappingName } : {}),
        };
        const preview = await api.call('tape.preview', request);
        setStep({ kind: 'preview', source, preview });
        setName((current) => current || preview.sourceFile.replace(/\.[^.]+$/, ''));
      } catch (error) {
        reportError('Cannot read the tape', error);
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  async function chooseDesktop(): Promise<void> {
    const desktop = api.transport.desktop;
    if (!desktop) return;
    const path = await desktop.chooseOpenFile({ title: 'Import a loan tape', filters: TAPE_FILTERS });
    if (path) await runPreview({ kind: 'path', path }, readOptions);
  }

  async function chooseBrowser(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const upload = await api.upload(file);
      await runPreview({ kind: 'upload', uploadId: upload.uploadId }, readOptions);
    } catch (error) {
      reportError(`Cannot upload ${file.name}`, error);
    } finally {
      setBusy(false);
    }
  }

  const preview = step.kind === 'preview' ? step.preview : null;
  const mapping = useMemo(
    () => (preview ? preview.mapping.map((m) => ({ ...m, field: Object.hasOwn(overrides, m.header) ? (overrides[m.header] ?? null) : m.field })) : []),
    [preview, overrides],
  );
  const missing = useMemo(() => {
    if (!preview) return [];
    const mapped = new Set(mapping.map((m) => m.field).filter((f) => f !== null));
    const required = preview.fields.filter((f) => f.required && !mapped.has(f.field)).map((f) => f.label);
    if (!mapped.has('rateAnnual') && !mapped.has('rateDaily')) required.push('an interest rate (annual or daily)');
    return required;
  }, [preview, mapping]);
  const doubled = useMemo(() => {
    const counts = new Map<CanonicalField, number>();
    for (const m of mapping) if (m.field) counts.set(m.field, (counts.get(m.field) ?? 0) + 1);
    return new Set([...counts].filter(([, n]) => n > 1).map(([f]) => f));
  }, [mapping]);

  function setOption(key: keyof typeof readOptions, value: string): void {
    const next = { ...readOptions, [key]: value };
    setReadOptions(next);
    if (key === 'mappingName') setOverrides({});
    if (step.kind === 'preview') void runPreview(step.source, next);
  }

  function currentMapping(): HeaderMapping {
    return Object.fromEntries(mapping.map((m) => [m.header, m.field]));
  }

  async function saveMapping(): Promise<void> {
    if (!saveAs.trim()) return;
    try {
      const saved = await api.call('mapping.save', { name: saveAs.trim(), mapping: currentMapping() });
      savedMappings.reload();
      notify('success', 'Mapping saved', `"${saved.name}" can be reused for the next tape from this originator.`);
      setSaveAs('');
    } catch (error) {
      reportError('Cannot save the mapping', error);
    }
  }

  async function startImport(): Promise<void> {
    if (step.kind !== 'preview') return;
    setBusy(true);
    try {
      const job = await api.call('tape.import', {
        source: step.source,
        mode,
        mapping: currentMapping(),
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(cutoff ? { cutoffDate: cutoff } : {}),
        ...(readOptions.encoding ? { encoding: readOptions.encoding } : {}),
        ...(readOptions.delimiter ? { delimiter: readOptions.delimiter } : {}),
        ...(readOptions.sheet ? { sheet: readOptions.sheet } : {}),
        ...(allowDuplicate ? { allowDuplicate } : {}),
      });
      upsertJob(job);
      setStep({ kind: 'running', jobId: job.id, fileName: step.preview.sourceFile });
    } catch (error) {
      reportError('Cannot start the import', error);
    } finally {
      setBusy(false);
    }
  }

  const onJobDone = useCallback((job: JobInfo) => {
    if (job.state === 'succeeded' && job.result?.kind === 'tape.import') {
      const report = job.result.report;
      if (report.tapeId !== null) selectedTapeId.set(report.tapeId);
      setStep({ kind: 'done', report });
    } else {
      setStep({ kind: 'choose' });
    }
  }, []);

  return (
    <section className="area">
      <header className="area-header area-header-row">
        <div>
          <h1>Import a tape</h1>
          <p className="muted">CSV (comma, tab, semicolon; UTF-8, UTF-8 BOM, GBK) or XLSX. One transaction: a failed import changes nothing.</p>
        </div>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </header>

      {step.kind === 'choose' ? (
        <div className="panel">
          {api.transport.desktop ? (
            <button type="button" onClick={() => void chooseDesktop()} disabled={busy}>
              Choose a tape file…
            </button>
          ) : (
            <label className="file-picker">
              <span>Choose a tape file (.csv, .txt, .tsv, .xlsx)</span>
              <input type="file" accept=".csv,.txt,.tsv,.xlsx" aria-label="Tape file" onChange={(e) => void chooseBrowser(e)} disabled={busy} />
            </label>
          )}
          {busy ? <p className="muted">Reading the file…</p> : null}
        </div>
      ) : null}

      {step.kind === 'preview' && preview ? (
        <>
          <div className="panel detection" data-testid="detection">
            <div>
              <strong>{preview.sourceFile}</strong> · {preview.format.toUpperCase()} · {formatBytes(preview.bytes)}
              {preview.encodingReason ? <span className="muted"> · {preview.encodingReason}</span> : null}
            </div>
            <div className="option-row">
              {preview.format === 'csv' ? (
                <>
                  <label>
                    Encoding
                    <select value={readOptions.encoding} onChange={(e) => setOption('encoding', e.target.value)}>
                      {ENCODINGS.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.value === '' ? `Detect (${preview.encoding ?? '?'})` : o.label}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Delimiter
                    <select value={readOptions.delimiter} onChange={(e) => setOption('delimiter', e.target.value)}>
                      {DELIMITERS.map((o) => (
                        <option key={o.label} value={o.value}>
                          {o.value === '' ? `Detect (${preview.delimiter === '\t' ? 'tab' : (preview.delimiter ?? '?')})` : o.label}
                        </option>
                      ))}
                    </select>
                  </label>
                </>
              ) : (
                <label>
                  Sheet
                  <select value={readOptions.sheet || (preview.sheet ?? '')} onChange={(e) => setOption('sheet', e.target.value)}>
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
                <select value={readOptions.mappingName} onChange={(e) => setOption('mappingName', e.target.value)}>
                  <option value="">Automatic (header names)</option>
                  {(savedMappings.data ?? []).map((m) => (
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
              This file was already imported as tape {preview.duplicateOf.id} “{preview.duplicateOf.name}” on{' '}
              {preview.duplicateOf.importedAt.slice(0, 10)}.{' '}
              <label>
                <input type="checkbox" checked={allowDuplicate} onChange={(e) => setAllowDuplicate(e.target.checked)} /> Import it again anyway
              </label>
            </div>
          ) : null}

          <h2>Column mapping</h2>
          <p className="muted">
            Each tape column maps to a canonical field or is kept as an extra attribute (never dropped). Rates may be written 0.15, 15 or
            15%; daily rates are converted to annual × 365 (ACT/365).
          </p>
          <table className="data-table mapping-table" data-testid="mapping-table">
            <thead>
              <tr>
                <th>Tape column</th>
                <th>First values</th>
                <th>Field</th>
              </tr>
            </thead>
            <tbody>
              {mapping.map((m) => (
                <tr key={m.column} className={m.field && doubled.has(m.field) ? 'conflict' : undefined}>
                  <td>{m.header || <em className="muted">(blank header)</em>}</td>
                  <td className="mono muted">
                    {preview.rows
                      .slice(0, 3)
                      .map((r) => r[m.column] ?? '')
                      .join(' · ')}
                  </td>
                  <td>
                    <select
                      aria-label={`Field for ${m.header}`}
                      value={m.field ?? ''}
                      onChange={(e) => setOverrides({ ...overrides, [m.header]: (e.target.value || null) as CanonicalField | null })}
                    >
                      <option value="">Keep as extra attribute</option>
                      {preview.fields.map((f) => (
                        <option key={f.field} value={f.field} title={f.help}>
                          {f.label}
                          {f.required ? ' *' : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {missing.length > 0 ? (
            <p className="error-text" role="status">
              Not mapped yet: {missing.join(', ')}.
            </p>
          ) : null}
          {doubled.size > 0 ? <p className="error-text">Two columns map to the same field: each field takes one column.</p> : null}

          <div className="option-row save-mapping">
            <label>
              Save this mapping as
              <input value={saveAs} onChange={(e) => setSaveAs(e.target.value)} placeholder="e.g. Originator A cash loans" />
            </label>
            <button type="button" className="secondary" onClick={() => void saveMapping()} disabled={!saveAs.trim()}>
              Save mapping
            </button>
          </div>

          <h2>Import</h2>
          <div className="option-grid">
            <label>
              Tape name
              <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              Cutoff date
              <input type="date" value={cutoff} onChange={(e) => setCutoff(e.target.value)} aria-describedby="cutoff-help" />
              <small id="cutoff-help" className="muted">
                Empty: the tape’s data-date column, else today.
              </small>
            </label>
            <fieldset>
              <legend>When a row is invalid</legend>
              <label>
                <input type="radio" name="mode" checked={mode === 'reject'} onChange={() => setMode('reject')} /> Reject the whole file
              </label>
              <label>
                <input type="radio" name="mode" checked={mode === 'keepValid'} onChange={() => setMode('keepValid')} /> Import the valid rows;
                keep the rejected ones for review
              </label>
            </fieldset>
          </div>
          <div className="button-row">
            <button
              type="button"
              onClick={() => void startImport()}
              disabled={busy || missing.length > 0 || doubled.size > 0 || (preview.duplicateOf !== null && !allowDuplicate)}
            >
              Import
            </button>
            <button type="button" className="secondary" onClick={() => setStep({ kind: 'choose' })}>
              Choose another file
            </button>
          </div>
        </>
      ) : null}

      {step.kind === 'running' ? <JobWatcher jobId={step.jobId} label={`Importing ${step.fileName}`} onDone={onJobDone} /> : null}

      {step.kind === 'done' ? <ImportResult report={step.report} onAgain={() => setStep({ kind: 'choose' })} onClose={onClose} /> : null}
    </section>
  );
}

function ImportResult({ report, onAgain, onClose }: { report: ImportReport; onAgain: () => void; onClose: () => void }) {
  const imported = report.status === 'imported';
  return (
    <div className="import-result" data-testid="import-result">
      <div className={imported ? 'result-box ok' : 'result-box bad'} role="status">
        <strong>
          {imported ? `Imported tape ${report.tapeId ?? ''} “${report.name}”` : `Rejected ${report.sourceFile}: nothing was imported`}
        </strong>
        <p>
          {formatCount(report.rowsRead)} rows read · {formatCount(report.rowsImported)} imported · {formatCount(report.rowsRejected)}{' '}
          rejected · cutoff {report.cutoffDate} ({report.cutoffSource === 'given' ? 'given' : report.cutoffSource === 'tape' ? 'from the tape' : 'import date'})
          · {report.seconds.toFixed(1)} s · {formatCount(Math.round(report.rowsPerSecond))} rows/s
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

