import { useId, useState } from 'react';
import { useEditor } from './context.tsx';
import { fieldsOf, getAt, jsonPath, labelOf, type DealDraft, type FieldPath, type Json } from './draft.ts';
import { CheckField, FieldIssues, IdsField, ItemButtons, NumberField, SelectField } from './fields.tsx';
import { idsOf, insertItem, listOf, moveItem, newStep, notesBySeniority, removeItem, STEP_KINDS, type StepKind } from './lists.ts';
import { DAY_COUNT_OPTIONS, PRINCIPAL_AMOUNT_OPTIONS, PRINCIPAL_RULE_OPTIONS, STEP_OPTIONS } from './options.ts';
import { RowsField } from './RowsField.tsx';
import { Section } from './Section.tsx';
import { reshapeWaterfall, waterfallNames, type WaterfallName } from './steps.ts';
import { useT, type MessageKey, type Translate } from '../../../app/i18n.tsx';

const TITLES: Readonly<Record<WaterfallName, MessageKey>> = { combined: 'deal.waterfall.combined', interest: 'deal.waterfall.interest', principal: 'deal.waterfall.principal' };
const STEP_LABELS: ReadonlyMap<string, MessageKey> = new Map(STEP_OPTIONS);

/** A step kind in the UI's language; an unknown kind as the file names it. */
function stepLabel(t: Translate, kind: string): string {
  const key = STEP_LABELS.get(kind);
  return key === undefined ? kind : t(key);
}

/** A fee step's "beyond the cap" choice matters only for a fee with a cap per payment date (or a step that already pays beyond it). */
function capped(draft: DealDraft, step: Json | undefined): boolean {
  const { fee, beyondCap } = fieldsOf(step);
  const capOf = listOf(draft, 'fees').find((f) => fieldsOf(f)['id'] === fee);
  return beyondCap !== undefined || fieldsOf(capOf)['capPerPaymentDate'] !== undefined;
}

/** The fields of one step (engine/deal/schema.ts `step`): what it pays and to whom. */
function StepFields({ at, kind }: { at: FieldPath; kind: string }) {
  const t = useT();
  const { draft } = useEditor();
  const notes = notesBySeniority(draft).map((n) => [n, n] as const);
  const fees = idsOf(listOf(draft, 'fees')).map((f) => [f, f] as const);
  const triggers = idsOf(listOf(draft, 'triggers')).map((id) => [id, id] as const);
  const step = getAt(draft, at);
  const rule = fieldsOf(step)['rule'];
  const amount = fieldsOf(getAt(draft, at))['amount'];
  switch (kind) {
    case 'fee':
      return (
        <>
          <SelectField label={t('deal.editor.fee')} path={[...at, 'fee']} options={fees} />
          {capped(draft, step) ? <CheckField label={t('deal.editor.beyondCap')} path={[...at, 'beyondCap']} byDefault={false} /> : null}
        </>
      );
    case 'interest':
      return <IdsField label={t('deal.editor.interestOf')} path={[...at, 'notes']} options={notes} />;
    case 'principal':
      return (
        <>
          <SelectField label={t('deal.editor.rule')} path={[...at, 'rule']} options={PRINCIPAL_RULE_OPTIONS} />
          <SelectField label={t('deal.editor.pays')} path={[...at, 'amount']} options={PRINCIPAL_AMOUNT_OPTIONS} byDefault={t('deal.editor.defaultPrincipalDue')} />
          <IdsField label={t('deal.editor.notes')} path={[...at, 'notes']} options={notes} optional hint={t('deal.editor.noneTickedAllNotes')} />
          {rule === 'proRataThenSequential' ? <IdsField label={t('deal.editor.sequentialAfterABreach')} path={[...at, 'triggers']} options={triggers} optional /> : null}
          {amount === 'targetOC' ? <NumberField label={t('deal.editor.ocTargetOfPool')} path={[...at, 'ocPercent']} kind="percent" /> : null}
          {amount === 'targetOC' ? <NumberField label={t('deal.editor.ocTargetPlusOfCutoff')} path={[...at, 'ocInitialPercent']} kind="percent" /> : null}
          {amount === 'targetOC' ? <NumberField label={t('deal.editor.ocFloorOfCutoff')} path={[...at, 'ocFloor']} kind="percent" /> : null}
          {amount === 'targetBalance' ? (
            <RowsField
              label={t('deal.editor.targetBalances')}
              path={[...at, 'targetBalances']}
              columns={[
                { key: 'date', label: t('deal.editor.paymentDate'), kind: 'date' },
                { key: 'balance', label: t('deal.editor.balanceAfter'), kind: 'money' },
              ]}
              newRow={(rows) => ({ ...fieldsOf(rows.at(-1) ?? { date: '', balance: 0 }) })}
            />
          ) : null}
        </>
      );
    case 'periodicReturn':
      return (
        <>
          <SelectField label={t('deal.editor.paidToNote')} path={[...at, 'note']} options={notes} />
          <NumberField label={t('deal.editor.returnRate')} path={[...at, 'rateAnnual']} kind="percent" hint={t('deal.editor.perAnnum')} />
          <SelectField label={t('deal.editor.dayCount')} path={[...at, 'dayCount']} options={DAY_COUNT_OPTIONS} byDefault={t('deal.editor.defaultAct365')} />
          <IdsField label={t('deal.editor.whileOutstanding')} path={[...at, 'whileOutstanding']} options={notes} />
        </>
      );
    case 'excessServicing':
      return <ExcessServicingFields at={at} notes={notes} />;
    case 'turbo':
      return <IdsField label={t('deal.editor.notes')} path={[...at, 'notes']} options={notes} optional hint={t('deal.editor.noneTickedAllNotes')} />;
    case 'residual':
      return <SelectField label={t('deal.editor.to')} path={[...at, 'to']} options={[...notes, ['seller', t('deal.editor.theSeller')]]} />;
    default:
      return null;
  }
}

/** 超额服务费: the subordinate note's hurdle tiers, each splitting the funds between the note and the servicer. */
function ExcessServicingFields({ at, notes }: { at: FieldPath; notes: readonly (readonly [string, string])[] }) {
  const t = useT();
  return (
    <>
      <SelectField label={t('deal.editor.hurdlesOfNote')} path={[...at, 'note']} options={notes} />
      <RowsField
        label={t('deal.editor.feeTiers')}
        path={[...at, 'tiers']}
        columns={[
          { key: 'hurdleRate', label: t('deal.editor.hurdleRate'), kind: 'percent' },
          { key: 'noteShare', label: t('deal.editor.noteShare'), kind: 'percent' },
        ]}
        newRow={(rows) => ({ ...fieldsOf(rows.at(-1) ?? { hurdleRate: 0, noteShare: 1 }) })}
      />
      <NumberField label={t('deal.editor.thereafterNoteShare')} path={[...at, 'thereafterNoteShare']} kind="percent" placeholder="0" hint={t('deal.editor.thereafterNoteShareHint')} />
    </>
  );
}

/** Principal funds covering the interest waterfall's shortfalls (本金账户补足): which fees and which notes' interest. */
function PrincipalCovers() {
  const t = useT();
  const { draft } = useEditor();
  const notes = notesBySeniority(draft).map((n) => [n, n] as const);
  const fees = idsOf(listOf(draft, 'fees')).map((f) => [f, f] as const);
  return (
    <div className="editor-fields">
      <IdsField label={t('deal.editor.principalCoversFees')} path={['waterfall', 'principalCovers', 'fees']} options={fees} optional hint={t('deal.editor.principalCoversHint')} />
      <IdsField label={t('deal.editor.principalCoversNotes')} path={['waterfall', 'principalCovers', 'notes']} options={notes} optional hint={t('deal.editor.principalCoversHint')} />
    </div>
  );
}

/** Adds a step of the chosen kind at the end of the waterfall (before its residual step, which must stay last). */
function AddStep({ name, steps, onAdd }: { name: WaterfallName; steps: readonly Json[]; onAdd: (next: readonly Json[]) => void }) {
  const t = useT();
  const { draft } = useEditor();
  const [kind, setKind] = useState<StepKind>('fee');
  const id = useId();
  const last = steps.length - 1;
  const beforeResidual = kind !== 'residual' && fieldsOf(steps[last])['kind'] === 'residual' ? last : steps.length;
  return (
    <div className="add-step">
      <label htmlFor={id}>{t('deal.editor.newStep')}</label>
      <select id={id} value={kind} onChange={(e) => setKind(e.target.value as StepKind)}>
        {STEP_KINDS.map((k) => (
          <option key={k} value={k}>
            {stepLabel(t, k)}
          </option>
        ))}
      </select>
      <button type="button" className="secondary small-button" onClick={() => onAdd(insertItem(steps, beforeResidual, newStep(kind, draft)))}>
        {t('deal.editor.addStepToThe', { toLowerCase: t(TITLES[name]).toLowerCase() })}
      </button>
    </div>
  );
}

function StepList({ name }: { name: WaterfallName }) {
  const t = useT();
  const { draft, set } = useEditor();
  const path: FieldPath = ['waterfall', name];
  const value = getAt(draft, path);
  const steps: readonly Json[] = Array.isArray(value) ? value : [];
  const setSteps = (next: readonly Json[]): void => set(path, next);
  return (
    <div className="step-list" data-testid={`waterfall-${name}`}>
      <h4>{t(TITLES[name])}</h4>
      <FieldIssues path={path} kind="list" />
      <ol>
        {steps.map((step, k) => {
          const kind = labelOf(fieldsOf(step)['kind'], '');
          const what = t('deal.waterfall.step', { waterfall: t(`deal.waterfall.short.${name}`), n: k + 1, kind: stepLabel(t, kind) });
          return (
            <li key={`${k}-${kind}`} className="step-row" data-kind={kind} data-item-path={jsonPath([...path, k])}>
              <span className="step-number">{k + 1}</span>
              <span className="step-kind" data-path={jsonPath([...path, k, 'kind'])}>
                {stepLabel(t, kind)}
              </span>
              <span className="step-fields">
                <StepFields at={[...path, k]} kind={kind} />
              </span>
              <ItemButtons what={what} index={k} count={steps.length} onMove={(by) => setSteps(moveItem(steps, k, by))} onRemove={() => setSteps(removeItem(steps, k))} />
              <FieldIssues path={[...path, k]} kind="text" />
            </li>
          );
        })}
      </ol>
      <AddStep name={name} steps={steps} onAdd={setSteps} />
    </div>
  );
}

/** The priority of payments: its steps in order, each movable with the keyboard (↑ ↓ buttons). */
export function WaterfallSection() {
  const t = useT();
  const { draft, set } = useEditor();
  const names = waterfallNames(draft);
  const combined = names[0] === 'combined';
  return (
    <Section
      title={t('deal.editor.priorityOfPayments')}
      testId="editor-waterfall"
      actions={
        <button type="button" className="secondary small-button" onClick={() => set(['waterfall'], reshapeWaterfall(draft['waterfall'], combined ? 'separate' : 'combined'))}>
          {combined ? t('deal.editor.splitIntoInterestAnd') : t('deal.editor.combineIntoOne')}
        </button>
      }
    >
      <div className={combined ? 'waterfalls' : 'waterfalls two'}>
        {names.map((name) => (
          <StepList key={name} name={name} />
        ))}
      </div>
      {combined ? null : <PrincipalCovers />}
    </Section>
  );
}
