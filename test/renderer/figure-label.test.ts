import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { language } from '../../renderer/app/language.ts';
import { couponInTitle, couponLabel } from '../../renderer/areas/deal/coupon-label.ts';
import { figureLabel } from '../../renderer/areas/runs/figure-label.ts';
import { figureText } from '../../renderer/areas/runs/labels.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';
import { translate } from '../../renderer/app/i18n.tsx';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

/** Labels as service/run-store/figures.ts writes them for a deal run, a breakeven, a projection, a set, a grid and a Monte Carlo run. */
const STORED = [
  'Senior A 优先A WAL (y, ACT/365)',
  'Senior A 优先A loss',
  'Cumulative default rate (÷ initialPoolThenRevolvingEnd)',
  'Pool balance (deal currency)',
  'B breakeven multiplier (timely)',
  'Sub breakeven CDR (ultimate, beyondRange)',
  'Cutoff balance (pool currency)',
  'Cumulative default rate (÷ cutoff balance)',
  'Cumulative net loss (pool currency)',
  'Loans',
  'Scenarios',
  'Class A worst loss',
  'Highest cumulative default rate (÷ initialPool)',
  'Cells (defaultMult × prepayMult)',
  'A expected loss (2000 paths)',
  'Pool mean net loss (÷ cutoff balance)',
];

describe('a stored run’s key-figure labels', () => {
  afterEach(() => language.set('en'));

  it('read as the run store wrote them in English, a deal’s ratio denominator in words', () => {
    language.set('en');
    const words: Readonly<Record<string, string>> = {
      'Cumulative default rate (÷ initialPoolThenRevolvingEnd)': 'Cumulative default rate (÷ the cutoff pool while revolving, then the pool when revolving ended (NAFMII))',
      'Highest cumulative default rate (÷ initialPool)': 'Highest cumulative default rate (÷ the cutoff pool)',
    };
    for (const label of STORED) expect(figureLabel(label)).toBe(words[label] ?? label);
  });

  it('read in Chinese with the note names, bases and grid parameters kept as stored', () => {
    language.set('zh-CN');
    expect(STORED.map(figureLabel)).toEqual([
      'Senior A 优先A 加权平均期限（年，ACT/365）',
      'Senior A 优先A 损失',
      '累计违约率（÷ 循环购买期内为初始起算日资产池，之后为循环购买期结束时的资产池（交易商协会））',
      '资产池余额（交易币种）',
      'B 盈亏平衡违约乘数（及时付息）',
      'Sub 盈亏平衡CDR（最终偿付，超出搜索范围）',
      '初始起算日余额（资产池币种）',
      '累计违约率（÷ 初始起算日余额）',
      '累计净损失（资产池币种）',
      '贷款笔数',
      '情景数',
      'Class A 最大损失',
      '最高累计违约率（÷ 初始起算日资产池）',
      '单元格（违约乘数 × 早偿乘数）',
      'A 预期损失（2000 条路径）',
      '资产池平均净损失（÷ 初始起算日余额）',
    ]);
  });

  it('shows a label of no known shape as stored', () => {
    language.set('zh-CN');
    expect(figureLabel('Some future figure')).toBe('Some future figure');
  });
});

/** A grid's title of the template's residual note (GridView), with its figure as x. */
const title = (coupon: string): string => translate('grid.noteTitle', { name: 'Subordinate 次级', coupon: couponInTitle(coupon), what: 'x' });

describe('a tranche row’s coupon as the service writes it', () => {
  afterEach(() => language.set('en'));

  it('reads the same in English and in Chinese words with its rate, index and margin kept', () => {
    const stored = ['2.80% fixed', 'index + 1.10% floating', 'LPR1Y − 0.20% floating', 'none (residual)', 'step-up'];
    language.set('en');
    expect(stored.map(couponLabel)).toEqual(stored);
    language.set('zh-CN');
    expect(stored.map(couponLabel)).toEqual(['固定 2.80%', '浮动：基准 + 1.10%', '浮动：LPR1Y − 0.20%', '无（剩余收益）', 'step-up']);
  });

  it('in a note’s title, after its name in brackets: the residual note reads "residual", no bracket inside the brackets', () => {
    language.set('en');
    expect(title('none (residual)')).toBe('Subordinate 次级 (residual) — x');
    expect(title('2.80% fixed')).toBe('Subordinate 次级 (2.80% fixed) — x');
    language.set('zh-CN');
    expect(title('none (residual)')).toBe('Subordinate 次级（剩余收益）— x');
    expect(title('index + 1.10% floating')).toBe('Subordinate 次级（浮动：基准 + 1.10%）— x');
  });

  it('shows a stored count grouped like every other number of the app, in either language (not the browser’s locale)', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      language.set(lang);
      expect(figureText({ label: 'Loans', value: 1_234_567, unit: 'count' })).toBe('1,234,567');
    }
    language.set('zh-CN');
    expect(figureText({ label: 'A WAL', value: 1.234, unit: 'years' })).toBe('1.23 年');
  });
});
