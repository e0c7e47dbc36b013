import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { AssumptionSetRecord } from '../../../service/api/contract.ts';
import { openExampleDraft, useAssumptionSets } from '../../app/assumption-sets.ts';
import { assumptionDraft, openAssumptionDraft, selectedAssumptionSet, useAssumptionDraft, type AssumptionDraft } from '../../app/assumptions.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { downloadText, formatDateTime } from '../../app/format.ts';
import { fileNamePart } from '../../app/file-name.ts';
import { notify } from '../../app/notifications.ts';
import { hrefFor } from '../../app/router.ts';
import { useSelectedTapeId, useTapes } from '../../app/tapes.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TapePicker } from '../../components/TapePicker.tsx';
import { AssumptionForm } from './AssumptionForm.tsx';
import { impliedByPath, issuesByPath, useAssumptionCheck, type LiveCheck } from './check.ts';
import { JsonEditor } from './JsonEditor.tsx';
import { formEditable, setIn, type KeyPath } from './model.ts';
import { useTapeSegments } from './segments.ts';
import { StaticPoolSection } from './static-pool/StaticPoolImport.tsx';

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
    notify('info', 'Assumption file imported', `${file.name} — check it, then save it to keep it in the workspace.`);
  } catch (error) {
    reportError(`Cannot read ${file.name}`, error instanceof SyntaxError ? new Error(`not JSON: ${error.message}`) : error);
  }
}

function CheckStatus({ live }: { live: LiveCheck }) {
  const { state, pending } = live;
  return (
    <div className={`check-status check-${state.status}`} role="status" data-testid="check-status">
      {state.status === 'checking' ? <span className="muted">Checking…</span> : null}
      {state.status === 'valid' ? (
        <span>
          ✓ Valid: {state.check.months} months
          {state.check.segments.length > 0 ? ` · overrides for ${state.check.segments.join(', ')}` : ' · no segment overrides'}
        </span>
      ) : null}
      {state.status === 'unavailable' ? <span className="error-text">Cannot check the assumptions: {state.message}</span> : null}
      {state.status === 'invalid' ? (
        <span className="error-text">
          ✗ {state.issues.length === 1 ? '1 problem' : `${state.issues.length} problems`}:{' '}
          {state.issues.map((issue, i) => (
            <span key={`${issue.path} ${issue.message}`}>
              {i > 0 ? ', ' : ''}
              <button type="button" className="link-button mono" onClick={() => focusField(issue.path)} title={issue.message}>
                {issue.path}
              </button>
              {state.issues.length === 1 ? ` — ${issue.message}` : null}
            </span>
          ))}
        </span>
      ) : null}
      {pending && state.status !== 'checking' ? <span className="muted small"> · checking…</span> : null}
    </div>
  );
}

/** Opens a saved set in the editor (after asking when unsaved edits would be lost); lists the draft when it is new. */
function OpenSetPicker({ draft, sets }: { draft: AssumptionDraft | null; sets: readonly AssumptionSetRecord[] | null }) {
  return (
    <label>
      Open set
      <select
        aria-label="Open set"
        value={draft === null ? '' : (draft.savedName ?? NEW_SET)}
        onChange={(e) => {
          const chosen = sets?.find((s) => s.name === e.target.value);
          if (chosen) openAssumptionDraft({ savedName: chosen.name, name: chosen.name, file: chosen.assumptions, dirty: false });
        }}
      >
        {draft === null ? <option value="">—</option> : null}
        {draft !== null && draft.savedName === null ? <option value={NEW_SET}>{draft.name || 'new set'} (not saved)</option> : null}
        {(sets ?? []).map((s) => (
          <option key={s.name} value={s.name}>
            {s.name}
            {s.name === draft?.savedName && draft.dirty ? ' (edited)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

function NoSetYet({ noTapes, onExample }: { noTapes: boolean; onExample: () => void }) {
  return (
    <EmptyState title="No assumption set yet — start from the example">
      <p>
        An assumption set holds the projection horizon, prepayment and default speeds, roll rates, recoveries, penalty interest and servicing, for the pool and by borrower segment. Start from the
        shipped consumer-loan example and adjust it, or import a JSON file
        {noTapes ? (
          <>
            {' '}
            (and import a tape in <a href={hrefFor('tapes')}>Tapes</a> to see its segments)
          </>
        ) : null}
        .
      </p>
      <div className="button-row">
        <button type="button" onClick={onExample}>
          Start from the example
        </button>
      </div>
    </EmptyState>
  );
}

/** Named assumption sets: open, start from the example, edit as a form or as JSON, save, rename, delete, import and export. */
export function AssumptionsArea() {
  const { api } = useApp();
  const tapes = useTapes();
  const tapeId = useSelectedTapeId();
  const sets = useAssumptionSets();
  const draft = useAssumptionDraft();
  const [view, setView] = useState<'form' | 'json'>('form');
  const [busy, setBusy] = useState(false);
  const tapeSegments = useTapeSegments(tapeId);
  const live = useAssumptionCheck(draft?.file ?? null, tapeId);
  const issues = issuesByPath(live.state);
  const implied = impliedByPath(live.state);

  // Arriving with nothing open: open a saved set (once per visit — not again after a delete).
  const arrived = useRef(true);
  useEffect(() => {
    if (sets === null || !arrived.current) return;
    arrived.current = false;
    const preferred = sets.find((s) => s.name === selectedAssumptionSet.get()) ?? sets[0];
    if (assumptionDraft.get() === null && preferred) openAssumptionDraft({ savedName: preferred.name, name: preferred.name, file: preferred.assumptions, dirty: false });
  }, [sets]);

  async function save(rename: boolean): Promise<void> {
    if (!draft) return;
    const name = draft.name.trim();
    if (!name) return;
    const exists = (sets ?? []).some((s) => s.name === name);
    if (exists && name !== draft.savedName && !window.confirm(`Replace the saved set “${name}”?`)) return;
    setBusy(true);
    try {
      const saved = await api.call('assumptions.save', { name, assumptions: draft.file });
      if (rename && draft.savedName && draft.savedName !== name) await api.call('assumptions.delete', { name: draft.savedName });
      assumptionDraft.set({ savedName: saved.name, name: saved.name, file: saved.assumptions, dirty: false });
      selectedAssumptionSet.set(saved.name);
      notify('success', rename ? 'Assumption set renamed' : 'Assumption set saved', `“${saved.name}”`);
    } catch (error) {
      reportError(rename ? 'Cannot rename the assumption set' : 'Cannot save the assumption set', error);
    } finally {
      setBusy(false);
    }
  }

  async function remove(): Promise<void> {
    if (!draft?.savedName) return;
    const name = draft.savedName;
    if (!window.confirm(`Delete the assumption set “${name}” from this workspace?`)) return;
    setBusy(true);
    try {
      await api.call('assumptions.delete', { name });
      const next = (sets ?? []).find((s) => s.name !== name);
      assumptionDraft.set(next ? { savedName: next.name, name: next.name, file: next.assumptions, dirty: false } : null);
      selectedAssumptionSet.set(next?.name ?? null);
      notify('success', 'Assumption set deleted', `“${name}”`);
    } catch (error) {
      reportError('Cannot delete the assumption set', error);
    } finally {
      setBusy(false);
    }
  }

  function exportFile(): void {
    if (!draft) return;
    downloadText(`${fileNamePart(draft.name, 'assumptions')}.json`, `${JSON.stringify(draft.file, null, 2)}\n`, 'application/json');
  }

  const valid = live.state.status === 'valid' && !live.pending;
  const canSave = draft !== null && draft.name.trim() !== '' && !busy && (draft.dirty || draft.name.trim() !== draft.savedName);
  const canRename = draft !== null && draft.savedName !== null && draft.name.trim() !== '' && draft.name.trim() !== draft.savedName && !busy;
  const editableAsForm = draft !== null && formEditable(draft.file);
  const savedAt = draft?.savedName ? sets?.find((s) => s.name === draft.savedName)?.updatedAt : undefined;

  return (
    <section className="area assumptions-area">
      <header className="area-header area-header-row">
        <div>
          <h1>Assumptions</h1>
          <p className="muted">
            Prepayment, default, delinquency and recovery assumptions for the pool, with overrides by borrower segment. Rates are shown in % and stored as decimals; speeds use the vector notation (CPR
            and CDR annual, SMM and MDR monthly).
          </p>
        </div>
        <TapePicker tapes={tapes} tapeId={tapeId} label="Tape (segments and check)" />
      </header>

      <div className="panel toolbar" role="toolbar" aria-label="Assumption set">
        <OpenSetPicker draft={draft} sets={sets} />
        <label>
          Set name
          <input
            aria-label="Set name"
            value={draft?.name ?? ''}
            disabled={draft === null}
            onChange={(e) => draft && assumptionDraft.set({ ...draft, name: e.target.value })}
            onKeyDown={(e) => e.key === 'Enter' && canSave && void save(false)}
          />
        </label>
        <div className="button-row">
          <button type="button" onClick={() => void save(false)} disabled={!canSave} title={valid ? undefined : 'The service checks the set again when saving'}>
            Save
          </button>
          <button type="button" className="secondary" onClick={() => void save(true)} disabled={!canRename}>
            Rename
          </button>
          <button type="button" className="secondary danger" onClick={() => void remove()} disabled={!draft?.savedName || busy}>
            Delete
          </button>
        </div>
        <span className="toolbar-spacer" />
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => void openExampleDraft(api, sets)}>
            Start from the example
          </button>
          <label className="file-button secondary">
            Import JSON…
            <input type="file" accept=".json,application/json" aria-label="Import JSON file" className="visually-hidden" onChange={(e) => void importFile(e)} />
          </label>
          <button type="button" className="secondary" onClick={exportFile} disabled={draft === null}>
            Export JSON
          </button>
        </div>
      </div>
      <StaticPoolSection />

      {draft === null ? (
        sets === null ? (
          <p className="muted">Loading…</p>
        ) : (
          <NoSetYet noTapes={tapes !== null && tapes.length === 0} onExample={() => void openExampleDraft(api, sets)} />
        )
      ) : (
        <>
          <div className="editor-head">
            <div className="segmented" role="group" aria-label="View">
              <button type="button" aria-pressed={view === 'form' && editableAsForm} onClick={() => setView('form')} disabled={!editableAsForm}>
                Form
              </button>
              <button type="button" aria-pressed={view === 'json' || !editableAsForm} onClick={() => setView('json')}>
                JSON
              </button>
            </div>
            <span className="muted small">
              {draft.savedName === null ? 'New set, not saved yet' : draft.dirty ? `Unsaved changes to “${draft.savedName}”` : `Saved${savedAt ? ` ${formatDateTime(savedAt)}` : ''}`}
            </span>
          </div>
          <CheckStatus live={live} />
          {view === 'form' && editableAsForm ? (
            <AssumptionForm file={draft.file} tapeSegments={tapeSegments} issues={issues} implied={implied} onChange={edit} />
          ) : (
            <>
              {!editableAsForm ? <p className="warning-box">This JSON does not have the shape of an assumption file (an object with a “pool” object), so it can only be edited as text.</p> : null}
              <JsonEditor key={draft.savedName ?? NEW_SET} file={draft.file} onChange={replaceFile} />
            </>
          )}
        </>
      )}
    </section>
  );
}
