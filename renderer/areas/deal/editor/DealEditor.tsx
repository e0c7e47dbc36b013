import { useCallback, useMemo, type KeyboardEvent } from 'react';
import type { FileIssue } from '../../../app/issues.ts';
import { EditorContext, type EditorContextValue } from './context.tsx';
import { DatesSection } from './DatesSection.tsx';
import { DefaultDefinitionSection } from './DefaultDefinitionSection.tsx';
import { jsonPath, setField, type FieldPath, type Json } from './draft.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { FeesSection } from './FeesSection.tsx';
import { issuesByPath } from './messages.ts';
import { NotesSection } from './NotesSection.tsx';
import { OptionsSection } from './OptionsSection.tsx';
import { PoolLinesSection } from './PoolLinesSection.tsx';
import { RateIndicesSection } from './RateIndicesSection.tsx';
import { ReserveSection } from './ReserveSection.tsx';
import { RevolvingSection } from './RevolvingSection.tsx';
import { dealEditor, editDeal, redoDeal, undoDeal, useDealEditor } from './state.ts';
import { TriggersSection } from './TriggersSection.tsx';
import { WaterfallSection } from './WaterfallSection.tsx';
import { YieldSupplementSection } from './YieldSupplementSection.tsx';
import { useT } from '../../../app/i18n.tsx';

/** Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes the editor's edits — its own history, not an input's, so a whole field's change is one step. */
function onUndoKeys(event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
  const key = event.key.toLowerCase();
  if (key === 'z' && !event.shiftKey) undoDeal();
  else if ((key === 'z' && event.shiftKey) || key === 'y') redoDeal();
  else return;
  event.preventDefault();
}

/**
 * The structure editor: every part of the deal file (docs/deals.md) as fields, each showing the
 * service's check (deal.validate) of its value in plain words. What it holds is what the Deal
 * screen checks and runs.
 */
export function DealEditor({ issues, pool }: { issues: readonly FileIssue[]; pool: EditorContextValue['pool'] }) {
  const t = useT();
  const { history } = useDealEditor();
  const draft = history.present;
  const set = useCallback((path: FieldPath, value: Json | undefined, coalesce = false) => {
    editDeal(setField(dealEditor.get().history.present, path, value), coalesce ? jsonPath(path) : null);
  }, []);
  const context = useMemo<EditorContextValue>(() => ({ draft, issues: issuesByPath(issues), set, pool }), [draft, issues, set, pool]);
  return (
    <EditorContext.Provider value={context}>
      <section className="deal-editor" aria-label={t('deal.editor.dealStructureEditor')} onKeyDown={onUndoKeys} data-testid="deal-editor">
        <EditorToolbar problems={issues.length} />
        <DatesSection />
        <NotesSection />
        <RateIndicesSection />
        <FeesSection />
        <ReserveSection />
        <TriggersSection />
        <DefaultDefinitionSection />
        <WaterfallSection />
        <RevolvingSection />
        <YieldSupplementSection />
        <PoolLinesSection />
        <OptionsSection />
      </section>
    </EditorContext.Provider>
  );
}
