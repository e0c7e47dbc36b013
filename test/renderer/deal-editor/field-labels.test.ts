import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DealIssues } from '../../../renderer/areas/deal/DealSummary.tsx';
import { DealEditor } from '../../../renderer/areas/deal/editor/DealEditor.tsx';
import { draftOfFile, setField, type DealDraft, type FieldPath, type Json } from '../../../renderer/areas/deal/editor/draft.ts';
import { keysOfPath, placeOf, saidAt, whereText } from '../../../renderer/areas/deal/editor/field-labels.ts';
import { kindOfPath, plainMessage } from '../../../renderer/areas/deal/editor/messages.ts';
import { dealEditor, loadDeal } from '../../../renderer/areas/deal/editor/state.ts';
import { loadCatalogue } from '../../../renderer/app/catalogues.ts';
import { I18nProvider, translator } from '../../../renderer/app/i18n.tsx';
import type { FileIssue } from '../../../renderer/app/issues.ts';
import { chooseLanguage } from '../../../renderer/app/language.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { EVERY_FIELD_DEAL } from './every-field-deal.ts';

/**
 * The structure editor names a problem by the label of its field on the form, not by its JSON path
 * (field-labels.ts). Held here against the editor itself: each deal is rendered in English and in
 * Chinese, and every control that carries a JSON path (data-path) must be named by the table exactly
 * as its own label reads on screen — so a field added to the editor without a label in the table
 * fails, as does a label changed in a section and not in the table.
 */

beforeAll(() => loadCatalogue('zh-CN'));
afterEach(() => chooseLanguage('en'));

type Language = 'en' | 'zh-CN';
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

const readJson = (dir: string, file: string): Json => JSON.parse(readFileSync(join(REPO_ROOT, dir, file), 'utf8')) as Json;
const dealFiles = (dir: string): Json[] =>
  readdirSync(join(REPO_ROOT, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => readJson(dir, f));

/** EVERY_FIELD_DEAL with a trigger's warning by period too (its bands' inputs), and a second fixing (a table's second row). */
function everyFieldWithBands(): DealDraft {
  let deal = draftOfFile(EVERY_FIELD_DEAL);
  deal = setField(
    deal,
    ['triggers', 0, 'warning'],
    [
      { fromPeriod: 1, toPeriod: 12, threshold: 0.01 },
      { fromPeriod: 13, threshold: 0.03 },
    ],
  );
  return setField(deal, ['rateIndices', 'PBOC-1Y', 1], { effective: '2019-08-20', rate: 0.0415 });
}

/** The editor showing the deal, as markup, in the language; and the draft it shows. */
async function rendered(deal: unknown, language: Language): Promise<{ html: string; draft: DealDraft }> {
  await chooseLanguage(language);
  loadDeal(deal, 'deal.json');
  const editor = createElement(DealEditor, { issues: [], pool: { balance: 1_000_000, label: 'pool' } });
  return { html: renderToStaticMarkup(createElement(I18nProvider, null, editor)), draft: dealEditor.get().history.present };
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" };
/** Markup's text: tags dropped, React's entities read back. */
const textOf = (markup: string): string => markup.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#x27);/g, (e) => ENTITIES[e] ?? e);

/** A control of the rendered editor: the JSON path it edits and the words that label it on screen. */
interface Control {
  readonly path: string;
  readonly label: string;
  /** A step's kind: named by its row, not by a label. */
  readonly stepKind: boolean;
}

/**
 * Every element carrying a data-path, with its label: an input's or select's <label for>, a fieldset's
 * <legend>, a check box's enclosing <label>, a step row's kind. React escapes ">" in attribute values,
 * so a tag ends at the first ">".
 */
function controlsOf(html: string): Control[] {
  const labelFor = new Map([...html.matchAll(/<label for="([^"]+)">(.*?)<\/label>/g)].map((m) => [m[1] ?? '', textOf(m[2] ?? '')]));
  const found: Control[] = [];
  for (const tag of html.matchAll(/<(\w+)\s([^>]*\bdata-path="[^>]*)>/g)) {
    const attributes = new Map([...(tag[2] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', textOf(m[2] ?? '')]));
    const after = html.slice((tag.index ?? 0) + tag[0].length);
    const name = tag[1];
    let label: string | undefined;
    if (name === 'fieldset') label = /^<legend>(.*?)<\/legend>/.exec(after)?.[1];
    else if (attributes.get('type') === 'checkbox') label = /^(.*?)<\/label>/.exec(after)?.[1];
    else if (name === 'span') label = /^(.*?)<\/span>/.exec(after)?.[1];
    else label = labelFor.get(attributes.get('id') ?? '');
    found.push({ path: attributes.get('data-path') ?? '', label: textOf(label ?? '').trim(), stepKind: name === 'span' });
  }
  return found;
}

/** Each control the table names otherwise than its own label does, as "path: shown ≠ named". */
function misnamed(controls: readonly Control[], draft: DealDraft, language: Language): string[] {
  const t = translator(language);
  return controls.flatMap((control) => {
    const place = placeOf(control.path, draft, t);
    const named = place.field.at(-1);
    const ok = control.stepKind
      ? place.field.length === 0 && place.owner.includes(control.label)
      : named !== undefined && control.label !== '' && (control.label === named || control.label === `${named} (%)`) && place.section !== null;
    return ok ? [] : [`${language} ${control.path}: shown “${control.label}” ≠ named “${whereText(place, t)}”`];
  });
}

describe('deal editor: every field is named by its label on the form, in English and in Chinese', () => {
  const deals: Json[] = [everyFieldWithBands(), ...dealFiles('templates/deals'), ...dealFiles('test/fixtures/prospectus')];

  it('names every control of every deal as its label reads (templates, prospectus deals, a deal with every field)', async () => {
    const problems: string[] = [];
    let count = 0;
    const shown = new Set<string>();
    for (const language of LANGUAGES) {
      for (const deal of deals) {
        const { html, draft } = await rendered(deal, language);
        // The editor is shown in the language the table is read in (the closing date's label).
        expect(html).toContain(language === 'en' ? '>Closing date</label>' : '>起息日</label>');
        const controls = controlsOf(html);
        count += controls.length;
        for (const control of controls) shown.add(control.path.replace(/\[\d+\]/g, '[]'));
        problems.push(...misnamed(controls, draft, language));
      }
    }
    expect(problems).toEqual([]);
    // A sanity check of the reading: controls of every kind were found (labels, legends, check boxes, step rows, table cells, bands).
    expect(count).toBeGreaterThan(2000);
    for (const path of [
      '$.dates.closing',
      '$.notes[].coupon.rate',
      '$.fees[].senior',
      '$.triggers[].warning[].threshold',
      '$.rateIndices.PBOC-1Y[].effective',
      '$.waterfall.interest[].kind',
      '$.pool.lines[].restructuredShare',
    ]) {
      expect(shown, path).toContain(path);
    }
  });

  it('fails a control the table has no label for, and a label the table says otherwise', async () => {
    const { draft } = await rendered(EVERY_FIELD_DEAL, 'en');
    const added = '<label for="x">Servicer advance rate</label><input id="x" data-path="$.notes[0].servicerAdvanceRate"/>';
    const renamed = '<label for="y">Coupon (fixed)</label><input id="y" data-path="$.notes[0].coupon.rate"/>';
    expect(misnamed(controlsOf(added + renamed), draft, 'en')).toEqual([
      'en $.notes[0].servicerAdvanceRate: shown “Servicer advance rate” ≠ named “note Class A”',
      'en $.notes[0].coupon.rate: shown “Coupon (fixed)” ≠ named “note Class A — Coupon rate”',
    ]);
  });
});

/** A template with some changes, and the service's real check of it: its problems. */
function checked(template: string, changes: readonly [FieldPath, Json | undefined][]): { deal: DealDraft; issues: FileIssue[] } {
  let deal = draftOfFile(readJson('templates/deals', template));
  for (const [path, value] of changes) deal = setField(deal, path, value);
  try {
    readDealFile(deal);
  } catch (error) {
    return { deal, issues: (error as { details: { issues: FileIssue[] } }).details.issues };
  }
  throw new Error('the deal was read');
}

/** The problems, each said as the list above the editor says it. */
function listed(template: string, changes: readonly [FieldPath, Json | undefined][], language: Language): string[] {
  const { deal, issues } = checked(template, changes);
  const t = translator(language);
  return issues.map((issue) => saidAt(whereText(placeOf(issue.path, deal, t), t), plainMessage(issue, kindOfPath(issue.path)), t));
}

describe('deal editor: a problem said where it is on the form', () => {
  it('a note’s field, by the note’s own name: English and Chinese', async () => {
    expect(listed('us-auto-oc-turbo.json', [[['notes', 1, 'coupon', 'rate'], 1.5]], 'en')).toEqual(['Note Class B — Coupon rate: Enter a percentage between 0% and 100%.']);
    await chooseLanguage('zh-CN');
    const renamed: [FieldPath, Json][] = [
      [['notes', 1, 'name'], '优先B档'],
      [['notes', 1, 'coupon', 'rate'], 1.5],
    ];
    expect(listed('us-auto-oc-turbo.json', renamed, 'zh-CN')).toEqual(['证券 优先B档——票面利率：请输入 0% 到 100% 之间的百分比。']);
    // No name: the note's id.
    await chooseLanguage('en');
    expect(
      listed(
        'us-auto-oc-turbo.json',
        [
          [['notes', 1, 'name'], undefined],
          [['notes', 1, 'coupon', 'rate'], 1.5],
        ],
        'en',
      ),
    ).toEqual(['Note B — Coupon rate: Enter a percentage between 0% and 100%.']);
  });

  it('a date rule, a fee, a trigger’s band, a waterfall step, a policy-rate table’s row', async () => {
    expect(listed('cn-consumer-revolving.json', [[['dates', 'closing'], '2026-06-30']], 'en')).toEqual(['Deal and dates — Closing date: Closing must be on or after the cutoff date.']);
    expect(listed('cn-consumer-revolving.json', [[['fees', 1, 'basis', 'rateAnnual'], -0.01]], 'en')).toEqual(['Fee Trustee 受托人 — Rate: Enter a percentage between 0% and 100%.']);
    const bands = [
      { fromPeriod: 1, threshold: 0.02 },
      { fromPeriod: 7, threshold: 0.05 },
    ];
    expect(listed('cn-consumer-revolving.json', [[['triggers', 0, 'threshold'], bands]], 'en')).toEqual([
      'Trigger Cumulative default rate 累计违约率 — Threshold, Band 1, To period: Every band but the last needs a whole to period ≥ its from period.',
      'Trigger Cumulative default rate 累计违约率 — Threshold, Band 2, From period: Expected period 2: bands must start at period 1 and leave no gap or overlap.',
    ]);
    expect(listed('cn-consumer-revolving.json', [[['waterfall', 'interest', 5, 'notes'], ['Z']]], 'en')).toEqual(["Interest step 6 (Interest) — Interest of: Unknown note 'Z'."]);
    await chooseLanguage('zh-CN');
    expect(listed('cn-consumer-revolving.json', [[['dates', 'closing'], '2026-06-30']], 'zh-CN')).toEqual(['交易与日期——起息日：起息日不得早于初始起算日。']);
    expect(listed('cn-consumer-revolving.json', [[['triggers', 0, 'threshold'], bands]], 'zh-CN')[0]).toBe(
      '触发事件 Cumulative default rate 累计违约率——阈值，第 1 段，截止期：除最后一段外，每段都须有不小于起始期的整数截止期。',
    );
    const fixings = draftOfFile(EVERY_FIELD_DEAL);
    expect(whereText(placeOf('$.rateIndices.PBOC-1Y[1].effective', fixings, translator('en')), translator('en'))).toBe(
      'Policy-rate tables (基准利率) — Rates of PBOC-1Y, by effective date, Effective from 2',
    );
    expect(whereText(placeOf('$.yieldSupplementOC.byPeriod[3]', fixings, translator('zh-CN')), translator('zh-CN'))).toBe('收益补足超额抵押（披露计划）——各兑付日收益补足超额抵押，第 4 期');
  });

  it('a problem the form has no field for: its note, or the part of the file, and what is wrong', async () => {
    const t = translator('en');
    const draft = draftOfFile(readJson('templates/deals', 'us-auto-oc-turbo.json'));
    const misspelt: FileIssue = {
      path: '$.notes[0].coupn',
      message: 'x',
      code: 'shape.unknownFieldMeant',
      params: { key: 'coupn', object: { code: 'fileObject.note', params: {}, message: 'a note' }, meant: 'coupon' },
    };
    expect(saidAt(whereText(placeOf(misspelt.path, draft, t), t), plainMessage(misspelt, 'text'), t)).toBe('Note Class A: “coupn” is not a field of a note: did you mean “coupon”?');
    expect(placeOf('$.schedulePool', draft, t)).toEqual({ owner: 'the schedule pool', field: [], section: null });
    expect(whereText(placeOf('$.waterfall.principal', draft, t), t)).toBe('Principal waterfall');
    expect(whereText(placeOf('$.revolving', draft, t), t)).toBe('Revolving period');
    await chooseLanguage('zh-CN');
    const zh = translator('zh-CN');
    expect(saidAt(whereText(placeOf(misspelt.path, draft, zh), zh), plainMessage(misspelt, 'text'), zh)).toBe('证券 Class A：“coupn”不是证券的字段：是否应为“coupon”？');
  });

  it('reads a record’s key holding a dot or a bracket as the draft names it (a segment “a.b[1]”)', () => {
    const draft = draftOfFile({ revolving: { eligibility: { maxSegmentShare: { 'a.b[1]': 2 } } } });
    expect(keysOfPath('$.revolving.eligibility.maxSegmentShare.a.b[1]', draft)).toEqual(['revolving', 'eligibility', 'maxSegmentShare', 'a.b[1]']);
    expect(whereText(placeOf('$.revolving.eligibility.maxSegmentShare.a.b[1]', draft, translator('en')), translator('en'))).toBe('Revolving period — Most of the pool (a.b[1])');
  });

  it('at the field: a band’s period named with the band (once not shown at any field), and the Compare screen’s list', async () => {
    const bands = [
      { fromPeriod: 1, threshold: 0.02 },
      { fromPeriod: 7, threshold: 0.05 },
    ];
    const { deal, issues } = checked('cn-consumer-revolving.json', [[['triggers', 0, 'threshold'], bands]]);
    await chooseLanguage('en');
    loadDeal(deal, 'deal.json');
    const editor = renderToStaticMarkup(createElement(I18nProvider, null, createElement(DealEditor, { issues, pool: { balance: 1, label: 'pool' } })));
    const trigger = /data-testid="trigger-0"(.*?)<\/li>/s.exec(editor)?.[1] ?? '';
    expect(textOf(trigger)).toContain('Band 1, To period: Every band but the last needs a whole to period ≥ its from period.$.triggers[0].threshold[0].toPeriod');
    expect(textOf(trigger)).toContain('Band 2, From period: Expected period 2: bands must start at period 1 and leave no gap or overlap.$.triggers[0].threshold[1].fromPeriod');
    const compare = renderToStaticMarkup(createElement(I18nProvider, null, createElement(DealIssues, { issues, deal })));
    expect(textOf(compare)).toContain(
      'Trigger Cumulative default rate 累计违约率 — Threshold, Band 1, To period: Every band but the last needs a whole to period ≥ its from period. $.triggers[0].threshold[0].toPeriod',
    );
  });
});
