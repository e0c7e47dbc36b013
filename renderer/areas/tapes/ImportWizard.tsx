import { useCallback, useMemo, useState } from 'react';
import type { ImportReport, JobInfo, TapeSource } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { upsertJob } from '../../app/jobs.ts';
import { useQuery } from '../../app/query.ts';
import { selectedTapeId } from '../../app/tapes.ts';
import { ChooseFile } from './import/ChooseFile.tsx';
import { ColumnMapping } from './import/ColumnMapping.tsx';
import { Detection } from './import/Detection.tsx';
import { ImportOptions } from './import/ImportOptions.tsx';
import { ImportResult } from './import/ImportResult.tsx';
import {
  defaultTapeName,
  DETECT,
  cutoffNeeded,
  cutoffUnreadable,
  doubledFields,
  effectiveMapping,
  headerMapping,
  IMPORT_DEFAULTS,
  importRequest,
  readRequest,
  unmappedFields,
  type ImportChoices,
  type MappingOverrides,
  type ReadChoices,
} from './import/model.ts';
import { JobWatcher } from './JobWatcher.tsx';
import { useT } from '../../app/i18n.tsx';

type Step =
  | { kind: 'choose' }
  /** A file is chosen: its preview is read, and read again whenever a read choice changes. */
  | { kind: 'preview'; source: TapeSource }
  | { kind: 'running'; jobId: string; fileName: string }
  | { kind: 'done'; report: ImportReport };

/**
 * Import a tape: choose the file, check what was detected and the column mapping, set the import
 * options, import with progress, read the report. Each step is a component of ./import/; this
 * holds the choices they share.
 */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { api } = useApp();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [read, setRead] = useState<ReadChoices>(DETECT);
  const [overrides, setOverrides] = useState<MappingOverrides>({});
  const [choices, setChoices] = useState<ImportChoices>(IMPORT_DEFAULTS);
  const [starting, setStarting] = useState(false);
  // Saved mappings are an offer: without them the header names still map.
  const savedMappings = useQuery(() => api.call('mapping.list', {}), [api]);

  const source = step.kind === 'preview' ? step.source : null;
  const previews = useQuery(source ? () => api.call('tape.preview', readRequest(source, read)).then((preview) => ({ source, preview })) : null, [api, source, read], {
    onError: (error) => reportError(t('tapes.cannotReadTheTape'), error),
  });
  // The file's last preview stays on screen while a changed read choice is read again.
  const preview = previews.latest?.source === source ? previews.latest.preview : null;
  const mapping = useMemo(() => (preview ? effectiveMapping(preview, overrides) : []), [preview, overrides]);
  const missing = useMemo(() => (preview ? unmappedFields(preview, mapping) : []), [preview, mapping]);
  const doubled = useMemo(() => doubledFields(mapping), [mapping]);
  const name = choices.name ?? (preview ? defaultTapeName(preview.sourceFile) : '');

  /**
   * Back to choosing a file, with every choice fresh: the last file's name, cutoff, encoding and
   * mapping belong to that file (a kept cutoff would override the next tape's own data date).
   */
  function startOver(): void {
    setRead(DETECT);
    setOverrides({});
    setChoices(IMPORT_DEFAULTS);
    setStep({ kind: 'choose' });
  }

  function chooseRead(key: keyof ReadChoices, value: string): void {
    setRead({ ...read, [key]: value });
    if (key === 'mappingName') setOverrides({});
  }

  async function startImport(): Promise<void> {
    if (!source || !preview) return;
    setStarting(true);
    try {
      const job = await api.call('tape.import', importRequest(source, read, mapping, name, choices));
      upsertJob(job);
      setStep({ kind: 'running', jobId: job.id, fileName: preview.sourceFile });
    } catch (error) {
      reportError(t('tapes.cannotStartTheImport'), error);
    } finally {
      setStarting(false);
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

  const needsCutoff = cutoffNeeded(mapping, choices.cutoff);
  const canImport =
    preview !== null &&
    !previews.loading &&
    !starting &&
    missing.length === 0 &&
    doubled.size === 0 &&
    !needsCutoff &&
    !cutoffUnreadable(choices.cutoff) &&
    (preview.duplicateOf === null || choices.allowDuplicate);
  return (
    <section className="area">
      <header className="area-header area-header-row">
        <div>
          <h1>{t('tapes.importATape')}</h1>
          <p className="muted">{t('tapes.csvCommaTabSemicolon')}</p>
        </div>
        <button type="button" className="secondary" onClick={onClose}>
          {t('tapes.close')}
        </button>
      </header>

      {step.kind === 'choose' || (step.kind === 'preview' && !preview) ? <ChooseFile reading={previews.loading} onChosen={(chosen) => setStep({ kind: 'preview', source: chosen })} /> : null}

      {step.kind === 'preview' && preview ? (
        <>
          <Detection
            preview={preview}
            read={read}
            savedMappings={savedMappings.data ?? []}
            onRead={chooseRead}
            allowDuplicate={choices.allowDuplicate}
            onAllowDuplicate={(allowDuplicate) => setChoices({ ...choices, allowDuplicate })}
          />
          <ColumnMapping
            preview={preview}
            mapping={mapping}
            missing={missing}
            doubled={doubled}
            headerMapping={headerMapping(mapping)}
            onField={(header, field) => setOverrides({ ...overrides, [header]: field })}
            onSaved={savedMappings.reload}
          />
          <ImportOptions
            choices={choices}
            name={name}
            onChoices={(patch) => setChoices({ ...choices, ...patch })}
            canImport={canImport}
            needsCutoff={needsCutoff}
            hasDataDate={mapping.some((m) => m.field === 'asOfDate')}
            onImport={() => void startImport()}
            onChooseAnother={startOver}
          />
        </>
      ) : null}

      {step.kind === 'running' ? <JobWatcher jobId={step.jobId} label={t('tapes.importing', { fileName: step.fileName })} onDone={onJobDone} /> : null}

      {step.kind === 'done' ? <ImportResult report={step.report} onAgain={startOver} onClose={onClose} /> : null}
    </section>
  );
}
