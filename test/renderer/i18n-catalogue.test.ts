import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanRenderer, scanSource } from '../../scripts/i18n-scan.ts';
import { en } from '../../renderer/i18n/en.ts';
import { zhCN } from '../../renderer/i18n/zh-CN.ts';
import { interpolate, translate, translator } from '../../renderer/app/i18n.tsx';
import { chooseLanguage, language, languageOf } from '../../renderer/app/language.ts';
import { formatMoneyAxis, uiLocale } from '../../renderer/app/axis-format.ts';
import { formatMonths } from '../../renderer/app/format.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe('every user-visible string of the renderer comes from the message catalogues', () => {
  it('finds no text outside the catalogues in renderer/ (JSX text, user-facing attributes, text properties, notifications, dialogs)', () => {
    const stray = scanRenderer(REPO_ROOT).map((s) => `${s.file}:${s.line} ${s.where} ${s.text}`);
    expect(stray).toEqual([]);
  });

  it('flags each kind of stray string, and lets catalogue calls, symbols and form-field names pass', () => {
    const source = `
      export function Panel({ ok }: { ok: boolean }) {
        const t = useT();
        notify('info', 'Saved', t('app.workspace'));
        if (!window.confirm('Delete it?')) return null;
        return (
          <section aria-label="Liquidity" title={ok ? t('app.areas') : 'Not checked'}>
            <h3>Price / yield</h3>
            <Line name="Reserve balance" />
            <input name="mode" placeholder="e.g. 10 CPR" />
            <p>{t('status.ready')} · 12% × 3</p>
            {ok ? 'yes' : '—'}
          </section>
        );
      }
      const COLUMNS = [{ key: 'a', header: 'Original balance' }, { key: 'b', header: 'results.col.month' }];`;
    const found = scanSource('renderer/x.tsx', source).map((s) => `${s.where} ${s.text}`);
    expect(found.sort()).toEqual(
      [
        'notify() Saved',
        'confirm() Delete it?',
        'aria-label= Liquidity',
        'title= Not checked',
        'JSX text Price / yield',
        'name= Reserve balance',
        'placeholder= e.g. 10 CPR',
        'JSX expression yes',
        'header: Original balance',
      ].sort(),
    );
  });
});

describe('the catalogues', () => {
  it('zh-CN has exactly the keys of en, none empty, each with the same {placeholders}', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    const empty = Object.entries({ ...en }).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
    expect(Object.entries(zhCN).filter(([, text]) => text.trim() === '')).toEqual([]);
    const mismatched = Object.entries(en).filter(([key, text]) => placeholders(text).join() !== placeholders(zhCN[key as keyof typeof en]).join());
    expect(mismatched).toEqual([]);
  });

  it('every key the code names exists in en (t(), translate() and key literals)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'i18n' ? [] : files(join(dir, e.name))) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    const used = files(join(REPO_ROOT, 'renderer')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\b(?:t|translate)\(\s*'([^']+)'/g)].map((m) => m[1] ?? ''));
    expect(used.length).toBeGreaterThan(1000);
    expect(used.filter((key) => !(key in en))).toEqual([]);
  });

  it('the Chinese uses the structuring terms a Chinese analyst reads (hand-picked keys)', () => {
    expect(zhCN['nav.pool']).toBe('资产池');
    expect(zhCN['results.col.overdueTotal']).toBe('逾期总额');
    expect(zhCN['deal.triggers']).toBe('触发事件');
    expect(zhCN['deal.editor.revolvingPeriod']).toBe('循环购买期');
    expect(zhCN['deal.paymentDate']).toBe('兑付日');
  });
});

describe('t(): lookup and {name} interpolation', () => {
  afterEach(() => chooseLanguage('en'));

  it('fills parameters by name and leaves an unknown placeholder visible', () => {
    expect(interpolate('Working: {calls}', { calls: 'deal.run, pool.summary' })).toBe('Working: deal.run, pool.summary');
    expect(interpolate('Stored as run #{id} of {id}', { id: 7 })).toBe('Stored as run #7 of 7');
    expect(interpolate('{missing} left', {})).toBe('{missing} left');
    expect(translator('en')('status.working', { calls: 'deal.run' })).toBe('Working: deal.run');
    expect(translator('zh-CN')('status.working', { calls: 'deal.run' })).toBe('处理中：deal.run');
  });

  it('defaults from the browser language tag: any zh tag is Chinese, anything else English', () => {
    expect(languageOf('zh-CN')).toBe('zh-CN');
    expect(languageOf('zh-Hans-CN')).toBe('zh-CN');
    expect(languageOf('zh')).toBe('zh-CN');
    expect(languageOf('en-US')).toBe('en');
    expect(languageOf('de-DE')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });

  it('the chosen language drives translate(), the axis scale words and the month unit', () => {
    chooseLanguage('zh-CN');
    expect(language.get()).toBe('zh-CN');
    expect(translate('nav.deal')).toBe('交易');
    expect(uiLocale()).toBe('zh');
    // 250,000,000 = 2.5 × 10^8 → 2.5亿; 12,345,678 = 1234.5678 × 10^4 → 1234.6万
    expect(formatMoneyAxis(250_000_000, uiLocale())).toBe('2.5亿');
    expect(formatMoneyAxis(12_345_678, uiLocale())).toBe('1234.6万');
    expect(formatMonths(12.34)).toBe('12.3 个月');
    chooseLanguage('en');
    expect(uiLocale()).toBe('en');
    expect(formatMoneyAxis(250_000_000, uiLocale())).toBe('250M');
    expect(formatMonths(12.34)).toBe('12.3 mo');
  });
});
