import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/i18n/zh-CN.ts';
import { messagesZhCN } from '../../messages/messages-zh-CN.ts';
import { shellZhCN } from '../../messages/shell-zh-CN.ts';
import { reportLabels } from '../../service/report/labels.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

/**
 * One Chinese term per concept everywhere: the screens and the investor pack (renderer/i18n), the
 * service's coded messages and run names (messages/), the desktop shell and the Excel workbook
 * (service/report/labels.ts). The walkthrough found the cutoff 基准日 on screen and 封包日 in the
 * workbook, the lifetime default 全周期违约率 and 存续期违约率, the default multiplier 违约乘数,
 * 违约曲线倍数 and 违约曲线乘数, the grid 敏感性网格, 敏感性矩阵 and 敏感性分析. The glossary is
 * docs/architecture.md's "Chinese terms" table, read here: each catalogue uses the chosen term for
 * its concept and none of the rejected ones.
 */

interface Term {
  readonly concept: string;
  readonly term: string;
  readonly not: readonly string[];
}

/** The rows of the "Chinese terms (one per concept)" table in docs/architecture.md. */
function glossary(): Term[] {
  const text = readFileSync(join(REPO_ROOT, 'docs', 'architecture.md'), 'utf8');
  const lines = text.slice(text.indexOf('### Chinese terms (one per concept)')).split('\n');
  const header = lines.findIndex((line) => line.startsWith('| Concept'));
  const end = lines.findIndex((line, k) => k > header && !line.startsWith('|'));
  const table = lines.slice(header + 2, end);
  return table.map((row) => {
    const [concept = '', term = '', not = ''] = row
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    return { concept, term, not: not.split(',').map((word) => word.trim()) };
  });
}

const CATALOGUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'screens and pack (renderer/i18n/zh-CN.ts)': zhCN,
  'coded messages and run names (messages/messages-zh-CN.ts)': messagesZhCN,
  'desktop shell (messages/shell-zh-CN.ts)': shellZhCN,
  'Excel workbook (service/report/labels.ts)': reportLabels('zh-CN'),
};

/** Whether any message of the catalogue says the term. */
function uses(catalogue: Readonly<Record<string, string>>, term: string): boolean {
  return Object.values(catalogue).some((text) => text.includes(term));
}

describe('Chinese terms', () => {
  it('the glossary names the concepts the walkthrough found said several ways', () => {
    const terms = glossary();
    expect(terms.map((t) => t.term)).toEqual(expect.arrayContaining(['初始起算日', '全周期违约率', '违约乘数', '敏感性网格']));
    expect(terms.find((t) => t.term === '初始起算日')?.not).toEqual(expect.arrayContaining(['基准日', '封包日']));
    for (const t of terms)
      expect(
        t.not.filter((word) => word !== ''),
        t.concept,
      ).not.toEqual([]);
  });

  it('no Chinese catalogue says a concept in a rejected word', () => {
    const found = glossary().flatMap((t) =>
      Object.entries(CATALOGUES).flatMap(([where, catalogue]) =>
        Object.entries(catalogue).flatMap(([key, text]) => t.not.filter((word) => text.includes(word)).map((word) => `${where} ${key}: ${word} (say ${t.term})`)),
      ),
    );
    expect(found).toEqual([]);
  });

  it('the screens and the workbook both use each term (one term, not a third)', () => {
    for (const t of glossary()) {
      expect(uses(zhCN, t.term), `screens: ${t.term}`).toBe(true);
      expect(uses(reportLabels('zh-CN'), t.term), `workbook: ${t.term}`).toBe(true);
    }
  });

  it('a grid’s run name and its key figure name the axes in Chinese words; the Monte Carlo mean’s placeholder says what empty means', () => {
    expect(messagesZhCN['msg.runName.axisDefaultMult']).toBe('违约乘数');
    expect(zhCN['grid.axis.defaultMult']).toBe('违约乘数（×）');
    expect(reportLabels('zh-CN')['grid.param.defaultMult']).toBe(messagesZhCN['msg.gridParameter.defaultMult']);
    expect(reportLabels('zh-CN')['grid.param.defaultMult']).toBe(zhCN['grid.param.defaultMult']);
    // The Monte Carlo mean's placeholder is a whole phrase (it read 情景的, “the scenario's”).
    expect(zhCN['deal.scenarioS']).toBe('取情景值');
  });
});
