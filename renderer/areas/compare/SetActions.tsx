import { useState } from 'react';
import type { ScenarioSetRecord } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { notify } from '../../app/notifications.ts';
import { setOfForm, type ScenarioSetForm } from './form.ts';
import { SetFileButtons } from './SetFile.tsx';
import { compareScreen, updateCompareScreen } from './state.ts';
import { useT } from '../../app/i18n.tsx';

/** Save (under the name it is saved as), save as (under the set's name as typed), delete — the workspace's scenario sets. */
export function SetActions({ form, savedName, saved, valid }: { form: ScenarioSetForm; savedName: string | null; saved: readonly ScenarioSetRecord[] | null; valid: boolean }) {
  const t = useT();
  const { api, workspace } = useApp();
  const [busy, setBusy] = useState(false);
  const typedName = form.name.trim();

  async function save(name: string): Promise<void> {
    const exists = (saved ?? []).some((s) => s.name === name);
    if (exists && name !== savedName && !window.confirm(t('compare.confirm.replace', { name }))) return;
    setBusy(true);
    try {
      const record = await api.call('scenarios.save', { name, scenarios: setOfForm(form) });
      // The editor keeps the text as typed (the service stored what that text reads as). An edit made
      // while the save was on its way is not in the saved set: the editor stays unsaved then.
      updateCompareScreen({ source: { kind: 'saved', name: record.name }, savedName: record.name, dirty: compareScreen.get().form !== form });
      notify('success', t('compare.scenarioSetSaved'), t('compare.inThisWorkspace', { name: record.name }));
    } catch (error) {
      reportError(t('compare.cannotSaveTheScenario'), error);
    } finally {
      setBusy(false);
    }
  }

  async function remove(): Promise<void> {
    if (savedName === null || !window.confirm(t('compare.confirm.delete', { name: savedName }))) return;
    setBusy(true);
    try {
      await api.call('scenarios.delete', { name: savedName });
      // The editor keeps the set, now unsaved, so a deletion by mistake is one Save away from undone.
      updateCompareScreen({ source: null, savedName: null, dirty: true });
      notify('success', t('compare.scenarioSetDeleted'), t('compare.stillOpenHereUnsaved', { savedName }));
    } catch (error) {
      reportError(t('compare.cannotDeleteTheScenario'), error);
    } finally {
      setBusy(false);
    }
  }

  const noWorkspace = workspace === null;
  return (
    <div className="button-row set-actions">
      <button type="button" onClick={() => void save(savedName ?? typedName)} disabled={busy || noWorkspace || !valid || typedName === ''}>
        {savedName === null ? t('compare.save') : t('compare.save2', { savedName })}
      </button>
      <button type="button" className="secondary" onClick={() => void save(typedName)} disabled={busy || noWorkspace || !valid || typedName === '' || savedName === null || typedName === savedName}>
        {t('compare.saveAs')}
        {typedName || t('compare.setName')}”
      </button>
      <button type="button" className="secondary" onClick={() => void remove()} disabled={busy || noWorkspace || savedName === null}>
        {t('compare.delete')}
      </button>
      <SetFileButtons form={form} valid={valid} />
      {noWorkspace ? <small className="muted">{t('compare.openAWorkspaceTo')}</small> : null}
    </div>
  );
}
