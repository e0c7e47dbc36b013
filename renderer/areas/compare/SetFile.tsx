import type { ChangeEvent } from 'react';
import type { ApiClient } from '../../api/client.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { downloadText } from '../../app/format.ts';
import { notify } from '../../app/notifications.ts';
import { fileNamePart } from '../../../messages/file-name.ts';
import { formOfSet, setOfForm, type ScenarioSetForm } from './form.ts';
import { compareScreen, updateCompareScreen } from './state.ts';
import { translate, useT } from '../../app/i18n.tsx';

/** Reads a scenario-set file chosen on disk through scenarios.check and opens it in the editor, unsaved; a file that does not read names its problems. */
async function openSetFile(api: ApiClient, event: ChangeEvent<HTMLInputElement>): Promise<void> {
  const file = event.target.files?.[0];
  event.target.value = '';
  if (!file) return;
  const { dirty, form } = compareScreen.get();
  if (dirty && form && !window.confirm(translate('compare.confirm.discard', { name: form.name || translate('compare.confirm.theSet') }))) return;
  try {
    const json: unknown = JSON.parse(await file.text());
    const check = await api.call('scenarios.check', { scenarios: json });
    updateCompareScreen({ source: null, form: formOfSet(check.set), savedName: null, dirty: true });
    notify('success', translate('compare.scenarioSetOpened'), translate('compare.scenariosNotSavedYet', { name: file.name, length: check.scenarios.length }));
  } catch (error) {
    // The service's message names the first problem's JSON path and how many more there are.
    reportError(translate('compare.cannotOpen', { name: file.name }), error instanceof SyntaxError ? new Error(`not JSON: ${error.message}`) : error);
  }
}

/** The set in the editor as a scenario-set file (docs/scenarios.md), for `abs run --scenarios` or a colleague. */
function exportSet(form: ScenarioSetForm): void {
  downloadText(`${fileNamePart(form.name, 'scenarios')}.json`, `${JSON.stringify(setOfForm(form), null, 2)}\n`, 'application/json');
}

/** Open a scenario-set file from disk into Compare's editor (Compare, and Reports to report a set). */
export function OpenSetFileButton() {
  const t = useT();
  const { api } = useApp();
  return (
    <label className="file-button secondary">
      {t('compare.openSetFile')}
      <input type="file" accept=".json,application/json" aria-label={t('compare.openSetFile2')} className="visually-hidden" onChange={(e) => void openSetFile(api, e)} />
    </label>
  );
}

/** Open a scenario-set file from disk; export the set in the editor as one. */
export function SetFileButtons({ form, valid }: { form: ScenarioSetForm; valid: boolean }) {
  const t = useT();
  return (
    <>
      <OpenSetFileButton />
      <button type="button" className="secondary" onClick={() => exportSet(form)} disabled={!valid}>
        {t('compare.exportJson')}
      </button>
    </>
  );
}
