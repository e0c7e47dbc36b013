import { useEffect } from 'react';
import { useDealCheck, type DealCheckState } from '../source.ts';
import { useDebounced } from './debounce.ts';
import { dealEditor, loadDeal, useDealEditor } from './state.ts';

/** How long the typing must pause before the deal is checked again (deal.validate). */
const CHECK_AFTER_MS = 350;

export interface EditedDeal {
  /** The deal the screen shows and runs: the editor's, once the chosen one is loaded in it. */
  readonly deal: unknown;
  readonly inEditor: boolean;
  /** Edited since the last check was asked for: Run waits for the check of what is on screen. */
  readonly pending: boolean;
  readonly check: DealCheckState;
}

/**
 * The chosen deal (a template's or an opened file's JSON) in the structure editor, and the service's
 * check of what the editor holds. A newly chosen deal is loaded once; the edits stay while the
 * analyst looks at another screen.
 */
export function useEditedDeal(chosen: unknown, fileName: string): EditedDeal {
  useEffect(() => {
    if (chosen !== undefined && dealEditor.get().origin !== chosen) loadDeal(chosen, fileName);
  }, [chosen, fileName]);
  const editor = useDealEditor();
  const inEditor = chosen !== undefined && editor.origin === chosen;
  const deal: unknown = inEditor ? editor.history.present : chosen;
  const checked = useDebounced(deal, CHECK_AFTER_MS);
  const check = useDealCheck(checked);
  return { deal, inEditor, pending: checked !== deal, check };
}

/** The chosen deal as the structure editor holds it (its edits), or as chosen when the editor has another (or none) open: for screens that run the Deal screen's deal without editing it (Compare). */
export function useDealAsEdited(chosen: unknown): unknown {
  const editor = useDealEditor();
  return chosen !== undefined && editor.origin === chosen ? editor.history.present : chosen;
}
