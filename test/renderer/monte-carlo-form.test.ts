import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DealRunRequest } from '../../service/api/contract.ts';
import { REQUEST_SCHEMAS } from '../../service/api/schemas.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { monteCarloRequest, type MonteCarloForm } from '../../renderer/areas/deal/monte-carlo-form.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));
afterEach(() => chooseLanguage('en'));

/**
 * The Deal screen's Monte Carlo form: each bad input named in the chosen language (the walkthrough
 * found every one hard-coded in English), and the form's limits the service's own — a request the
 * form lets through passes deal.monteCarlo's schema, and one just past a limit is stopped by both.
 */

const template = readDealFile(JSON.parse(readFileSync(new URL('../../templates/deals/cn-consumer-revolving.json', import.meta.url), 'utf8')));
const deal: DealRunRequest = { deal: template };
const form: MonteCarloForm = { kind: 'lognormal', mean: '', cv: '0.5', pd: '0.04', rho: '0.1', paths: '1000', seed: '1', latest: null, shown: null };

const problem = (patch: Partial<MonteCarloForm>): string | null => {
  const asked = monteCarloRequest({ ...form, ...patch }, deal);
  return 'problem' in asked ? asked.problem : null;
};

const BAD: readonly (readonly [Partial<MonteCarloForm>, string, string])[] = [
  [{ paths: '0' }, 'Paths must be a whole number from 1 to 100,000', '路径数必须是 1 到 100,000 的整数'],
  [{ seed: '1.5' }, 'Seed must be a whole number from 0 to 4,294,967,295', '随机种子必须是 0 到 4,294,967,295 的整数'],
  [{ cv: '-1' }, 'The coefficient of variation must be a number from 0 to 100', '变异系数必须是 0 到 100 的数'],
  [
    { mean: '5' },
    'The mean lifetime default must be a decimal above 0 and at most 1 (0.04 for 4%), or empty for the scenario’s own',
    '全周期违约率均值必须是大于 0、不超过 1 的小数（0.04 即 4%），留空则取情景自身的全周期违约率',
  ],
  [{ kind: 'vasicek', pd: '1' }, 'PD must be a decimal above 0 and below 1 (0.04 for 4%)', '违约概率必须是大于 0、小于 1 的小数（0.04 即 4%）'],
  [{ kind: 'vasicek', rho: '1' }, 'The asset correlation ρ must be a decimal from 0 up to, not including, 1', '资产相关系数 ρ 必须是不小于 0、小于 1 的小数'],
];

describe('the Monte Carlo form', () => {
  it('names each bad input in English, and in Chinese when Chinese is chosen', async () => {
    for (const [patch, english] of BAD) expect(problem(patch)).toBe(english);
    await chooseLanguage('zh-CN');
    for (const [patch, , chinese] of BAD) expect(problem(patch)).toBe(chinese);
  });

  it('lets through what the service takes and stops what it refuses, at the same limits', () => {
    const schema = REQUEST_SCHEMAS['deal.monteCarlo'];
    for (const edge of [
      { paths: '100000', seed: '4294967295', cv: '100' },
      { paths: '1', seed: '0', cv: '0', mean: '1' },
    ]) {
      const asked = monteCarloRequest({ ...form, ...edge }, deal);
      expect('request' in asked && schema.safeParse(asked.request).success).toBe(true);
    }
    for (const [patch, limit] of [
      [{ paths: '100001' }, { paths: 100_001 }],
      [{ seed: '4294967296' }, { seed: 4_294_967_296 }],
      [{ cv: '100.5' }, { distribution: { kind: 'lognormal', cv: 100.5 } }],
    ] as const) {
      expect(problem(patch)).not.toBeNull();
      const asked = monteCarloRequest(form, deal);
      expect('request' in asked && schema.safeParse({ ...asked.request, ...limit }).success).toBe(false);
    }
  });
});
