import type { AssumptionSetRecord, ScenarioSetRecord, ScenarioSetTemplate } from '../../../service/api/contract.ts';
import { OWN, updateDealScreen } from '../../app/deal.ts';
import type { RunChoice } from '../deal/run-choice.ts';
import { formOfSet } from './form.ts';
import { compareScreen, updateCompareScreen, type SetSource } from './state.ts';
import { translate, useT } from '../../app/i18n.tsx';
import { scenarioSetTemplateName } from '../../app/shipped-names.ts';

const EDITED = '';

function sourceValue(source: SetSource | null): string {
  if (source === null) return EDITED;
  return source.kind === 'shipped' ? `shipped:${source.id}` : `saved:${source.name}`;
}

/** Opens a shipped set (as a copy, not saved) or a saved one in the editor; unsaved edits are given up only when the analyst says so. */
function openSet(value: string, templates: readonly ScenarioSetTemplate[], saved: readonly ScenarioSetRecord[]): void {
  const { dirty, form } = compareScreen.get();
  if (dirty && form && !window.confirm(translate('compare.confirm.discard', { name: form.name || translate('compare.confirm.theSet') }))) return;
  const [kind, ...rest] = value.split(':');
  const id = rest.join(':');
  if (kind === 'shipped') {
    const template = templates.find((item) => item.id === id);
    if (template) updateCompareScreen({ source: { kind: 'shipped', id }, form: formOfSet(template.set), savedName: null, dirty: false });
  } else if (kind === 'saved') {
    const record = saved.find((s) => s.name === id);
    if (record) updateCompareScreen({ source: { kind: 'saved', name: id }, form: formOfSet(record.set), savedName: record.name, dirty: false });
  }
}

/** The scenario set to edit and run: a shipped set (opened as a copy) or one saved in the workspace. */
export function SetPicker(props: { templates: readonly ScenarioSetTemplate[] | null; saved: readonly ScenarioSetRecord[] | null; source: SetSource | null; dirty: boolean }) {
  const t = useT();
  const templates = props.templates ?? [];
  const saved = props.saved ?? [];
  const value = sourceValue(props.source);
  return (
    <label className="tape-picker">
      {t('compare.scenarioSet')}
      <select aria-label={t('compare.scenarioSet')} value={value} onChange={(e) => openSet(e.target.value, templates, saved)} disabled={props.templates === null}>
        {value === EDITED ? <option value={EDITED}>{t('compare.chooseASet')}</option> : null}
        <optgroup label={t('compare.shippedOpensACopy')}>
          {templates.map((template) => (
            <option key={template.id} value={`shipped:${template.id}`}>
              {t('compare.shipped', { name: scenarioSetTemplateName(template) })}
            </option>
          ))}
        </optgroup>
        {saved.length > 0 ? (
          <optgroup label={t('compare.savedInThisWorkspace')}>
            {saved.map((s) => (
              <option key={s.name} value={`saved:${s.name}`}>
                {t('compare.saved', { name: s.name })}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      {props.dirty ? <small className="muted">{t('compare.editedNotSaved')}</small> : null}
    </label>
  );
}

/** The base every scenario changes: the deal file's own assumptions, or a saved assumption set (the Deal screen's choice). */
export function BasePicker({ used, hasAssumptions, sets }: { used: RunChoice; hasAssumptions: boolean; sets: readonly AssumptionSetRecord[] | null }) {
  const t = useT();
  const saved = sets ?? [];
  return (
    <label className="tape-picker">
      {t('compare.baseAssumptions')}
      <select aria-label={t('compare.baseAssumptions')} value={used.scenario ?? ''} onChange={(e) => updateDealScreen({ scenario: e.target.value })} disabled={!hasAssumptions && saved.length === 0}>
        {hasAssumptions ? <option value={OWN}>{t('compare.dealFileSAssumptions')}</option> : null}
        {!hasAssumptions && saved.length === 0 ? <option value="">{t('compare.noneSaveAnAssumption')}</option> : null}
        {saved.map((s) => (
          <option key={s.name} value={s.name}>
            {t('compare.savedSet', { name: s.name })}
          </option>
        ))}
      </select>
    </label>
  );
}
