import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addBand, bandsOfLevel, levelOfBands, removeBand, setBandEnd, type Band } from '../../../renderer/areas/deal/editor/bands.ts';
import { draftOfFile, fileTextOf, getAt, jsonPath, setField, type DealDraft } from '../../../renderer/areas/deal/editor/draft.ts';
import { canRedo, canUndo, historyOf, record, redo, undo } from '../../../renderer/areas/deal/editor/history.ts';
import { freshId, insertItem, moveItem, newNote, newStep, notesBySeniority, removeItem } from '../../../renderer/areas/deal/editor/lists.ts';
import { amountOfShare, shareOfPool, textOfValue, valueOfText } from '../../../renderer/areas/deal/editor/numbers.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

const TEMPLATES = join(REPO_ROOT, 'templates', 'deals');
const templateText = (file: string): string => readFileSync(join(TEMPLATES, file), 'utf8');
const consumer = (): DealDraft => draftOfFile(JSON.parse(templateText('cn-consumer-revolving.json')));

/** Every number of a JSON value with its path: to put each rate of a template through its field. */
function numbersOf(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, k) => numbersOf(item, `${path}[${k}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => numbersOf(item, `${path}.${key}`));
  return [];
}

describe('deal editor: file ↔ form', () => {
  const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'));
  it('has the five shipped templates', () =>
    expect(files.sort()).toEqual(['cn-consumer-revolving.json', 'cn-credit-card-installment.json', 'pass-through.json', 'us-auto-oc-turbo.json', 'us-cmo-sequential.json']));

  it.each(files)('%s: file → form → file is the same file (every value, every key in its order), and the service reads it', (file) => {
    const text = templateText(file);
    const saved = fileTextOf(draftOfFile(JSON.parse(text)));
    // Compact JSON of both: equal values and equal key order (the template's line breaks are prettier's).
    expect(JSON.stringify(JSON.parse(saved))).toBe(JSON.stringify(JSON.parse(text)));
    expect(() => readDealFile(JSON.parse(saved))).not.toThrow();
  });

  it.each(files)('%s: every number shown in a percentage or money field and read back is the same number', (file) => {
    for (const [path, x] of numbersOf(JSON.parse(templateText(file)))) {
      expect(valueOfText(textOfValue(x, 'percent'), 'percent'), `${path} as %`).toBe(x);
      expect(valueOfText(textOfValue(x, 'money'), 'money'), `${path} as money`).toBe(x);
    }
  });
});

describe('deal editor: fields', () => {
  it('shows a decimal rate as a percentage and reads a percentage back as the decimal (0.028 ↔ 2.8; 7 % is 0.07, not 0.07000000000000001)', () => {
    expect(textOfValue(0.028, 'percent')).toBe('2.8');
    expect(textOfValue(0.07, 'percent')).toBe('7');
    expect(valueOfText('7', 'percent')).toBe(0.07);
    expect(valueOfText(' 4.5 % ', 'percent')).toBe(0.045);
    expect(valueOfText('320,000,000', 'money')).toBe(320_000_000);
    expect(textOfValue(320_000_000, 'money')).toBe('320,000,000');
  });

  it('keeps unreadable text as typed (for the check to name), and a blank field as absent', () => {
    expect(valueOfText('3,1x', 'percent')).toBe('3,1x');
    expect(valueOfText('  ', 'money')).toBeUndefined();
  });

  it('sets a value at a path without touching the original, and removes an optional field left blank', () => {
    const draft = consumer();
    const edited = setField(draft, ['notes', 0, 'coupon', 'rate'], 0.031);
    expect(getAt(edited, ['notes', 0, 'coupon', 'rate'])).toBe(0.031);
    expect(getAt(draft, ['notes', 0, 'coupon', 'rate'])).toBe(0.028);
    const cleared = setField(draft, ['cleanUpCall'], undefined);
    expect('cleanUpCall' in cleared).toBe(false);
    // The other keys keep their order, so a saved file diffs cleanly against the one opened.
    expect(Object.keys(cleared)).toEqual(Object.keys(draft).filter((k) => k !== 'cleanUpCall'));
    expect(jsonPath(['waterfall', 'principal', 1, 'to'])).toBe('$.waterfall.principal[1].to');
  });
});

describe('deal editor: % of pool ↔ amount', () => {
  it('gives the share of the pool a note is, and the amount at cents a share is (half-up)', () => {
    // Senior A of the consumer template: 320,000,000 of the 400,000,000 the notes were written for = 80 %.
    expect(shareOfPool(320_000_000, 400_000_000)).toBe(0.8);
    // 80 % of an 83,000,000.55 tape: 66,400,000.44 (0.8 × 83,000,000.55 = 66,400,000.44 exactly).
    expect(amountOfShare(0.8, 83_000_000.55)).toBe(66_400_000.44);
    // 9 % of 100,000.05 = 9,000.0045 → 9,000.00 (half-up at cents: the third decimal is 4).
    expect(amountOfShare(0.09, 100_000.05)).toBe(9000);
    // 11 % of 45.5 = 5.005 → 5.01 (half-up; binary 5.005 would round down without the cleaning).
    expect(amountOfShare(0.11, 45.5)).toBe(5.01);
    expect(shareOfPool(1, 0)).toBe(0);
  });
});

describe('deal editor: lists and the priority of payments', () => {
  it('moves a step up and down, and not past either end', () => {
    const steps = ['fee', 'interest A', 'principal', 'residual'];
    expect(moveItem(steps, 2, -1)).toEqual(['fee', 'principal', 'interest A', 'residual']);
    expect(moveItem(steps, 0, 1)).toEqual(['interest A', 'fee', 'principal', 'residual']);
    expect(moveItem(steps, 0, -1)).toBe(steps);
    expect(moveItem(steps, 3, 1)).toBe(steps);
    expect(removeItem(steps, 1)).toEqual(['fee', 'principal', 'residual']);
    expect(insertItem(steps, 3, 'turbo')).toEqual(['fee', 'interest A', 'principal', 'turbo', 'residual']);
  });

  it('reorders two principal-waterfall steps of the consumer template, and the service reads the result', () => {
    const draft = consumer();
    const principal = getAt(draft, ['waterfall', 'principal']) as readonly unknown[];
    const withTurbo = setField(draft, ['waterfall', 'principal'], insertItem(principal as never[], 1, { kind: 'turbo' } as never));
    const moved = setField(withTurbo, ['waterfall', 'principal'], moveItem(getAt(withTurbo, ['waterfall', 'principal']) as never[], 1, -1));
    expect(getAt(moved, ['waterfall', 'principal'])).toEqual([{ kind: 'turbo' }, { kind: 'principal', notes: ['A', 'B', 'Sub'], rule: 'sequential' }, { kind: 'residual', to: 'Sub' }]);
    expect(() => readDealFile(moved)).not.toThrow();
  });

  it('adds complete steps and notes: a fee step names the first fee, a residual the most junior note, a new note ranks last', () => {
    const draft = consumer();
    expect(newStep('fee', draft)).toEqual({ kind: 'fee', fee: 'tax' });
    expect(newStep('interest', draft)).toEqual({ kind: 'interest', notes: ['A'] });
    expect(newStep('residual', draft)).toEqual({ kind: 'residual', to: 'Sub' });
    expect(notesBySeniority(draft)).toEqual(['A', 'B', 'Sub']);
    expect(newNote(draft)).toMatchObject({ id: 'N1', seniority: 4 });
    expect(freshId('fee', ['fee1', 'fee2'])).toBe('fee3');
  });
});

describe('deal editor: thresholds by period', () => {
  const cdr: Band[] = [
    { fromPeriod: 1, toPeriod: 6, threshold: 0.02 },
    { fromPeriod: 7, toPeriod: 12, threshold: 0.05 },
    { fromPeriod: 13, threshold: 0.1 },
  ];
  it('turns one level into one band from period 1 and back', () => {
    expect(bandsOfLevel(0.03, 'threshold')).toEqual([{ fromPeriod: 1, threshold: 0.03 }]);
    expect(levelOfBands(cdr, 'threshold')).toBe(0.02);
  });
  it('adds a band after the last (which closes after 12 periods), removes one keeping them contiguous, moves a band end', () => {
    expect(addBand(cdr, 'threshold').slice(2)).toEqual([
      { fromPeriod: 13, toPeriod: 24, threshold: 0.1 },
      { fromPeriod: 25, threshold: 0.1 },
    ]);
    expect(removeBand(cdr, 1)).toEqual([
      { fromPeriod: 1, toPeriod: 6, threshold: 0.02 },
      { fromPeriod: 7, threshold: 0.1 },
    ]);
    expect(removeBand(cdr, 2)).toEqual([
      { fromPeriod: 1, toPeriod: 6, threshold: 0.02 },
      { fromPeriod: 7, threshold: 0.05 },
    ]);
    expect(setBandEnd(cdr, 0, 9)).toEqual([
      { fromPeriod: 1, toPeriod: 9, threshold: 0.02 },
      { fromPeriod: 10, toPeriod: 12, threshold: 0.05 },
      { fromPeriod: 13, threshold: 0.1 },
    ]);
  });
});

describe('deal editor: undo and redo', () => {
  it('undoes and redoes edits; the keystrokes of one field are one step; a new edit clears redo', () => {
    let h = historyOf('a');
    expect(canUndo(h)).toBe(false);
    h = record(h, 'a1', 'coupon');
    h = record(h, 'a12', 'coupon');
    h = record(h, 'b', 'threshold');
    expect(h.past).toEqual(['a', 'a12']);
    h = undo(h);
    expect(h.present).toBe('a12');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe('a12');
    expect(canRedo(h)).toBe(true);
    // After an undo, typing in the same field again is a new step, and redo is gone.
    h = record(h, 'a123', 'coupon');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('a12');
    // Moves (no key) never coalesce.
    h = record(record(h, 'm1'), 'm2');
    expect(undo(h).present).toBe('m1');
    expect(undo(h).present).not.toBe(h.present);
  });
  it('ignores an edit that changes nothing', () => {
    const h = historyOf('a');
    expect(record(h, 'a', 'x')).toBe(h);
  });
});
