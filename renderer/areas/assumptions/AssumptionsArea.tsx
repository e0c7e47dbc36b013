import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { AssumptionSetRecord } from '../../../service/api/contract.ts';
import { openExampleDraft, useAssumptionSets } from '../../app/assumption-sets.ts';
import { assumptionDraft, openAssumptionDraft, selectedAssumptionSet, useAssumptionDraft, type AssumptionDraft } from '../../app/assumptions.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { downloadText, formatDateTime } from '../../app/format.ts';
import { fileNamePart } from '../../../messages/file-name.ts';
import { notify } from '../../app/notifications.ts';
import { hrefFor } from '../../app/router.ts';
import { useSelectedTapeId, useTapes } from '../../app/tapes.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TapePicker } from '../../components/TapePicker.tsx';
import { AssumptionForm } from './AssumptionForm.tsx';
import { impliedByPath, issuesByPath, sayIssue, useAssumptionCheck, type LiveCheck } from './check.ts';
import { JsonEditor } from './JsonEditor.tsx';
import { formEditable, setIn, type KeyPath } from './model.ts';
import { useTapeSegments } from './segments.ts';
import { StaticPoolSection } from './static-pool/StaticPoolImport.tsx';
import { translate, useT } from '../../app/i18n.tsx';
import { sayCoded } from '../../app/coded.ts';

/** The Open set choice of a draft not saved yet (no saved set can have this name). */
const NEW_SET = '\u0000new';

/** Puts the cursor in the field an issue names (its input or select, found by JSON path). */
function focusField(path: string): void {
  const at = `[data-path="${CSS.escape(path)}"]`;
  document.querySelector<HTMLElement>(`${at} input, ${at} select`)?.focus();
}

function edit(path: KeyPath, value: unknown): void {
  const current = assumptionDraft.get();
  if (current) assumptionDraft.set({ ...current, file: setIn(current.file, path, value), dirty: true });
}

function replaceFile(file: unknown): void {
  const current = assumptionDraft.get();
  if (current) assumptionDraft.set({ ...current, file, dirty: true });
}

/** Reads a chosen JSON file in the window (no upload: it is only text) and opens it as a new, unsaved set. */
async function importFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
  const file = event.target.files?.[0];
  event.target.value = '';
  if (!file) return;
  try {
    const parsed: unknown = JSON.parse(await file.text());
    openAssumptionDraft({ savedName: null, name: file.name.replace(/\.json$/i, ''), file: parsed, dirty: true });
    notify('info', translate('assumptions.assumptionFileImported'), translate('assumptions.checkItThenSave', { name: file.name }));
  } catch (error) {
    reportError(translate('assumptions.cannotRead', { name: file.name }), error instanceof SyntaxError ? new Error(`not JSON: ${error.message}`) : error);
  }
}

function CheckStatus({ live, file }: { live: LiveCheck; file: unknown }) {
  const t = useT();
  const { state, pending } = live;
  return (
    <div className={`check-status check-${state.status}`} role="status" data-testid="check-status">
      {state.status === 'checking' ? <span className="muted">{t('assumptions.checking')}</span> : null}
      {state.status === 'valid' ? (
        <span>
          {t('assumptions.validMonths', { months: state.check.months })}
          {state.check.segments.length > 0 ? t('assumptions.overridesFor', { join: state.check.segments.join(', ') }) : t('assumptions.noSegmentOverrides')}
          {/* Checked against the chosen tape: segments and products the set names that no loan is in (a typo shows here). */}
          {state.check.warnings.map((warning) => (
            <span key={warning.code} className="warning-text" data-testid="check-warning">
              {' '}
              ⚠ {sayCoded(warning)}
            </span>
          ))}
        </span>
      ) : null}
      {state.status === 'unavailable' ? <span className="error-text">{t('assumptions.cannotCheckTheAssumptions', { message: state.message })}</span> : null}
      {state.status === 'invalid' ? (
        <span className="error-text">
          ✗ {t('assumptions.problems', { length: state.issues.length })}:{' '}
          {state.issues.map((issue, i) => (
            <span key={`${issue.path} ${issue.message}`}>
              {i > 0 ? ', ' : ''}
              <button type="button" className="link-button mono" onClick={() => focusField(issue.path)} title={sayIssue(issue, file)}>
                {issue.path}
              </button>
              {state.issues.length === 1 ? ` — ${sayIssue(issue, file)}` : null}
            </span>
          ))}
        </span>
      ) : null}
      {pending && state.status !== 'checking' ? <span className="muted small"> {t('assumptions.checking2')}</span> : null}
    </div>
  );
}

/** Opens a saved set in the editor (after asking when unsaved edits would be lost); lists the draft when it is new. */
function OpenSetPicker({ draft, sets }: { draft: AssumptionDraft | null; sets: readonly AssumptionSetRecord[] | null }) {
  const t = useT();
  return (
    <label>
      {t('assumptions.openSet')}
      <select
        aria-label={t('assumptions.openSet')}
        value={draft === null ? '' : (draft.savedName ?? NEW_SET)}
        onChange={(e) => {
          const chosen = sets?.find((s) => s.name === e.target.value);
          if (chosen) openAssumptionDraft({ savedName: chosen.name, name: chosen.name, file: chosen.assumptions, dirty: false });
        }}
      >
        {draft === null ? <option value="">—</option> : null}
        {draft !== null && draft.savedName === null ? (
          <option value={NEW_SET}>
            {draft.name || t('assumptions.newSet')} {t('assumptions.notSaved')}
          </option>
        ) : null}
        {(sets ?? []).map((s) => (
          <option key={s.name} value={s.name}>
            {s.name}
            {s.name === draft?.savedName && draft.dirty ? t('assumptions.edited') : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

function NoSetYet({ noTapes, onExample }: { noTapes: boolean; onExample: () => void }) {
  const t = useT();
  return (
    <EmptyState title={t('assumptions.noAssumptionSetYet')}>
      <p>
        {t('assumptions.anAssumptionSetHolds')}
        {noTapes ? (
          <>
            {' '}
            {t('assumptions.andImportATape')} <a href={hrefFor('tapes')}>{t('assumptions.tapes')}</a> {t('assumptions.toSeeItsSegments')}
          </>
        ) : null}
        .
      </p>
      <div className="button-row">
        <button type="button" onClick={onExample}>
          {t('assumptions.startFromTheExample')}
        </button>
      </div>
    </EmptyState>
  );
}

/** Named assumption sets: open, start from the example, edit as a form or as JSON, save, rename, delete, import and export. */
/** Arriving with nothing open: open a saved set (once per visit — not again after a delete). */
function useOpenOnArrival(sets: readonly AssumptionSetRecord[] | null): void {
  const arrived = useRef(true);
  useEffect(() => {
    if (sets === null || !arrived.current) return;
    arrived.current = false;
    const preferred = sets.find((s) => s.name === selectedAssumptionSet.get()) ?? sets[0];
    if (assumptionDraft.get() === null && preferred) openAssumptionDraft({ savedName: preferred.name, name: preferred.name, file: preferred.assumptions, dirty: false });
  }, [sets]);
}

export function AssumptionsArea() {
  const t = useT();
  const { api } = useApp();
  const tapes = useTapes();
  const tapeId = useSelectedTapeId();
  const sets = useAssumptionSets();
  const draft = useAssumptionDraft();
  const [view, setView] = useState<'form' | 'json'>('form');
  const [busy, setBusy] = useState(false);
  const tapeSegments = useTapeSegments(tapeId);
  const live = useAssumptionCheck(draft?.file ?? null, tapeId);
  const issues = issuesByPath(live.state, draft?.file);
  const implied = impliedByPath(live.state);
  useOpenOnArrival(sets);

  async function save(rename: boolean): Promise<void> {
    if (!draft) return;
    const name = draft.name.trim();
    if (!name) return;
    const exists = (sets ?? []).some((s) => s.name === name);
    if (exists && name !== draft.savedName && !window.confirm(t('assumptions.confirm.replace', { name }))) return;
    setBusy(true);
    try {
      const saved = await api.call('assumptions.save', { name, assumptions: draft.file });
      if (rename && draft.savedName && draft.savedName !== name) await api.call('assumptions.delete', { name: draft.savedName });
      assumptionDraft.set({ savedName: saved.name, name: saved.name, file: saved.assumptions, dirty: false });
      selectedAssumptionSet.set(saved.name);
      notify('success', rename ? t('assumptions.assumptionSetRenamed') : t('assumptions.assumptionSetSaved'), `“${saved.name}”`);
    } catch (error) {
      reportError(rename ? t('assumptions.cannotRenameTheAssumption') : t('assumptions.cannotSaveTheAssumption'), error);
    } finally {
      setBusy(false);
    }
  }

  async function remove(): Promise<void> {
    if (!draft?.savedName) return;
    const name = draft.savedName;
    if (!window.confirm(t('assumptions.confirm.delete', { name }))) return;
    setBusy(true);
    try {
      await api.call('assumptions.delete', { name });
      const next = (sets ?? []).find((s) => s.name !== name);
      assumptionDraft.set(next ? { savedName: next.name, name: next.name, file: next.assumptions, dirty: false } : null);
      selectedAssumptionSet.set(next?.name ?? null);
      notify('success', t('assumptions.assumptionSetDeleted'), `“${name}”`);
    } catch (error) {
      reportError(t('assumptions.cannotDeleteTheAssumption'), error);
    } finally {
      setBusy(false);
    }
  }

  function exportFile(): void {
    if (!draft) return;
    downloadText(`${fileNamePart(draft.name, 'assumptions')}.json`, `${JSON.stringify(draft.file, null, 2)}\n`, 'application/json');
  }

  const valid = live.state.status === 'valid' && !live.pending;
  // A set the check refused is not saved (the service would refuse it too); one still being checked may be, the service checks it again.
  const canSave = draft !== null && draft.name.trim() !== '' && !busy && live.state.status !== 'invalid' && (draft.dirty || draft.name.trim() !== draft.savedName);
  const canRename = draft !== null && draft.savedName !== null && draft.name.trim() !== '' && draft.name.trim() !== draft.savedName && !busy;
  const editableAsForm = draft !== null && formEditable(draft.file);
  const savedAt = draft?.savedName ? sets?.find((s) => s.name === draft.savedName)?.updatedAt : undefined;

  return (
    <section className="area assumptions-area">
      <header className="area-header area-header-row">
        <div>
          <h1>{t('assumptions.assumptions')}</h1>
          <p className="muted">{t('assumptions.prepaymentDefaultDelinquencyAnd')}</p>
        </div>
        <TapePicker tapes={tapes} tapeId={tapeId} label={t('assumptions.tapeSegmentsAndCheck')} />
      </header>

      <div className="panel toolbar" role="toolbar" aria-label={t('assumptions.assumptionSet')}>
        <OpenSetPicker draft={draft} sets={sets} />
        <label>
          {t('assumptions.setName')}
          <input
            aria-label={t('assumptions.setName')}
            value={draft?.name ?? ''}
            disabled={draft === null}
            onChange={(e) => draft && assumptionDraft.set({ ...draft, name: e.target.value })}
            onKeyDown={(e) => e.key === 'Enter' && canSave && void save(false)}
          />
        </label>
        <div className="button-row">
          <button type="button" onClick={() => void save(false)} disabled={!canSave} title={valid ? undefined : t('assumptions.theServiceChecksThe')}>
            {t('assumptions.save')}
          </button>
          <button type="button" className="secondary" onClick={() => void save(true)} disabled={!canRename}>
            {t('assumptions.rename')}
          </button>
          <button type="button" className="secondary danger" onClick={() => void remove()} disabled={!draft?.savedName || busy}>
            {t('assumptions.delete')}
          </button>
        </div>
        <span className="toolbar-spacer" />
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => void openExampleDraft(api, sets)}>
            {t('assumptions.startFromTheExample')}
          </button>
          <label className="file-button secondary">
            {t('assumptions.importJson')}
            <input type="file" accept=".json,application/json" aria-label={t('assumptions.importJsonFile')} className="visually-hidden" onChange={(e) => void importFile(e)} />
          </label>
          <button type="button" className="secondary" onClick={exportFile} disabled={draft === null}>
            {t('assumptions.exportJson')}
          </button>
        </div>
      </div>
      <StaticPoolSection />

      {draft === null ? (
        sets === null ? (
          <p className="muted">{t('assumptions.loading')}</p>
        ) : (
          <NoSetYet noTapes={tapes !== null && tapes.length === 0} onExample={() => void openExampleDraft(api, sets)} />
        )
      ) : (
        <>
          <div className="editor-head">
            <div className="segmented" role="group" aria-label={t('assumptions.view')}>
              <button type="button" aria-pressed={view === 'form' && editableAsForm} onClick={() => setView('form')} disabled={!editableAsForm}>
                {t('assumptions.form')}
              </button>
              <button type="button" aria-pressed={view === 'json' || !editableAsForm} onClick={() => setView('json')}>
                JSON
              </button>
            </div>
            <span className="muted small">
              {draft.savedName === null
                ? t('assumptions.newSetNotSaved')
                : draft.dirty
                  ? t('assumptions.unsavedChangesTo', { savedName: draft.savedName })
                  : t('assumptions.saved', { value: savedAt ? ` ${formatDateTime(savedAt)}` : '' })}
            </span>
          </div>
          <CheckStatus live={live} file={draft.file} />
          {view === 'form' && editableAsForm ? (
            <AssumptionForm file={draft.file} tapeSegments={tapeSegments} issues={issues} implied={implied} onChange={edit} />
          ) : (
            <>
              {!editableAsForm ? <p className="warning-box">{t('assumptions.thisJsonDoesNot')}</p> : null}
              <JsonEditor key={draft.savedName ?? NEW_SET} file={draft.file} onChange={replaceFile} />
            </>
          )}
        </>
      )}
    </section>
  );
}
