import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DealEditor } from '../../../renderer/areas/deal/editor/DealEditor.tsx';
import { fileTextOf, getAt, setField, type DealDraft, type FieldPath, type Json } from '../../../renderer/areas/deal/editor/draft.ts';
import { listOfText, textOfList } from '../../../renderer/areas/deal/editor/NumberListField.tsx';
import { textOfValue, valueOfText } from '../../../renderer/areas/deal/editor/numbers.ts';
import { dealEditor, editDeal, loadDeal, undoDeal } from '../../../renderer/areas/deal/editor/state.ts';
import { renameRateIndex } from '../../../renderer/areas/deal/editor/rate-indices.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

const DIRS = ['templates/deals', 'test/fixtures/prospectus'];
const files = DIRS.flatMap((dir) =>
  readdirSync(join(REPO_ROOT, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f)),
);
const textOf = (file: string): string => readFileSync(join(REPO_ROOT, file), 'utf8');

/** Opens the file in the editor, shows it (every control of every section renders its value), and returns the file Save writes. */
function openShowSave(text: string): string {
  loadDeal(JSON.parse(text), 'deal.json');
  renderToStaticMarkup(createElement(DealEditor, { issues: [], pool: { balance: 1_000_000, label: 'pool' } }));
  return fileTextOf(dealEditor.get().history.present);
}

/** Every list of numbers in a JSON value with its path: the schedules a by-period field shows in one box. */
function numberListsOf(value: unknown, path: (string | number)[] = []): [FieldPath, number[]][] {
  if (Array.isArray(value)) {
    const numbers = value.filter((x): x is number => typeof x === 'number');
    if (value.length > 0 && numbers.length === value.length) return [[path, numbers]];
    return value.flatMap((item, k) => numberListsOf(item, [...path, k]));
  }
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => numberListsOf(item, [...path, key]));
  return [];
}

describe('deal editor: open → save gives back the file, for every template and prospectus deal', () => {
  it('reads both folders (5 templates, 10 prospectus deals)', () => expect(files.length).toBe(15));

  it.each(files)('%s: the saved JSON equals the original (every value, every key in its order), and the service reads it', (file) => {
    const text = textOf(file);
    const saved = openShowSave(text);
    expect(JSON.parse(saved)).toEqual(JSON.parse(text));
    expect(JSON.stringify(JSON.parse(saved))).toBe(JSON.stringify(JSON.parse(text)));
    expect(() => readDealFile(JSON.parse(saved))).not.toThrow();
  });

  it.each(files)('%s: every number and every by-period schedule survives its field’s text (percent and money)', (file) => {
    const deal = JSON.parse(textOf(file)) as Json;
    for (const [path, list] of numberListsOf(deal)) {
      // A schedule of amounts is typed "1,200; 900" (thousands separators inside, ";" between), rates "2.1, 2.3".
      expect(listOfText(textOfList(list, 'money'), 'money'), `${path.join('.')} as money`).toEqual(list);
      expect(listOfText(textOfList(list, 'percent'), 'percent'), `${path.join('.')} as %`).toEqual(list);
      for (const x of list) expect(valueOfText(textOfValue(x, 'money'), 'money')).toBe(x);
    }
  });
});

describe('deal editor: the new controls edit and undo like the others', () => {
  const hx5 = textOf('test/fixtures/prospectus/hx5-2017.json');
  const cases: [string, FieldPath, Json][] = [
    ['a fee’s cap per payment date', ['fees', 0, 'capPerPaymentDate'], 1_000_000],
    ['a note’s expected maturity', ['notes', 0, 'expectedMaturity'], '2019-05-26'],
    ['the default definition', ['defaultDefinition'], { daysPastDue: 90, restructured: true, curable: false }],
    ['the payout rounding', ['payoutRounding'], { faceUnit: 100 }],
    ['the collection months of the first period', ['dates', 'firstPeriodCollectionMonths'], 2],
  ];
  it.each(cases)('%s: set, then Undo restores the opened file exactly', (_, path, value) => {
    loadDeal(JSON.parse(hx5), 'hx5-2017.json');
    editDeal(setField(dealEditor.get().history.present, path, value), null);
    expect(getAt(dealEditor.get().history.present, path)).toEqual(value);
    undoDeal();
    expect(fileTextOf(dealEditor.get().history.present)).toBe(fileTextOf(JSON.parse(hx5) as { [key: string]: Json }));
  });
});

describe('deal editor: schedules typed in one box, policy-rate tables renamed', () => {
  it('reads a schedule of amounts with thousands separators, and keeps a part that is not a number as typed', () => {
    expect(listOfText('1,200.5; 900 ;0', 'money')).toEqual([1200.5, 900, 0]);
    expect(textOfList([1200.5, 900, 0], 'money')).toBe('1,200.5; 900; 0');
    expect(listOfText('1,200; lots', 'money')).toEqual([1200, 'lots']);
    expect(listOfText('4.35, 4.6', 'percent')).toEqual([0.0435, 0.046]);
  });

  it('renames a table in every indexed coupon that reads it, leaving the others, in one edit Undo takes back', () => {
    const deal: DealDraft = {
      notes: [
        { id: 'A', coupon: { type: 'indexed', index: 'PBOC-1Y', margin: 0.01 } },
        { id: 'B', coupon: { type: 'fixed', rate: 0.05 } },
        { id: 'C', coupon: { type: 'indexed', index: 'LPR-1Y', margin: 0.02 } },
      ],
      rateIndices: { 'PBOC-1Y': [{ effective: '2015-10-24', rate: 0.0435 }], 'LPR-1Y': [{ effective: '2019-08-20', rate: 0.0425 }] },
    };
    const renamed = renameRateIndex(deal, 'PBOC-1Y', 'PBOC');
    expect(Object.keys(renamed['rateIndices'] as object)).toEqual(['PBOC', 'LPR-1Y']);
    expect(getAt(renamed, ['notes', 0, 'coupon', 'index'])).toBe('PBOC');
    expect(getAt(renamed, ['notes', 1, 'coupon'])).toEqual({ type: 'fixed', rate: 0.05 });
    expect(getAt(renamed, ['notes', 2, 'coupon', 'index'])).toBe('LPR-1Y');
    loadDeal(deal, 'indexed.json');
    editDeal(renamed, '$');
    undoDeal();
    expect(dealEditor.get().history.present).toEqual(deal);
  });
});

describe('deal editor: clearing what was added gives back the file', () => {
  it('removes an optional object left empty by clearing its last field, up the path, and nothing else', () => {
    const deal: DealDraft = { dates: { cutoff: '2026-01-31' }, waterfall: { interest: [], principal: [] } };
    const covered = setField(deal, ['waterfall', 'principalCovers', 'fees'], ['servicing']);
    expect(setField(covered, ['waterfall', 'principalCovers', 'fees'], undefined)).toEqual(deal);
    const withBasis = setField(deal, ['analytics', 'walBasis'], '30/360');
    expect(setField(withBasis, ['analytics', 'walBasis'], undefined)).toEqual(deal);
    // A required object (the dates) keeps its other fields; a list item is never removed this way.
    expect(setField(deal, ['dates', 'cutoff'], undefined)).toEqual({ ...deal, dates: {} });
    const ysoc = { yieldSupplementOC: { atCutoff: 1, byPeriod: [1], afterNotesPaid: { notes: ['B'] } } };
    expect(setField({ ...deal, ...ysoc }, ['yieldSupplementOC', 'afterNotesPaid', 'notes'], undefined)).toEqual({ ...deal, yieldSupplementOC: { atCutoff: 1, byPeriod: [1] } });
  });
});
