import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getAt, setField, type Json } from '../../../renderer/areas/deal/editor/draft.ts';
import { dealFileName } from '../../../renderer/areas/deal/editor/EditorToolbar.tsx';
import { sizingPool } from '../../../renderer/areas/deal/editor/sizing-pool.ts';
import { dealEditor, editDeal, loadDeal, redoDeal, revertDeal, undoDeal } from '../../../renderer/areas/deal/editor/state.ts';
import { reshapeWaterfall } from '../../../renderer/areas/deal/editor/steps.ts';
import type { TapeRecord } from '../../../service/api/contract.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

const consumer = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')) as unknown;
const rateA = (): unknown => getAt(dealEditor.get().history.present, ['notes', 0, 'coupon', 'rate']);

describe('deal editor state', () => {
  it('loads a deal, records edits (one step per field), undoes, redoes and reverts', () => {
    loadDeal(consumer, 'cn-consumer-revolving.json');
    expect(dealEditor.get().dirty).toBe(false);
    const path = ['notes', 0, 'coupon', 'rate'] as const;
    editDeal(setField(dealEditor.get().history.present, path, 0.04), '$.notes[0].coupon.rate');
    editDeal(setField(dealEditor.get().history.present, path, 0.041), '$.notes[0].coupon.rate');
    expect(rateA()).toBe(0.041);
    expect(dealEditor.get().dirty).toBe(true);
    undoDeal();
    expect(rateA()).toBe(0.028);
    redoDeal();
    expect(rateA()).toBe(0.041);
    revertDeal();
    expect(rateA()).toBe(0.028);
    expect(dealEditor.get().dirty).toBe(false);
    // Revert is itself a step: Undo brings the edits back.
    undoDeal();
    expect(rateA()).toBe(0.041);
  });
});

describe('deal editor: the pool a note’s % is of', () => {
  it('is the tape run on, else the deal’s own lines, else the notes’ total', () => {
    expect(sizingPool(consumer, { name: 'sample', currentBalance: 83_000_000 } as TapeRecord)).toEqual({ balance: 83_000_000, label: 'the tape “sample”' });
    // The consumer template's own pool lines sum to the 400,000,000 its notes were written for (320 + 36 + 44 million).
    expect(sizingPool(consumer, null)).toEqual({ balance: 400_000_000, label: 'the deal’s own pool' });
    expect(sizingPool({ notes: [{ originalBalance: 70 }, { originalBalance: 30.5 }] }, null)).toEqual({ balance: 100.5, label: 'the notes’ total' });
  });
});

describe('deal editor: combined ↔ separate waterfalls', () => {
  it('splits a combined priority of payments before its first principal step, and joins the two in order', () => {
    const steps: Json[] = [
      { kind: 'fee', fee: 'f' },
      { kind: 'interest', notes: ['A'] },
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ];
    const combined: Json = { combined: steps };
    const split = reshapeWaterfall(combined, 'separate');
    expect(split).toEqual({ interest: steps.slice(0, 2), principal: steps.slice(2) });
    expect(reshapeWaterfall(split, 'combined')).toEqual(combined);
  });
});

describe('deal editor: file names', () => {
  it('ends in .json and drops what a file system refuses', () => {
    expect(dealFileName('consumer edited')).toBe('consumer edited.json');
    expect(dealFileName('a/b:c.JSON')).toBe('a-b-c.json');
    expect(dealFileName('  ')).toBe('deal.json');
  });
});
