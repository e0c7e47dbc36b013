import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { language } from '../../renderer/app/language.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';
import { translate } from '../../renderer/app/i18n.tsx';
import { reportLabels } from '../../service/report/labels.ts';

// The run's cumulative net loss (engine/project/cash-flows.ts `losses`, `cumulativeNetLoss`) books each
// default's loss severity when it defaults: defaults × (1 − recovery rate) (docs/deals.md, Trigger
// metrics). It is not defaults − recoveries, which lags the default by the recovery lag and is the
// cumulativeNetLossRate trigger's measure only. Every label of the figure says so, in both languages.
beforeAll(() => loadCatalogue('zh-CN'));
afterEach(() => language.set('en'));

const KEYS = ['compare.fig.cnl', 'overlay.netLoss'] as const;
const MC_NOTE = { deal: 'D', pool: 'P', paths: '1', seed: '1', distribution: 'x' };

describe('the cumulative net loss labels', () => {
  it('say defaults × (1 − recovery rate), booked at default, in English', () => {
    language.set('en');
    for (const key of KEYS) {
      expect(translate(key)).toContain('defaults × (1 − recovery rate), booked at default');
      expect(translate(key)).not.toContain('− recoveries');
    }
    expect(translate('mc.caption', MC_NOTE)).toContain('Pool: net loss (defaults × (1 − recovery rate), booked at default)');
    expect(translate('results.col.losses')).toBe('Losses at default');
  });

  it('say 违约 ×（1 − 回收率），计入违约当期, in Chinese', () => {
    language.set('zh-CN');
    for (const key of KEYS) {
      expect(translate(key)).toContain('违约 ×（1 − 回收率），计入违约当期');
      expect(translate(key)).not.toContain('违约 − 回收');
    }
    expect(translate('mc.caption', MC_NOTE)).toContain('资产池：净损失（违约 ×（1 − 回收率），计入违约当期）');
    expect(translate('results.col.losses')).toBe('违约时损失');
  });

  it('say in the Excel report’s cash-flow sheet that losses are booked at default', () => {
    expect(reportLabels('en')['col.cumNetLoss']).toBe('Cumulative net loss (at default)');
    expect(reportLabels('en')['col.losses']).toBe('Net losses (at default)');
    expect(reportLabels('zh-CN')['col.cumNetLoss']).toBe('累计净损失（计入违约当期）');
    expect(reportLabels('zh-CN')['col.losses']).toBe('净损失（计入违约当期）');
  });
});
