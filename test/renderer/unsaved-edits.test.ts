/**
 * A reload or a closed window asks first while an editor with a Save button holds unsaved edits
 * (renderer/app/unsaved-edits.ts): the assumption set (saved or never saved), the scenario set and
 * the deal's structure, each from its real store. The browser's prompt in Chromium:
 * test/e2e/unsaved-reload.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assumptionDraft } from '../../renderer/app/assumptions.ts';
import { guardUnload, unsavedEdits } from '../../renderer/app/unsaved-edits.ts';
import { compareScreen, updateCompareScreen } from '../../renderer/areas/compare/state.ts';
import { dealEditor, editDeal, loadDeal } from '../../renderer/areas/deal/editor/state.ts';

/** Dispatches a page's beforeunload on `target`; true when the page asked to stay. */
function unloadAsks(target: EventTarget): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

afterEach(() => {
  assumptionDraft.set(null);
  updateCompareScreen({ source: null, form: null, savedName: null, dirty: false });
  loadDeal({}, 'deal.json');
});

describe('unsaved edits on unload', () => {
  it('lets the page go when no editor holds edits', () => {
    const page = new EventTarget();
    guardUnload(page);
    expect(unsavedEdits()).toEqual([]);
    expect(unloadAsks(page)).toBe(false);
  });

  it('asks for an edited assumption set, saved or never saved', () => {
    const page = new EventTarget();
    const stop = guardUnload(page);
    assumptionDraft.set({ savedName: 'base', name: 'base', file: { horizonMonths: 36 }, dirty: true });
    expect(unsavedEdits()).toEqual(['base']);
    expect(unloadAsks(page)).toBe(true);
    assumptionDraft.set({ savedName: null, name: 'my stress', file: {}, dirty: true });
    expect(unsavedEdits()).toEqual(['my stress']);
    assumptionDraft.set({ savedName: 'base', name: 'base', file: {}, dirty: false });
    expect(unloadAsks(page)).toBe(false);
    stop();
    assumptionDraft.set({ savedName: 'base', name: 'base', file: {}, dirty: true });
    expect(unloadAsks(page)).toBe(false);
  });

  it('asks for an edited scenario set and for the deal structure', () => {
    const page = new EventTarget();
    guardUnload(page);
    updateCompareScreen({ form: { name: 'stresses', description: '', base: 'base', rows: [] }, dirty: true });
    expect(unsavedEdits()).toEqual(['stresses']);
    expect(unloadAsks(page)).toBe(true);
    updateCompareScreen({ dirty: false });
    expect(compareScreen.get().dirty).toBe(false);
    loadDeal({ name: 'x' }, 'my-deal.json');
    editDeal({ ...dealEditor.get().history.present, name: 'y' });
    expect(unsavedEdits()).toEqual(['my-deal.json']);
    expect(unloadAsks(page)).toBe(true);
  });
});
