import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEAL_SCHEMA } from '../../engine/index.ts';
import { ASSUMPTION_RULES } from '../../service/files/assumption-messages.ts';
import { checkAssumptions } from '../../service/files/assumption-file.ts';
import { codedIssue, fileError, type FileIssue } from '../../service/files/file-issues.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { readPoolFile } from '../../service/files/pool-file.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

// Issue 17, defect 8: a key `__proto__` vanished silently (zod copied it into a new object,
// setting that object's prototype) while any other unknown name was refused; keys that reach an
// object's prototype (__proto__, constructor, prototype: OWASP Prototype Pollution Prevention
// Cheat Sheet) are refused at their JSON path. A whole number out of range says its range in
// words instead of zod's safe-integer bound ("expected int to be >=-9007199254740991").
const message = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('file keys that reach a prototype', () => {
  it('refuses a segment named __proto__ at its JSON path (it was silently ignored)', () => {
    const file = JSON.parse('{"months":12,"pool":{},"segments":{"__proto__":{"recoveryRate":0.5}}}');
    expect(message(() => checkAssumptions(file))).toBe('Assumptions $.segments.__proto__: "__proto__" is a reserved name and cannot be used as a key');
  });

  it('refuses constructor and prototype anywhere in the file', () => {
    expect(message(() => checkAssumptions({ months: 12, pool: {}, segments: { constructor: { recoveryRate: 0.5 } } }))).toBe(
      'Assumptions $.segments.constructor: "constructor" is a reserved name and cannot be used as a key',
    );
    expect(message(() => checkAssumptions({ months: 12, pool: {}, overrides: [{ match: { prototype: 1 } }] }))).toBe(
      'Assumptions $.overrides[0].match.prototype: "prototype" is a reserved name and cannot be used as a key',
    );
  });

  it('refuses __proto__ in a pool file too', () => {
    const file = JSON.parse('{"cutoffDate":"2026-01-31","lines":[{"__proto__":{}}]}');
    expect(message(() => readPoolFile(file))).toBe('Pool $.lines[0].__proto__: "__proto__" is a reserved name and cannot be used as a key');
  });
});

describe('whole numbers out of range', () => {
  it('answers months: -1e300 with the range in words, once', () => {
    expect(message(() => checkAssumptions({ months: -1e300, pool: {} }))).toBe('Assumptions $.months: months must be a whole number from 1 to 600');
  });

  it('takes a 600-month horizon (the longest original term) and refuses 601 and 12.5', () => {
    expect(checkAssumptions({ months: 600, pool: {} }).months).toBe(600);
    expect(message(() => checkAssumptions({ months: 601, pool: {} }))).toBe('Assumptions $.months: months must be a whole number from 1 to 600');
    expect(message(() => checkAssumptions({ months: 12.5, pool: {} }))).toBe('Assumptions $.months: months must be a whole number from 1 to 600');
  });

  it('says the same for the deal schema’s whole numbers', () => {
    const issues = DEAL_SCHEMA.shape.dates.safeParse({ paymentFrequencyMonths: -1e300 }).error?.issues.filter((issue) => issue.path[0] === 'paymentFrequencyMonths');
    expect(issues?.[0]?.message).toBe('paymentFrequencyMonths must be a whole number from 1 to 12');
  });
});

const passThrough = (): { waterfall: { combined: { notes?: string[] }[] } } => JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'pass-through.json'), 'utf8'));

describe('a file problem repeats a long name by its start and length (fuzz harness: a 1 MB note id made a 1 MB message)', () => {
  it('cuts a 1 MB unknown note id to its first 60 characters and its length', () => {
    const deal = passThrough();
    const step = deal.waterfall.combined[0];
    if (!step) throw new Error('the template has an interest step');
    step.notes = ['"'.repeat(1 << 20)];
    expect(message(() => readDealFile(deal))).toBe(`Deal $.waterfall.combined[0].notes[0]: unknown note '${'"'.repeat(60)}…' (1,048,576 characters)`);
  });

  it('keeps a name of up to 80 characters whole', () => {
    const deal = passThrough();
    const step = deal.waterfall.combined[0];
    if (!step) throw new Error('the template has an interest step');
    step.notes = ['N'.repeat(80)];
    expect(message(() => readDealFile(deal))).toContain(`unknown note '${'N'.repeat(80)}'`);
  });
});

/** The parameters a language's words are filled from (the Chinese UI says the problem from them, not from the English message). */
const paramsOf = (issue: FileIssue): unknown => (fileError('Assumptions', [issue]).details as { issues: FileIssue[] }).issues[0]?.params;

describe('a problem’s parameters are cut as its message is', () => {
  it('keeps a reason of 242 characters whole: it is not a name (it was cut to 60 and "(242 characters)")', () => {
    const reason = `${'r'.repeat(120)} ${'s'.repeat(121)}`;
    expect(paramsOf(codedIssue('$.pool.rollRates', ASSUMPTION_RULES.say('unreadableRollRates', { reason })))).toEqual({ reason });
  });

  it('still cuts a quoted name past 80 characters, and any text past 320', () => {
    const segment = 'S'.repeat(81);
    expect(paramsOf(codedIssue('$.segments', ASSUMPTION_RULES.say('noSuchSegment', { segment, segments: 'salaried' })))).toEqual({
      segment: `${'S'.repeat(60)}… (81 characters)`,
      segments: 'salaried',
    });
    expect(paramsOf(codedIssue('$.pool.rollRates', ASSUMPTION_RULES.say('unreadableRollRates', { reason: 'r'.repeat(1 << 20) })))).toEqual({
      reason: `${'r'.repeat(60)}… (1,048,576 characters)`,
    });
  });
});
