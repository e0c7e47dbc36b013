/**
 * What the app ships is named in the chosen language while what is stored stays as it is
 * (walkthrough: in 中文 the sample tape, the deal templates and the scenario sets read in English).
 * Templates by their stable id (the file's name under templates/), the sample tape while it keeps
 * the name the service stored it under (test/service/tapes.test.ts holds that name).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTapeStoredName } from '../../messages/sample-tape.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';
import { isMessageKey } from '../../renderer/app/i18n.tsx';
import { chooseLanguage } from '../../renderer/app/language.ts';
import { dealTemplateName, scenarioSetTemplateName, tapeName } from '../../renderer/app/shipped-names.ts';
import { en } from '../../renderer/i18n/en.ts';
import { zhCN } from '../../renderer/i18n/zh-CN.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

beforeAll(() => loadCatalogue('zh-CN'));
afterAll(() => chooseLanguage('en'));

function shipped(folder: 'deals' | 'scenarios'): { id: string; name: string }[] {
  const dir = join(REPO_ROOT, 'templates', folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ id: file.replace(/\.json$/, ''), name: (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { name: string }).name }));
}

const SAMPLE = { name: 'Sample consumer-loan tape (2,000 loans, seed 7)', sourceFile: 'sample-consumer-loans-2000-seed7.csv' };

describe('shipped names in the chosen language', () => {
  it('has every shipped template and set in both catalogues, the English their file’s own name', () => {
    for (const [folder, prefix] of [
      ['deals', 'shipped.deal'],
      ['scenarios', 'shipped.scenarioSet'],
    ] as const) {
      for (const template of shipped(folder)) {
        const key = `${prefix}.${template.id}`;
        expect(isMessageKey(key), key).toBe(true);
        expect((en as Record<string, string>)[key], key).toBe(template.name);
        expect((zhCN as Record<string, string>)[key], key).toMatch(/[\u4e00-\u9fff]/);
        expect((zhCN as Record<string, string>)[key], key).not.toBe(template.name);
      }
    }
  });

  it('says the shipped names in Chinese, and in English as stored', async () => {
    await chooseLanguage('zh-CN');
    expect(dealTemplateName({ id: 'pass-through', name: 'Plain pass-through' })).toBe('简单过手型');
    expect(scenarioSetTemplateName({ id: 'pass-through', name: 'Pass-through: standard stresses' })).toBe('过手型：标准压力情景');
    expect(dealTemplateName({ id: 'a-newer-template', name: 'Newer' })).toBe('Newer');
    expect(tapeName(SAMPLE)).toBe('示例消费贷贷款明细（2,000 笔贷款，随机种子 7）');
    await chooseLanguage('en');
    expect(dealTemplateName({ id: 'pass-through', name: 'Plain pass-through' })).toBe('Plain pass-through');
    expect(tapeName(SAMPLE)).toBe(SAMPLE.name);
  });

  it('shows a sample the analyst renamed, and any other tape, as stored', async () => {
    expect(sampleTapeStoredName(2000, 7)).toBe(SAMPLE.name);
    await chooseLanguage('zh-CN');
    expect(tapeName({ ...SAMPLE, name: '我的样本' })).toBe('我的样本');
    expect(tapeName({ name: SAMPLE.name, sourceFile: 'loans.csv' })).toBe(SAMPLE.name);
    await chooseLanguage('en');
  });
});
