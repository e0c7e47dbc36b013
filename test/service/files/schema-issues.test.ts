import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sayCodedIn } from '../../../messages/all.ts';
import { checkAssumptions } from '../../../service/files/assumption-file.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { closestField, typingDistance } from '../../../service/files/field-names.ts';
import type { FileIssue } from '../../../service/files/file-issues.ts';
import { readScenarioSet } from '../../../service/files/scenario-file.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

/**
 * A file's shape problems as the analyst reads them (service/files/schema-issues.ts): the shipped
 * templates with one or two edits, read by the service's real readers. The walkthrough that found
 * it: `notes[0].coupon` renamed `coupn` was reported as "$.notes[0].coupon: Invalid input: expected
 * object, received undefined (and 1 more problem)", never naming `coupn`.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a template edited as plain JSON

const template = (folder: string, name: string): Json => JSON.parse(readFileSync(join(REPO_ROOT, 'templates', folder, `${name}.json`), 'utf8')) as Json;

/** Reads the edited file and answers its error: the message and every problem listed. */
function problems(read: (input: unknown) => unknown, input: Json): { message: string; issues: FileIssue[] } {
  try {
    read(input);
  } catch (error) {
    const { message, details } = error as { message: string; details: { issues: FileIssue[] } };
    return { message, issues: details.issues };
  }
  throw new Error('the file was read without a problem');
}

const dealProblems = (edit: (deal: Json) => void): { message: string; issues: FileIssue[] } => {
  const deal = template('deals', 'us-auto-oc-turbo');
  edit(deal);
  return problems(readDealFile, deal);
};

const said = (issues: readonly FileIssue[]): string[] => issues.map((issue) => `${issue.path}: ${issue.message}`);

describe('a deal file’s shape problems', () => {
  it('names a misspelt key at its own path with the field it meant, and the field it leaves missing, both listed', () => {
    const { message, issues } = dealProblems((deal) => {
      deal.notes[0].coupn = deal.notes[0].coupon;
      delete deal.notes[0].coupon;
    });
    // The misspelling first (it is the cause), then the field it leaves missing; the error's own message names the first.
    expect(said(issues)).toEqual(['$.notes[0].coupn: not a field of a note — did you mean "coupon"?', '$.notes[0].coupon: missing: a note must have "coupon"']);
    expect(message).toBe('Deal $.notes[0].coupn: not a field of a note — did you mean "coupon"? (and 1 more problem)');
    expect(issues[0]).toMatchObject({ code: 'shape.unknownFieldMeant', params: { key: 'coupn', meant: 'coupon', object: { code: 'fileObject.note' } } });
    expect(issues[1]).toMatchObject({ code: 'shape.missingField', params: { key: 'coupon', object: { code: 'fileObject.note' } } });
  });

  it('says a missing required field plainly, not as zod’s "expected number, received undefined"', () => {
    const { issues } = dealProblems((deal) => delete deal.notes[1].originalBalance);
    expect(said(issues)).toEqual(['$.notes[1].originalBalance: missing: a note must have "originalBalance"']);
    const top = dealProblems((deal) => delete deal.dates);
    expect(said(top.issues)).toEqual(['$.dates: missing: a deal file must have "dates"']);
  });

  it('a date written wrong is one problem ("expected a date"), an impossible date another ("not a calendar date")', () => {
    expect(said(dealProblems((deal) => (deal.dates.closing = '2024-0115')).issues)).toEqual(['$.dates.closing: expected a date YYYY-MM-DD']);
    expect(said(dealProblems((deal) => (deal.dates.closing = '2024-02-30')).issues)).toEqual(['$.dates.closing: not a calendar date']);
  });

  it('lists two problems in two places at once, each at its path', () => {
    const { message, issues } = dealProblems((deal) => {
      deal.dates.closnig = deal.dates.closing; // a transposition: one edit from "closing"
      delete deal.dates.closing;
      deal.notes[2].originalBalance = -1;
    });
    expect(said(issues)).toEqual([
      '$.dates.closnig: not a field of the dates — did you mean "closing"?',
      '$.dates.closing: missing: the dates must have "closing"',
      '$.notes[2].originalBalance: Too small: expected number to be >=0',
    ]);
    expect(message).toMatch(/^Deal \$\.dates\.closnig: .* \(and 2 more problems\)$/);
  });

  it('reads a union’s fields from the option the file chose: a floating coupon’s, not a fixed one’s "rate"', () => {
    const { issues } = dealProblems((deal) => (deal.notes[0].coupon = { type: 'floating', index: [0.05], margin: 0.01, rat: 0.05 }));
    expect(said(issues)).toEqual(['$.notes[0].coupon.rat: not a field of a coupon (the fields not yet written: floor, cap)']);
    const step = dealProblems((deal) => (deal.waterfall.combined[2] = { kind: 'interest', note: ['A'] }));
    expect(said(step.issues)[0]).toBe('$.waterfall.combined[2].note: not a field of a waterfall step — did you mean "notes"?');
  });

  it('offers no field the object already has, and names the file at the top level', () => {
    const { issues } = dealProblems((deal) => {
      deal.revolvng = {}; // the template has no revolving period
      deal.notes[0].originalBalanc = 1; // the note has its originalBalance: the key is not a misspelling of it
    });
    expect(said(issues)).toContain('$.revolvng: not a field of a deal file — did you mean "revolving"?');
    const extra = issues.find((issue) => issue.path === '$.notes[0].originalBalanc');
    expect(extra?.message).toMatch(/^not a field of a note \(the fields not yet written: .*expectedMaturity/);
    expect(extra?.message).not.toContain('originalBalance');
    expect(issues).toHaveLength(2);
  });

  it('says the problems in Chinese by their codes, the object named in Chinese too', () => {
    const { issues } = dealProblems((deal) => {
      deal.notes[0].coupn = deal.notes[0].coupon;
      delete deal.notes[0].coupon;
    });
    expect(issues.map((issue) => sayCodedIn('zh-CN', issue))).toEqual(['“coupn”不是证券的字段：是否应为“coupon”？', '缺少“coupon”：证券必须有此字段。']);
    expect(issues.map((issue) => sayCodedIn('en', issue))).toEqual(['“coupn” is not a field of a note: did you mean “coupon”?', '“coupon” is missing: a note must have it.']);
  });
});

describe('the other files a user writes share the wording', () => {
  it('an assumption file: a misspelt pool field, with the field it meant', () => {
    const assumptions = template('assumptions', 'consumer-base');
    assumptions.pool.recoveryRte = assumptions.pool.recoveryRate;
    delete assumptions.pool.recoveryRate;
    expect(said(problems((input) => checkAssumptions(input), assumptions).issues)[0]).toBe('$.pool.recoveryRte: not a field of the pool — did you mean "recoveryRate"?');
  });

  it('a scenario set: a misspelt scenario field', () => {
    const set = template('scenarios', 'us-auto-oc-turbo');
    set.scenarios[1].recoveryRat = 0.4;
    expect(said(problems((input) => readScenarioSet(input), set).issues)).toEqual(['$.scenarios[1].recoveryRat: not a field of a scenario — did you mean "recoveryRate"?']);
  });
});

describe('the field a key meant', () => {
  it('counts a transposition as one edit (optimal string alignment), case aside', () => {
    expect(typingDistance('closnig', 'closing')).toBe(1);
    expect(typingDistance('coupn', 'coupon')).toBe(1);
    expect(typingDistance('', 'abc')).toBe(3);
    expect(closestField('Coupon', ['coupon', 'cap'])).toBe('coupon');
  });

  it('offers nothing beyond a third of the key’s length in edits', () => {
    expect(closestField('rat', ['cap', 'floor'])).toBeNull();
    expect(closestField('colour', ['coupon', 'dayCount'])).toBeNull();
    expect(closestField('originalBalnce', ['originalBalance', 'expectedMaturity'])).toBe('originalBalance');
  });
});

/** The consumer template's first problem after an edit of its pool's roll rates. */
const outflow = (edit: (rollRates: Json) => void): FileIssue => {
  const assumptions = template('assumptions', 'consumer-base');
  edit(assumptions.pool.rollRates);
  const [issue] = problems((input) => checkAssumptions(input), assumptions).issues;
  if (!issue) throw new Error('no problem listed');
  return issue;
};

describe('a roll-rate row whose moves add up to more than 100%', () => {
  /**
   * The walkthrough set 1–30 dpd's cure to 70% beside its 35% roll forward: the grid said "Not a
   * usable roll-rate model: A delinquency state's outflow probabilities add up to more t… (242
   * characters)", cut short and without the row. The message names the row and adds its moves up
   * as the grid shows them: 35% + 70% = 105%.
   */
  it('names the row and each move in percent, whole, in English and in Chinese', () => {
    const issue = outflow((rollRates) => {
      rollRates.cure.dpd1_30 = 0.7;
    });
    expect(issue.path).toBe('$.pool.rollRates');
    expect(sayCodedIn('en', issue)).toBe('1–30 dpd: roll forward 35% + cure 70% = 105%, more than 100%.');
    expect(sayCodedIn('zh-CN', issue)).toBe('逾期 1–30 天：向前迁徙 35% + 回正 70% = 105%，超过 100%。');
  });

  it('adds the roll back where the row has one, and the compact 91–180 row’s cure and roll back', () => {
    const rolledBack = outflow((rollRates) => {
      rollRates.rollBack = { dpd31_60: 0.3 };
    });
    // 55% + 20% + 30% = 105%.
    expect(sayCodedIn('en', rolledBack)).toBe('31–60 dpd: roll forward 55% + cure 20% + roll back 30% = 105%, more than 100%.');
    const compact = outflow((rollRates) => {
      rollRates.cure.dpd91_180 = 0.6;
      rollRates.rollBack = { dpd91_180: 0.5 };
    });
    expect(sayCodedIn('en', compact)).toBe('91–180 dpd: cure 60% + roll back 50% = 110%, more than 100%.');
  });
});

describe('the other roll-rate models the engine refuses', () => {
  /**
   * They went through "Not a usable roll-rate model: {reason}" with the engine's English reason,
   * cut at 80 characters in the message's parameters ("… (242 characters)") and English in the
   * Chinese UI. Each now has its words in both languages, whole, naming the states as the grid does.
   */
  it('a state the charge-off bucket never lets a loan reach', () => {
    const issue = outflow((rollRates) => {
      rollRates.chargeOffAt = 'dpd61_90';
    });
    expect(issue.path).toBe('$.pool.rollRates');
    expect(sayCodedIn('en', issue)).toBe('91–180 dpd is never reached when loans charge off from 61–90 dpd: remove cure.dpd91_180.');
    expect(sayCodedIn('zh-CN', issue)).toBe('贷款在逾期 61–90 天即核销，逾期 91–180 天永远不会出现：请删除 cure.dpd91_180。');
  });

  it('the compact 91–180 row beside a monthly one (a bucket the compact layout does not have)', () => {
    const issue = outflow((rollRates) => {
      rollRates.rollForward.dpd91_120 = 0.5;
    });
    expect(sayCodedIn('en', issue)).toBe('Give either the compact 91–180 dpd row or the monthly rows 91–120, 121–150 and 151–180 dpd, not both (dpd91_120 given).');
    expect(sayCodedIn('zh-CN', issue)).toBe('请只给出合并的逾期 91–180 天一行，或按月的逾期 91–120、121–150、151–180 天各行，不要同时给出（已给出 dpd91_120）。');
  });

  it('a charge-off inside 91–180 under the compact row', () => {
    const issue = outflow((rollRates) => {
      rollRates.chargeOffAt = 'dpd121_150';
    });
    expect(sayCodedIn('en', issue)).toBe('A charge-off from 121–150 dpd needs the monthly rows 91–120, 121–150 and 151–180 dpd, not the compact 91–180 dpd row.');
    expect(sayCodedIn('zh-CN', issue)).toBe('在逾期 121–150 天核销需要按月的逾期 91–120、121–150、151–180 天各行，而不是合并的逾期 91–180 天一行。');
  });
});
