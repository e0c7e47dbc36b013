import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en.ts';
import { zhCN } from '../../renderer/i18n/zh-CN.ts';
import { sayCoded } from '../../renderer/app/coded.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import type { FileIssue } from '../../renderer/app/issues.ts';
import { FIELD_SPECS } from '../../data/tape/fields.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';
import { translate } from '../../renderer/app/i18n.tsx';
import { DENOMINATOR_LABELS } from '../../renderer/areas/compare/table.ts';
import { couponInTitle } from '../../renderer/areas/deal/coupon-label.ts';
import { couponInTitleIn, denominatorIn } from '../../messages/all.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

/**
 * Every message the service and the engine send by code (engine/messages.ts) has its English and
 * Chinese catalogue entries. The codes come from the source itself: every file under engine/,
 * data/ and service/ that calls messageTable() is imported and each exported table's codes
 * collected, so a new code — or a new table — without its translation fails here.
 */

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const TABLE_CALL = /\bmessageTable\(\s*'([\w.]+)'/g;

interface FoundTable {
  readonly file: string;
  readonly prefix: string;
  readonly codes: readonly string[];
}

async function tablesInSource(): Promise<{ declared: { file: string; prefix: string }[]; exported: FoundTable[] }> {
  const files = ['engine', 'data', 'service'].flatMap((dir) => sourceFiles(join(REPO_ROOT, dir))).filter((file) => !file.endsWith(join('engine', 'messages.ts')));
  const declared: { file: string; prefix: string }[] = [];
  const exported: FoundTable[] = [];
  for (const file of files) {
    const prefixes = [...readFileSync(file, 'utf8').matchAll(TABLE_CALL)].map((m) => m[1] ?? '');
    if (prefixes.length === 0) continue;
    const name = relative(REPO_ROOT, file);
    declared.push(...prefixes.map((prefix) => ({ file: name, prefix })));
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value === 'object' && value !== null && 'prefix' in value && 'codes' in value && 'say' in value) {
        const table = value as { prefix: string; codes: readonly string[] };
        exported.push({ file: name, prefix: table.prefix, codes: table.codes });
      }
    }
  }
  return { declared, exported };
}

describe('coded messages of the service and the engine', () => {
  it('every table in the source is exported (so this test sees it) and every code it can emit is in both catalogues', async () => {
    const { declared, exported } = await tablesInSource();
    // The tables this change brought; more may come, none may vanish unseen.
    expect(declared.map((d) => d.prefix)).toEqual(expect.arrayContaining(['deal', 'dealFile', 'file']));
    expect(declared.map((d) => `${d.file} ${d.prefix}`).sort()).toEqual(exported.map((t) => `${t.file} ${t.prefix}`).sort());
    const codes = exported.flatMap((t) => t.codes);
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.filter((code) => !(`msg.${code}` in en))).toEqual([]);
    expect(codes.filter((code) => !(`msg.${code}` in zhCN))).toEqual([]);
    // and no entry for a code nothing emits (a renamed code leaves no orphan behind)
    const known = new Set(codes.map((code) => `msg.${code}`));
    expect(Object.keys(en).filter((key) => key.startsWith('msg.') && !known.has(key))).toEqual([]);
  });
});

/** The service's real check of the consumer template with one change, the problem at `at`. */
function issueAt(change: (deal: Record<string, unknown>) => void, at: string): FileIssue {
  const deal = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')) as Record<string, unknown>;
  change(deal);
  try {
    readDealFile(deal);
  } catch (error) {
    const found = (error as { details: { issues: FileIssue[] } }).details.issues.find((issue) => issue.path === at);
    if (found) return found;
  }
  throw new Error(`no issue at ${at}`);
}

describe('the loan tape’s fields in the catalogues', () => {
  it('every field the importer maps (data/tape/fields.ts) has its label and help in both languages, and no other', () => {
    const keys = FIELD_SPECS.flatMap((spec) => [`tapeField.${spec.field}`, `tapeField.${spec.field}.help`]);
    expect(keys.filter((key) => !(key in en) || !(key in zhCN))).toEqual([]);
    expect(Object.keys(en).filter((key) => key.startsWith('tapeField.') && !keys.includes(key))).toEqual([]);
    // the English is the importer's own wording
    expect(FIELD_SPECS.filter((spec) => en[`tapeField.${spec.field}` as keyof typeof en] !== spec.label).map((spec) => spec.field)).toEqual([]);
  });
});

describe('sayCoded: a coded message in the chosen language', () => {
  afterEach(() => chooseLanguage('en'));

  it('says a deal rule from the real check in English and in Chinese, with its params', () => {
    const issue = issueAt((deal) => {
      const dates = deal['dates'] as Record<string, string>;
      dates['closing'] = '2020-01-01';
    }, '$.dates.closing');
    expect(issue.code).toBe('deal.closingBeforeCutoff');
    expect(issue.message).toBe('closing must be on or after the cutoff date');
    expect(sayCoded(issue)).toBe('Closing must be on or after the cutoff date.');
    void chooseLanguage('zh-CN');
    expect(sayCoded(issue)).toBe('起息日不得早于初始起算日。');

    const unknown = issueAt((deal) => {
      const waterfall = deal['waterfall'] as { principal: { notes?: string[] }[] };
      const step = waterfall.principal.find((s) => s.notes !== undefined);
      if (step?.notes) step.notes = [...step.notes, 'Z'];
    }, '$.waterfall.principal[0].notes[3]');
    expect(unknown).toMatchObject({ code: 'deal.unknownNote', params: { note: 'Z' } });
    expect(sayCoded(unknown)).toBe('未定义的证券“Z”。');
  });

  it('formats numbers per the app: an …Amount param as money, another number grouped', () => {
    void chooseLanguage('zh-CN');
    // 1234567.891 → ¥1,234,567.89 (2 decimals, half away from zero as Intl rounds); 12000 → 12,000
    expect(sayCoded({ code: 'deal.bandStart', params: { period: 12000 }, message: 'x' })).toBe('此处应为第 12,000 期：分段须从第 1 期开始，不得有间隔或重叠。');
  });

  it('falls back to the English message for a code the catalogues do not know, or none', () => {
    void chooseLanguage('zh-CN');
    expect(sayCoded({ code: 'deal.fromANewerService', params: {}, message: 'something new' })).toBe('something new');
    expect(sayCoded({ message: 'a stored run’s warning' })).toBe('a stored run’s warning');
  });
});

describe('the words the screens and the abs command share (messages/)', () => {
  afterEach(() => chooseLanguage('en'));

  it('a cumulative default rate’s denominator and the residual note’s coupon in a title read the same on a screen and from the command, in both languages', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      void chooseLanguage(language);
      for (const [name, key] of Object.entries(DENOMINATOR_LABELS)) expect(denominatorIn(language, name)).toBe(translate(key));
      expect(couponInTitleIn(language, 'none (residual)')).toBe(couponInTitle('none (residual)'));
      expect(couponInTitleIn(language, '2.80% fixed')).toBe(couponInTitle('2.80% fixed'));
    }
    expect(denominatorIn('zh-CN', 'initialPoolThenRevolvingEnd')).toBe('循环购买期内为初始起算日资产池，之后为循环购买期结束时的资产池（交易商协会）');
    expect(couponInTitleIn('zh-CN', 'none (residual)')).toBe('剩余收益');
    // A denominator this build does not know is said as sent.
    expect(denominatorIn('en', 'someNewDenominator')).toBe('someNewDenominator');
  });
});
