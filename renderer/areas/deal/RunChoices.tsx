import type { ChangeEvent } from 'react';
import type { AssumptionSetRecord, DealTemplate, ProjectionMode, TapeRecord } from '../../../service/api/contract.ts';
import { reportError } from '../../app/context.tsx';
import { OWN, updateDealScreen, type DealChoice, type DealScreenState } from '../../app/deal.ts';
import { markAssumptionChanged } from '../../app/perf-marks.ts';
import { hrefFor } from '../../app/router.ts';
import { TapePicker } from '../../components/TapePicker.tsx';
import { dealEditor } from './editor/state.ts';
import type { RunChoice } from './run-choice.ts';
import { translate, useT, type MessageKey } from '../../app/i18n.tsx';
import { dealTemplateName } from '../../app/shipped-names.ts';

/** Opening another deal replaces the one in the structure editor: ask first when it has unsaved edits. */
function mayReplaceEdits(): boolean {
  const { dirty, fileName } = dealEditor.get();
  return !dirty || window.confirm(translate('deal.confirm.discard', { fileName }));
}

const FILE_CHOICE = '\u0000file';

/** Reads a chosen deal file in the window (it is only JSON text) and makes it the deal shown. */
async function openDealFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
  const file = event.target.files?.[0];
  event.target.value = '';
  if (!file || !mayReplaceEdits()) return;
  try {
    const deal: unknown = JSON.parse(await file.text());
    updateDealScreen({ choice: { kind: 'file', fileName: file.name, deal } });
  } catch (error) {
    reportError(translate('deal.cannotRead', { name: file.name }), error instanceof SyntaxError ? new Error(`not JSON: ${error.message}`) : error);
  }
}

function chooseDeal(value: string): void {
  if (value === FILE_CHOICE || !mayReplaceEdits()) return;
  updateDealScreen({ choice: { kind: 'template', id: value } });
}

/** The deal: a shipped template, or a deal file opened from disk. */
export function DealPicker({ templates, choice }: { templates: readonly DealTemplate[] | null; choice: DealChoice }) {
  const t = useT();
  const value = choice.kind === 'file' ? FILE_CHOICE : choice.id;
  return (
    <>
      <label className="tape-picker">
        {t('deal.deal')}
        <select aria-label={t('deal.deal')} value={value} onChange={(e) => chooseDeal(e.target.value)} disabled={!templates}>
          {templates === null ? <option value={value}>{t('deal.loading')}</option> : null}
          {(templates ?? []).map((template) => (
            <option key={template.id} value={template.id}>
              {t('deal.template', { name: dealTemplateName(template) })}
            </option>
          ))}
          {choice.kind === 'file' ? <option value={FILE_CHOICE}>{t('deal.file', { fileName: choice.fileName })}</option> : null}
        </select>
      </label>
      <label className="file-button secondary">
        {t('deal.openDealFile')}
        <input type="file" accept=".json,application/json" aria-label={t('deal.openDealFile2')} className="visually-hidden" onChange={(e) => void openDealFile(e)} />
      </label>
    </>
  );
}

const TAPE_MODES = [
  ['repline', 'deal.mode.repline'],
  ['loan', 'deal.mode.loan'],
] as const satisfies readonly (readonly [ProjectionMode, MessageKey])[];

/** The pool: the deal's own lines or a tape (which one, and how it is projected). */
export function PoolChoice(props: { used: RunChoice; hasPool: boolean; tapes: readonly TapeRecord[] | null; tapeId: number | null; tape: TapeRecord | null; mode: ProjectionMode }) {
  const t = useT();
  const { used } = props;
  return (
    <>
      <fieldset className="mode-choice pool-choice">
        <legend>{t('deal.pool')}</legend>
        <label>
          <input type="radio" name="deal-pool" checked={used.pool === 'own'} disabled={!props.hasPool} onChange={() => updateDealScreen({ pool: 'own' })} /> {t('deal.dealSOwnLines')}
        </label>
        <label>
          <input type="radio" name="deal-pool" checked={used.pool === 'tape'} disabled={!props.tape} onChange={() => updateDealScreen({ pool: 'tape' })} /> {t('deal.aTape')}
        </label>
      </fieldset>
      <TapePicker tapes={props.tapes} tapeId={props.tapeId} />
      <fieldset className="mode-choice" disabled={used.pool !== 'tape'}>
        <legend>{t('deal.tapeMode')}</legend>
        {TAPE_MODES.map(([mode, label]) => (
          <label key={mode}>
            <input type="radio" name="deal-mode" checked={props.mode === mode} onChange={() => updateDealScreen({ mode })} /> {t(label)}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** The scenario: the deal file's own assumptions, or a saved assumption set. */
export function ScenarioPicker({ used, hasAssumptions, valid, sets }: { used: RunChoice; hasAssumptions: boolean; valid: boolean; sets: readonly AssumptionSetRecord[] | null }) {
  const t = useT();
  const saved = sets ?? [];
  return (
    <label className="tape-picker">
      {t('deal.scenario')}
      <select
        aria-label={t('deal.scenario')}
        value={used.scenario ?? ''}
        onChange={(e) => {
          markAssumptionChanged();
          updateDealScreen({ scenario: e.target.value });
        }}
        disabled={!hasAssumptions && saved.length === 0}
      >
        {hasAssumptions ? <option value={OWN}>{t('deal.dealFileSAssumptions')}</option> : null}
        {!hasAssumptions && saved.length === 0 ? <option value="">{valid ? t('deal.noneSaveAnAssumption') : '—'}</option> : null}
        {saved.map((s) => (
          <option key={s.name} value={s.name}>
            {t('deal.savedSet', { name: s.name })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Run again by itself whenever the deal, pool or scenario changes. */
export function RunOnChangeChoice({ checked }: { checked: boolean }) {
  const t = useT();
  return (
    <label className="run-on-change">
      <input type="checkbox" checked={checked} onChange={(e) => updateDealScreen({ runOnChange: e.target.checked })} /> {t('deal.runOnEveryChange')}
    </label>
  );
}

/** The stress breakevens solve for, and the test each note is held to. */
export function BreakevenChoices({ by, interest }: { by: DealScreenState['breakevenBy']; interest: DealScreenState['breakevenInterest'] }) {
  return (
    <>
      <BreakevenBy by={by} />
      <BreakevenTest interest={interest} />
    </>
  );
}

/** The stress breakevens solve for. */
function BreakevenBy({ by }: { by: DealScreenState['breakevenBy'] }) {
  const t = useT();
  return (
    <label className="breakeven-by">
      <span className="sr-label">{t('deal.breakevenStress')}</span>
      <select aria-label={t('deal.breakevenStress')} value={by} onChange={(e) => updateDealScreen({ breakevenBy: e.target.value === 'cdr' ? 'cdr' : 'multiplier' })}>
        <option value="multiplier">{t('deal.byDefaultMultiplier')}</option>
        <option value="cdr">{t('deal.byConstantCdr')}</option>
      </select>
    </label>
  );
}

const BREAKEVEN_TESTS = {
  bySeniority: 'deal.breakevenTest.bySeniority',
  timely: 'deal.breakevenTest.timely',
  ultimate: 'deal.breakevenTest.ultimate',
} as const satisfies Record<DealScreenState['breakevenInterest'], MessageKey>;

/** What a note must receive to pass a breakeven stress: timely interest (no shortfall in any period) or ultimate payment. */
function BreakevenTest({ interest }: { interest: DealScreenState['breakevenInterest'] }) {
  const t = useT();
  return (
    <label className="breakeven-by">
      <span className="sr-label">{t('deal.breakevenTest')}</span>
      <select
        aria-label={t('deal.breakevenTest')}
        value={interest}
        onChange={(e) => updateDealScreen({ breakevenInterest: e.target.value === 'timely' || e.target.value === 'ultimate' ? e.target.value : 'bySeniority' })}
      >
        {Object.entries(BREAKEVEN_TESTS).map(([value, label]) => (
          <option key={value} value={value}>
            {t(label)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** What keeps a run from starting, or what the analyst could do next, under the run panel. */
export function RunNotes({ noTapes, valid, hasPool, tape, used }: { noTapes: boolean; valid: boolean; hasPool: boolean; tape: TapeRecord | null; used: RunChoice }) {
  const t = useT();
  return (
    <>
      {noTapes ? (
        <p className="muted small run-panel-note">
          <strong>{t('deal.emptyWorkspaceImportA')}</strong> {t('deal.in')} <a href={hrefFor('tapes')}>{t('deal.tapes')}</a> {t('deal.toRunADeal')}
        </p>
      ) : null}
      {valid && !hasPool && !tape ? <p className="error-text small run-panel-note">{t('deal.thisDealHasNo')}</p> : null}
      {valid && !used.scenarioReady ? (
        <p className="error-text small run-panel-note">
          {t('deal.thisDealHasNo2')} <a href={hrefFor('assumptions')}>{t('deal.assumptions')}</a>.
        </p>
      ) : null}
    </>
  );
}
