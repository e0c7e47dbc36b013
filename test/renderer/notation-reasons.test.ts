import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readScenarioSet } from '../../service/files/scenario-file.ts';
import { Service } from '../../service/service.ts';
import { sayCoded } from '../../renderer/app/coded.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import type { FileIssue } from '../../renderer/app/issues.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

/**
 * The curve reader's reasons (engine/curves/notation-messages.ts) inside an assumption file's or a
 * scenario set's "cannot read this speed": the English exactly as the CLI prints it, and the same
 * reason said in Chinese piece by piece — the column counted from 1 (the token's 0-based offset + 1,
 * counted by hand below), the token quoted, the parser's context in words.
 */

const json = (...path: string[]): Record<string, unknown> => JSON.parse(readFileSync(join(REPO_ROOT, ...path), 'utf8')) as Record<string, unknown>;
let service: Service;

beforeEach(() => {
  service = new Service({ transport: 'test' });
});

afterEach(async () => {
  void chooseLanguage('en');
  await service.close();
});

/** The assumption file's problem at `$.pool.<field>` (through the API, as a screen gets it) in English as sent and said in Chinese. */
async function poolSpeed(field: 'prepayment' | 'default', text: string): Promise<[string, string]> {
  const file = json('templates', 'assumptions', 'consumer-base.json') as { pool: Record<string, unknown> };
  file.pool[field] = text;
  const checked = await service.call('assumptions.check', { assumptions: file });
  if (checked.ok) throw new Error(`${text} was accepted`);
  const issue = ((checked.error.details?.['issues'] ?? []) as FileIssue[]).find((i) => i.path === `$.pool.${field}`);
  if (!issue) throw new Error(`no problem at $.pool.${field}`);
  expect(issue.code).toBe('assumptions.unreadableSpeed');
  void chooseLanguage('zh-CN');
  const chinese = sayCoded(issue);
  void chooseLanguage('en');
  expect(sayCoded(issue)).toBe(`Cannot read this speed: ${issue.message}`); // the English screen: the catalogue's words around the reader's own
  return [issue.message, chinese];
}

describe('the curve reader’s reasons by code', () => {
  it('a speed above 100 (150 before an unknown model: the rate is read first)', async () => {
    // '150' at offset 0 → column 1
    expect(await poolSpeed('prepayment', '150 PSX')).toEqual([
      "Cannot read the vector notation at column 1 ('150'): a rate cannot exceed 100% (numbers are percentages: 150 means 150%)",
      '无法读取该速度：向量记法第 1 列（“150”）：速率不能超过 100%（数字即百分数：150 表示 150%）',
    ]);
  });

  it('an unknown word where the unit goes', async () => {
    // '1.5 PSX': 'PSX' at offset 4 → column 5
    expect(await poolSpeed('prepayment', '1.5 PSX')).toEqual([
      "Cannot read the vector notation at column 5 ('PSX'): 'PSX' is not a keyword (expected ramp, for, flat, by age, by period, PSA, SDA, ABS, CPR, CDR, SMM, MDR or x)",
      '无法读取该速度：向量记法第 5 列（“PSX”）：“PSX”不是关键词（应为 ramp、for、flat、by age、by period、PSA、SDA、ABS、CPR、CDR、SMM、MDR 或 x）',
    ]);
  });

  it('“for” after the unit, and a ramp with its months missing (the end of the input)', async () => {
    // '10 CPR for 0': 'for' at offset 7 → column 8
    expect(await poolSpeed('prepayment', '10 CPR for 0')).toEqual([
      // The unit goes after the steps: 'for' after it is said as such (it used to say 'for' must follow a rate, which it does).
      "Cannot read the vector notation at column 8 ('for'): 'for' comes after 'CPR': write all the steps first, then flat, the unit, 'by age' or 'by period', and the multiplier",
      '无法读取该速度：向量记法第 8 列（“for”）：“for”出现在“CPR”之后：请先写完所有分段，再写 flat、单位、by age 或 by period，最后写倍数',
    ]);
    // '2 ramp 6' is 8 characters: the end at offset 8 → column 9
    expect(await poolSpeed('prepayment', '2 ramp 6')).toEqual([
      "Cannot read the vector notation at column 9 (the end of the input): expected the number of months after 'ramp' but found the end of the input",
      '无法读取该速度：向量记法第 9 列（输入末尾）：“ramp”之后应为月数，实际为输入末尾',
    ]);
  });

  it('a default measure on the prepayment curve; two commas; a multiplier in percent', async () => {
    expect(await poolSpeed('prepayment', '3 CDR')).toEqual([
      "Cannot read the vector notation at column 3 ('CDR'): CDR is a default measure, but this is a prepayment vector",
      '无法读取该速度：向量记法第 3 列（“CDR”）：CDR 是违约指标，但这里是早偿向量',
    ]);
    // '4 for 12,, 2': the second comma at offset 9 → column 10
    expect(await poolSpeed('default', '4 for 12,, 2')).toEqual([
      "Cannot read the vector notation at column 10 (','): a comma separates two steps: write one comma between steps",
      '无法读取该速度：向量记法第 10 列（“,”）：逗号用于分隔两个分段：两个分段之间只写一个逗号',
    ]);
    // '2 ramp 6 12 x150%': '150%' at offset 13 → column 14
    expect(await poolSpeed('default', '2 ramp 6 12 x150%')).toEqual([
      "Cannot read the vector notation at column 14 ('150%'): '150%': '%' belongs on rates and speeds, not on a multiplier: write x1.5 for 150%",
      '无法读取该速度：向量记法第 14 列（“150%”）：“150%”：“%”只能用于速率和速度，不能用于倍数：150% 请写作 x1.5',
    ]);
  });

  it('a scenario set: a basis on a benchmark model, a step after the unit, an index path ending in a comma', () => {
    const set = json('templates', 'scenarios', 'cn-consumer-revolving.json') as { scenarios: Record<string, unknown>[] };
    const [, second, third] = set.scenarios;
    if (!second || !third) throw new Error('the shipped set has three scenarios');
    second['default'] = '150 SDA x2 by age'; // 'by' at offset 11 → column 12
    third['prepayment'] = '6 for 12 CPR, 4'; // ',' at offset 12 → column 13
    third['indexRates'] = { path: '2.2 for 6,' }; // ',' at offset 9 → column 10, nothing after it
    let issues: FileIssue[] = [];
    try {
      readScenarioSet(set);
    } catch (error) {
      issues = (error as { details: { issues: FileIssue[] } }).details.issues;
    }
    const said = (path: string): [string, string] => {
      const issue = issues.find((i) => i.path === path) ?? { message: `no problem at ${path}` };
      void chooseLanguage('zh-CN');
      const chinese = sayCoded(issue);
      void chooseLanguage('en');
      return [issue.message, chinese];
    };
    expect(said('$.scenarios[1].default')).toEqual([
      "Cannot read the vector notation at column 12 ('by'): 'by' does not apply to 150 SDA: benchmark models are read by loan age in their own units (only a multiplier such as x1.5 may follow)",
      '无法读取该速度：向量记法第 12 列（“by”）：“by”不适用于 150 SDA：基准模型按贷款账龄以其自身单位读取（其后只能跟倍数，如 x1.5）',
    ]);
    expect(said('$.scenarios[2].prepayment')).toEqual([
      "Cannot read the vector notation at column 13 (','): ',' comes after 'CPR': write all the steps first, then flat, the unit, 'by age' or 'by period', and the multiplier",
      '无法读取该速度：向量记法第 13 列（“,”）：“,”出现在“CPR”之后：请先写完所有分段，再写 flat、单位、by age 或 by period，最后写倍数',
    ]);
    expect(said('$.scenarios[2].indexRates.path')).toEqual([
      "Cannot read the vector notation at column 10 (','): a comma separates two steps: nothing follows it",
      '无法读取该基准利率路径：向量记法第 10 列（“,”）：逗号用于分隔两个分段：其后面没有分段',
    ]);
  });
});
