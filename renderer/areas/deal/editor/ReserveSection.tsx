import { useEditor } from './context.tsx';
import { IdsField, NumberField, SelectField } from './fields.tsx';
import { idsOf, listOf } from './lists.ts';
import { RESERVE_BASIS_OPTIONS } from './options.ts';
import { Section } from './Section.tsx';

/** A reserve as added: no deposit, a target of 1 % of the current note balance. */
const NEW_RESERVE = { initialDeposit: 0, target: { basis: 'currentNoteBalance', percent: 0.01 } };

/** The reserve (liquidity) account: deposit, target, and what it may pay. */
export function ReserveSection() {
  const { draft, set } = useEditor();
  const has = draft['reserve'] !== undefined;
  const notes = idsOf(listOf(draft, 'notes')).map((n) => [n, n] as const);
  const fees = idsOf(listOf(draft, 'fees')).map((f) => [f, f] as const);
  return (
    <Section
      title="Reserve account"
      testId="editor-reserve"
      actions={
        <button type="button" className="secondary small-button" onClick={() => set(['reserve'], has ? undefined : NEW_RESERVE)}>
          {has ? 'Remove reserve' : 'Add reserve'}
        </button>
      }
    >
      {has ? (
        <div className="editor-fields">
          <NumberField label="Initial deposit" path={['reserve', 'initialDeposit']} kind="money" hint="Funded at closing" />
          <SelectField label="Target basis" path={['reserve', 'target', 'basis']} options={RESERVE_BASIS_OPTIONS} />
          <NumberField label="Target" path={['reserve', 'target', 'percent']} kind="percent" hint="Of the basis, at most 100%" />
          <NumberField label="Target floor" path={['reserve', 'target', 'floor']} kind="money" placeholder="none" />
          <NumberField label="Target cap" path={['reserve', 'target', 'cap']} kind="money" placeholder="none" />
          <IdsField label="Target on the balance of" path={['reserve', 'target', 'notes']} options={notes} optional hint="None ticked: all notes" />
          <IdsField label="Covers fees" path={['reserve', 'covers', 'fees']} options={fees} optional hint="None ticked: every senior fee" />
          <IdsField label="Covers interest of" path={['reserve', 'covers', 'notes']} options={notes} optional hint="None ticked: the most senior class" />
        </div>
      ) : (
        <p className="muted small">No reserve account.</p>
      )}
    </Section>
  );
}
