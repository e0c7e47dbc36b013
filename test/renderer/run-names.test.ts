import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TapeRecord } from '../../data/tape/types.ts';
import type { DealFile, GridRequest, MonteCarloRequest } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { readScenarioSet } from '../../service/files/scenario-file.ts';
import { dealRunName, gridRunName, monteCarloRunName, projectionName, scenarioSetRunName } from '../../service/run-store/inputs.ts';
import { sayCoded } from '../../renderer/app/coded.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import { scenarioTitle, type PackScenario } from '../../renderer/areas/reports/pack/pack-model.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

/**
 * The run store's generated names (service/run-store/run-names.ts): the English (the stored name the
 * CLI prints) exactly as before codes, and the same name said on a Chinese screen, piece by piece —
 * the deal's, tape's and scenario's names as the analyst typed them.
 */

const deal: DealFile = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'us-auto-oc-turbo.json'), 'utf8')));
const unnamed: DealFile = { ...deal, name: undefined };
const tape = { id: 3, name: '样本资产包' } as TapeRecord;

/** The name in English (as stored) and as the Chinese screen says it. */
function bothLanguages(name: { message: string }): [string, string] {
  void chooseLanguage('en');
  const english = sayCoded(name);
  void chooseLanguage('zh-CN');
  const chinese = sayCoded(name);
  void chooseLanguage('en');
  expect(english).toBe(name.message); // the English screen shows the stored name
  return [name.message, chinese];
}

describe('generated run names by code', () => {
  afterEach(() => chooseLanguage('en'));

  it('a deal run on a tape, loan level, with every override after the scenario', () => {
    const name = dealRunName('run', deal, tape, { deal, mode: 'loan', scenarioOverrides: { prepayment: '150 PSA', default: '2 CDR', defaultMultiplier: 1.5 } });
    expect(bothLanguages(name)).toEqual([
      `${deal.name} on 样本资产包 (loan level) — deal’s scenario, prepay 150 PSA, default 2 CDR, defaults × 1.5`,
      `${deal.name}（样本资产包，逐笔贷款）— 交易文件情景，早偿 150 PSA，违约 2 CDR，违约乘数 × 1.5`,
    ]);
    expect(name.code).toBe('runName.deal');
  });

  it('a run on the deal’s own pool with the assumptions given; an unnamed deal; a named scenario as typed', () => {
    expect(bothLanguages(dealRunName('run', unnamed, null, { deal, assumptions: {} as never }))).toEqual(['Deal on its own pool — scenario given', '交易（交易自带资产池）— 指定情景']);
    expect(bothLanguages(dealRunName('run', deal, tape, { deal, scenarioName: 'Downturn · Stress 2x' }))).toEqual([
      `${deal.name} on 样本资产包 (representative lines) — Downturn · Stress 2x`,
      `${deal.name}（样本资产包，代表性贷款组）— Downturn · Stress 2x`,
    ]);
  });

  it('breakevens by CDR and by default multiplier', () => {
    expect(bothLanguages(dealRunName('breakeven', unnamed, null, { deal, by: 'cdr' }))).toEqual([
      'Breakevens (CDR) of deal on its own pool — deal’s scenario',
      '交易的盈亏平衡 CDR（交易自带资产池）— 交易文件情景',
    ]);
    expect(bothLanguages(dealRunName('breakeven', deal, null, { deal })).at(1)).toBe(`${deal.name}的盈亏平衡违约乘数（交易自带资产池）— 交易文件情景`);
  });

  it('a scenario set, a grid (its axes in words) and a Monte Carlo around the deal run', () => {
    const set = readScenarioSet(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'scenarios', 'cn-consumer-revolving.json'), 'utf8')));
    expect(bothLanguages(scenarioSetRunName(set, deal, null, { deal }))).toEqual([
      `Scenario set ${set.name} — ${deal.name} on its own pool — deal’s scenario`,
      `情景集 ${set.name} — ${deal.name}（交易自带资产池）— 交易文件情景`,
    ]);
    const grid: GridRequest = { deal, rows: { parameter: 'defaultMult', values: [1, 2] }, columns: { parameter: 'recoveryRate', values: [0.2] } };
    expect(bothLanguages(gridRunName(grid, deal, tape))).toEqual([
      `Grid defaultMult × recoveryRate — ${deal.name} on 样本资产包 (representative lines) — deal’s scenario`,
      `敏感性网格 违约乘数 × 回收率 — ${deal.name}（样本资产包，代表性贷款组）— 交易文件情景`,
    ]);
    const mc: MonteCarloRequest = { deal, paths: 2000, seed: 12345, distribution: { kind: 'lognormal', cv: 0.5 } };
    expect(bothLanguages(monteCarloRunName(mc, unnamed, null))).toEqual([
      'Monte Carlo 2000 paths, lognormal:cv=0.5, seed 12345 — Deal on its own pool — deal’s scenario',
      '蒙特卡洛 2000 条路径，lognormal:cv=0.5，随机种子 12345 — 交易（交易自带资产池）— 交易文件情景',
    ]);
  });

  it('projections of a tape and of a pool file’s lines', () => {
    const assumptions = {} as never;
    expect(bothLanguages(projectionName({ source: { kind: 'tape', tapeId: 3 }, assumptions }, tape))).toEqual(['Projection of 样本资产包 (loan level)', '资产池预测：样本资产包（逐笔贷款）']);
    expect(bothLanguages(projectionName({ source: { kind: 'tape', tapeId: 3 }, assumptions, mode: 'repline', scenarioName: 'base' }, tape))).toEqual([
      'Projection of 样本资产包 (representative lines) — base',
      '资产池预测：样本资产包（代表性贷款组）— base',
    ]);
    expect(bothLanguages(projectionName({ source: { kind: 'lines', pool: { lines: [] } as never }, assumptions }, null))).toEqual([
      'Projection of pool file (lines)',
      '资产池预测：资产池文件（代表性贷款组）',
    ]);
  });
});

describe('a stored run’s name in the investor pack', () => {
  afterEach(() => chooseLanguage('en'));

  it('titles a scenario page by its generated name in the pack’s language, a typed name as typed', () => {
    const nameCoded = dealRunName('run', deal, null, { deal });
    const scenario = { name: nameCoded.message, nameCoded, runId: 4 } as PackScenario;
    expect(scenarioTitle(scenario)).toBe(`${deal.name} on its own pool — deal’s scenario (run #4)`);
    void chooseLanguage('zh-CN');
    expect(scenarioTitle(scenario)).toBe(`${deal.name}（交易自带资产池）— 交易文件情景（运行 #4）`);
    expect(scenarioTitle({ name: 'Base case', runId: 5 } as PackScenario)).toBe('Base case（运行 #5）');
  });
});
