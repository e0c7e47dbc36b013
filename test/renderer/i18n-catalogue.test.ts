import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseSource, rendererSources, scanRenderer, scanSource, userFacingProps } from '../../scripts/i18n-scan.ts';
import { children, walk } from '../../scripts/i18n-scan-ast.ts';
import { en } from '../../renderer/i18n/en.ts';
import { zhCN } from '../../renderer/i18n/zh-CN.ts';
import { interpolate, translate, translator } from '../../renderer/app/i18n.tsx';
import { chooseLanguage, language, languageOf } from '../../renderer/app/language.ts';
import { formatMoneyAxis, uiLocale } from '../../renderer/app/axis-format.ts';
import { formatMonths, formatSeconds } from '../../renderer/app/format.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { placeholdersOf } from '../../messages/plural.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

/**
 * What is wrong with a message's brackets: a pair of mixed widths ("（ closed by )"), or an ASCII
 * bracket left unpaired — a message split around an element opens or closes its bracket in the
 * other message, and a Chinese one writes it full-width.
 */
function bracketProblems(text: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const ch of text) {
    if (ch === '(' || ch === '（') open.push(ch);
    else if (ch === ')' || ch === '）') {
      const opener = open.pop();
      if (opener === undefined) {
        if (ch === ')') problems.push(') never opened');
      } else if ((opener === '（') !== (ch === '）')) problems.push(`${opener} closed by ${ch}`);
    }
  }
  return [...problems, ...open.filter((ch) => ch === '(').map((ch) => `${ch} left open`)];
}

/** The elements of a source whose own JSX text (the words between their catalogue calls and child elements) leaves an ASCII bracket unpaired. */
function unbalanced(file: string, source: string): string[] {
  const found: string[] = [];
  walk(parseSource(file, source), (node) => {
    if (node.type !== 'JSXElement' && node.type !== 'JSXFragment') return;
    const text = children(node, 'children')
      .filter((c) => c.type === 'JSXText')
      .map((c) => String(c['value']))
      .join('');
    const depth = (text.match(/[()]/g) ?? []).reduce((d, ch) => (d < 0 ? d : ch === '(' ? d + 1 : d - 1), 0);
    if (depth !== 0) found.push(`${file}:${source.slice(0, node.start).split('\n').length} ${text.replace(/\s+/g, ' ').trim()}`);
  });
  return found;
}

/** A message's parameters: its {name} placeholders and the counts its plurals say ({n, plural, …}). */
const placeholders = (text: string): string[] => placeholdersOf(text);

describe('every user-visible string of the renderer comes from the message catalogues', () => {
  it('finds no text outside the catalogues in renderer/ (JSX text, user-facing attributes and props, text properties, notifications, dialogs)', () => {
    const stray = scanRenderer(REPO_ROOT).map((s) => `${s.file} ${s.where} ${s.text}`);
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

  it('follows text into our own components: a prop a component shows (Card renders {value}) or passes on to one that does', () => {
    const source = `
      function Card({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
        return <div className="card" data-testid={testId}><b>{label}</b><span>{value}</span>{note ? <i>{note}</i> : null}</div>;
      }
      function Figure({ caption, kind }: { caption: string; kind: string }) {
        return <Card label={caption} value={kind === 'a' ? '1' : '2'} testId={kind} />;
      }
      function Panel(props: { empty: string; id: string }) {
        return <section id={props.id}>{props.empty}</section>;
      }
      export function Screen({ months }: { months: number }) {
        const t = useT();
        return (
          <>
            <Card label={t('app.workspace')} value={months > 0 ? \`\${months} months\` : 'unknown'} testId="card-months" />
            <Figure caption="Pool balance" kind="a" />
            <Panel empty="Nothing yet" id="panel-empty" />
          </>
        );
      }`;
    const found = scanSource('renderer/x.tsx', source).map((s) => `${s.where} ${s.text}`);
    // testId, kind and id are not shown: they pass, as do the catalogue calls.
    expect(found.sort()).toEqual(['value= months', 'value= unknown', 'caption= Pool balance', 'empty= Nothing yet'].sort());
  });

  it('knows a component’s shown props across files, as the renderer’s scan does (Card in one file, its text in another)', () => {
    const card = `export function Card({ label, value, testId }: { label: string; value: string; testId: string }) { return <div data-testid={testId}>{label}: {value}</div>; }`;
    // A helper module: its function's English is shown by the screen; its code constant is compared, not shown; a unit symbol passes.
    const helpers = `export const OWN = 'own';
      export function overdueWord(known: boolean): string { return known ? translate('app.workspace') : 'not reported'; }
      export function formatSeconds(x: number): string { return x < 1 ? \`\${x * 1000} ms\` : \`\${x} s\`; }`;
    const screen = `import { OWN, overdueWord, formatSeconds } from './helpers.ts';
      export function Pool({ known, pool, x }: { known: boolean; pool: string; x: number }) {
        const shown = pool === OWN ? t('app.areas') : pool;
        return <><Card label={t('app.workspace')} value="unknown" testId="card-overdue" /><p>{overdueWord(known)} {formatSeconds(x)} {shown}</p></>;
      }`;
    const root = mkdtempSync(join(tmpdir(), 'i18n-scan-'));
    mkdirSync(join(root, 'renderer', 'components'), { recursive: true });
    writeFileSync(join(root, 'renderer', 'components', 'Card.tsx'), card);
    writeFileSync(join(root, 'renderer', 'helpers.ts'), helpers);
    writeFileSync(join(root, 'renderer', 'Pool.tsx'), screen);
    expect(scanRenderer(root).map((s) => `${s.file}:${s.line} ${s.where} ${s.text}`)).toEqual([
      `${join('renderer', 'Pool.tsx')}:4 value= unknown`,
      `${join('renderer', 'helpers.ts')}:2 JSX expression (shown by ${join('renderer', 'Pool.tsx')}) not reported`,
    ]);
    expect(scanSource('renderer/Pool.tsx', screen)).toEqual([]); // alone, Pool's source does not say what Card shows
    rmSync(root, { recursive: true });
    // The renderer's own components, derived from their bodies.
    const real = userFacingProps(rendererSources(REPO_ROOT).map((f) => f.program));
    expect([...(real.get('Card') ?? [])].sort()).toEqual(['label', 'note', 'value']);
    expect(real.get('EmptyState')?.has('title')).toBe(true);
    expect(real.get('DataTable')?.has('caption')).toBe(true);
    expect(real.get('DateField')?.has('help')).toBe(true);
  });

  it('follows text through a const or a function of the file whose result is shown, a template literal and a chart label object', () => {
    const source = `
      const UNKNOWN = 'unknown';
      const CLI = 'abs run deal.json --tape 1';
      const pp = (x: number): string => \`\${(x * 100).toFixed(2)} pp\`;
      function status(ok: boolean): string {
        if (ok) return translate('status.ready');
        return 'not checked';
      }
      function tone(ok: boolean): string {
        return ok ? 'good' : 'bad';
      }
      function twice(label: string): string {
        return label;
      }
      const label = 'Label'; // declared here and as twice's parameter: which one {label} means is not decided
      export function Panel({ ok, x, n }: { ok: boolean; x: number; n: number }) {
        return (
          <div className={tone(ok)}>
            <p>{status(ok)} {pp(x)} {ok ? null : UNKNOWN}</p>
            <p>{\`\${n} \${n === 1 ? 'loan' : ''}\`}</p>
            <p>{twice(String(n))}</p>
            <code>{CLI}</code>
            <Field path="$.notes[0].size" />
            <ReferenceLine x={x} label={{ value: \`pool \${x}\`, position: 'top' }} />
          </div>
        );
      }
      function Field({ path }: { path: string }) {
        return <small>{path}</small>;
      }`;
    const found = scanSource('renderer/x.tsx', source).map((s) => `${s.where} ${s.text}`);
    // The class names (tone), the command in <code>, the JSON path and the label's position pass.
    expect(found.sort()).toEqual(['JSX expression not checked', 'JSX expression pp', 'JSX expression unknown', 'JSX expression loan', 'label={value} pool'].sort());
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

  it('zh-CN brackets pair up: full-width （…） or ASCII (…), never one closed by the other; a bracket a message leaves open or closes (a sentence split around an element) is full-width', () => {
    expect(bracketProblems('见 docs/deals.md（交易文件)')).toEqual(['（ closed by )']);
    expect(bracketProblems('（交易文件说明见')).toEqual([]);
    expect(bracketProblems('交易文件说明见 (')).toEqual(['( left open']);
    expect(bracketProblems('）。')).toEqual([]);
    const wrong = Object.entries(zhCN).flatMap(([key, text]) => bracketProblems(text).map((problem) => `${key}: ${problem}`));
    expect(wrong).toEqual([]);
  });

  it('a bracket a message opens before an element is closed by a message, not by a ")" written in the JSX (the Chinese bracket is full-width)', () => {
    expect(unbalanced('x.tsx', `<p>{t('deal.runADealA')} <code>{t('deal.docsDealsMd')}</code>).</p>`)).toEqual(['x.tsx:1 ).']);
    expect(unbalanced('x.tsx', `<span>({date})</span>`)).toEqual([]);
    expect(rendererSources(REPO_ROOT).flatMap(({ file, source }) => (file.endsWith('.tsx') ? unbalanced(file, source) : []))).toEqual([]);
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
    void chooseLanguage('zh-CN');
    expect(language.get()).toBe('zh-CN');
    expect(translate('nav.deal')).toBe('交易');
    expect(uiLocale()).toBe('zh');
    // 250,000,000 = 2.5 × 10^8 → 2.5亿; 12,345,678 = 1234.5678 × 10^4 → 1234.6万
    expect(formatMoneyAxis(250_000_000, uiLocale())).toBe('2.5亿');
    expect(formatMoneyAxis(12_345_678, uiLocale())).toBe('1234.6万');
    expect(formatMonths(12.34)).toBe('12.3 个月');
    // a compute time in the language's unit (walkthrough: "1.19 s" on the Chinese screen)
    expect(formatSeconds(1.19)).toBe('1.19 秒');
    expect(formatSeconds(0.25)).toBe('250 毫秒');
    void chooseLanguage('en');
    expect(uiLocale()).toBe('en');
    expect(formatMoneyAxis(250_000_000, uiLocale())).toBe('250M');
    expect(formatMonths(12.34)).toBe('12.3 mo');
    expect(formatSeconds(1.19)).toBe('1.19 s');
    expect(formatSeconds(0.25)).toBe('250 ms');
  });
});
