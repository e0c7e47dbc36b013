import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEAL_SCHEMA } from '../../../engine/deal/schema.ts';
import { DEAL_FILE_SCHEMA } from '../../../service/files/deal-file.ts';
import { DealEditor } from '../../../renderer/areas/deal/editor/DealEditor.tsx';
import { REQUIRED_OBJECTS } from '../../../renderer/areas/deal/editor/draft.ts';
import { loadDeal } from '../../../renderer/areas/deal/editor/state.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { EVERY_FIELD_DEAL } from './every-field-deal.ts';

/**
 * Every leaf field of the deal schema (engine/deal/schema.ts), as a path pattern: `notes[].coupon.rate`,
 * `rateIndices{}[].rate` (a record's key is `{}`, a list's item `[]`). Read from the zod schema itself, so a
 * field the schema gains later appears here, and fails the test below until the editor has a control for it.
 */
function leafPaths(schema: z.ZodType, at: string): string[] {
  const def = schema.def as unknown as { type: string } & Record<string, unknown>;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
      return leafPaths(def['innerType'] as z.ZodType, at);
    case 'pipe':
      return leafPaths(def['in'] as z.ZodType, at);
    case 'object':
      return Object.entries(def['shape'] as Record<string, z.ZodType>).flatMap(([key, field]) => leafPaths(field, at === '' ? key : `${at}.${key}`));
    case 'array':
      return leafPaths(def['element'] as z.ZodType, `${at}[]`);
    case 'record':
      return leafPaths(def['valueType'] as z.ZodType, `${at}{}`);
    case 'union': {
      const options = def['options'] as z.ZodType[];
      // A number or bands (a threshold): both shapes are the field's; the union's own path is a leaf when any option is.
      return [...new Set(options.flatMap((option) => leafPaths(option, at)))];
    }
    default:
      return [at];
  }
}

/** A field without its optional / default wrapper. */
const inner = (field: z.ZodType): z.ZodType => {
  const d = field.def as unknown as Record<string, unknown>;
  return d['type'] === 'optional' || d['type'] === 'default' ? inner(d['innerType'] as z.ZodType) : field;
};
/** An object, or a union of objects (a coupon, a fee basis, the waterfall). */
const isObject = (field: z.ZodType): boolean => {
  const d = field.def as unknown as Record<string, unknown>;
  return d['type'] === 'object' || (d['type'] === 'union' && (d['options'] as z.ZodType[]).every((o) => (o.def as unknown as Record<string, unknown>)['type'] === 'object'));
};

/** The keys of the objects (or unions of objects) a schema requires, at any depth: what clearing a field must not remove. */
function requiredObjectKeys(schema: z.ZodType, skip: readonly string[]): string[] {
  const def = schema.def as unknown as { type: string } & Record<string, unknown>;
  switch (def.type) {
    case 'optional':
    case 'default':
      return requiredObjectKeys(def['innerType'] as z.ZodType, skip);
    case 'array':
      return requiredObjectKeys(def['element'] as z.ZodType, skip);
    case 'record':
      return requiredObjectKeys(def['valueType'] as z.ZodType, skip);
    case 'union':
      return (def['options'] as z.ZodType[]).flatMap((o) => requiredObjectKeys(o, skip));
    case 'object':
      return Object.entries(def['shape'] as Record<string, z.ZodType>)
        .filter(([key]) => !skip.includes(key))
        .flatMap(([key, field]) => [...(inner(field) === field && isObject(field) ? [key] : []), ...requiredObjectKeys(field, skip)]);
    default:
      return [];
  }
}

/**
 * Fields the structure editor does not show, each with where it is edited instead (and why). Short on
 * purpose: a field lands here only with a reason an analyst would accept.
 */
const EDITED_ELSEWHERE: Readonly<Record<string, string>> = {};

/**
 * Parts of the deal FILE (service/files/deal-file.ts: the engine's deal plus the file's own parts) that
 * the structure editor leaves as they are, and where they are edited. The file's own pool lines
 * (`pool`) are walked like the deal's fields: the editor has a section for them.
 */
const FILE_PARTS_EDITED_ELSEWHERE: Readonly<Record<string, string>> = {
  $schema: 'A pointer to docs/schemas/deal.schema.json for the analyst’s JSON editor; kept as opened, never shown.',
  assumptions: 'The base scenario a file may carry: scenarios are set on the Assumptions screen (curves, roll rates, stresses), and the Deal screen runs under the set chosen there.',
  schedulePool: 'A projected collection schedule: imported from its CSV or XLSX (`abs schedule import`, the schedule rows of a servicer report), not typed in by hand.',
};

/** The three waterfalls (combined, interest, principal) hold the same steps: one pattern for a step's field. */
const sameSteps = (path: string): string => path.replace(/^waterfall\.(combined|interest|principal)\[\]/, 'waterfall.*[]');

/** `$.notes[3].coupon.rate` → `notes[].coupon.rate`; a record's key (a segment, an index name) → `{}`. */
function patternOf(jsonPath: string, recordPaths: readonly string[]): string {
  let out = sameSteps(jsonPath.replace(/^\$\.?/, '').replace(/\[\d+\]/g, '[]'));
  for (const record of recordPaths) {
    const prefix = `${record.slice(0, -2)}.`;
    if (out.startsWith(prefix)) out = `${record}${out.slice(prefix.length).replace(/^[^.[]+/, '')}`;
  }
  return out;
}

/** The schema paths the editor's controls declare (data-path) when it shows a deal. */
function controlPaths(deal: unknown, recordPaths: readonly string[]): Set<string> {
  loadDeal(deal, 'deal.json');
  const html = renderToStaticMarkup(createElement(DealEditor, { issues: [], pool: { balance: 1_000_000, label: 'pool' } }));
  return new Set([...html.matchAll(/data-path="([^"]+)"/g)].map((m) => patternOf(m[1] ?? '', recordPaths)));
}

const dealFiles = (dir: string): string[] =>
  readdirSync(join(REPO_ROOT, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(REPO_ROOT, dir, f));

describe('deal editor: a control for every field of the deal schema', () => {
  const dealLeaves = [...new Set(leafPaths(DEAL_SCHEMA, '').map(sameSteps))];
  const fileLeaves = [...new Set(leafPaths(DEAL_FILE_SCHEMA, '').map(sameSteps))];
  const leaves = fileLeaves.filter((leaf) => !Object.keys(FILE_PARTS_EDITED_ELSEWHERE).some((part) => leaf === part || leaf.startsWith(`${part}.`)));
  const recordPaths = [...new Set(leaves.flatMap((leaf) => [...leaf.matchAll(/^(.*?\{\})/g)].map((m) => m[1] ?? '')))];
  const deals = [...dealFiles('templates/deals'), ...dealFiles('test/fixtures/prospectus')].map((file) => JSON.parse(readFileSync(file, 'utf8')) as unknown);

  it('reads the schema’s leaves (a sanity check of the walk: known fields of every depth)', () => {
    expect(leaves).toContain('dates.cutoff');
    expect(leaves).toContain('notes[].coupon.rate');
    expect(leaves).toContain('triggers[].threshold[].fromPeriod');
    expect(leaves).toContain('waterfall.*[].tiers[].hurdleRate');
    expect(leaves).toContain('rateIndices{}[].effective');
    expect(leaves).toContain('revolving.eligibility.maxSegmentShare{}');
    expect(leaves).toContain('pool.lines[].startMonth');
    expect(leaves.length).toBeGreaterThan(100);
    // Every field of the engine's deal is walked (the file only adds its own parts around them).
    expect(dealLeaves.filter((leaf) => !leaves.includes(leaf))).toEqual([]);
  });

  const shown = new Set<string>();
  for (const deal of [...deals, EVERY_FIELD_DEAL]) for (const path of controlPaths(deal, recordPaths)) shown.add(path);
  /** The leaves with no control: a control over a list or bands (ids ticked, a threshold by period) edits the items below it. */
  const missing = (of: readonly string[]): string[] =>
    of.filter((leaf) => !shown.has(leaf) && ![...shown].some((path) => leaf.startsWith(`${path}[]`) || leaf.startsWith(`${path}{}`)) && EDITED_ELSEWHERE[leaf] === undefined);

  it('every leaf has a control (shown for the templates, the prospectus deals, or a deal using every field) or is edited elsewhere', () => {
    expect(missing(leaves)).toEqual([]);
  });

  it('a field the schema gains fails the check until a control edits it', () => {
    const grown = DEAL_SCHEMA.extend({ servicerAdvances: z.strictObject({ rateAnnual: z.number().optional() }).optional() });
    expect(missing(leafPaths(grown, '').map(sameSteps))).toEqual(['servicerAdvances.rateAnnual']);
  });

  it('keeps, when a field is cleared, exactly the objects the deal file requires (draft.ts REQUIRED_OBJECTS)', () => {
    expect(new Set(requiredObjectKeys(DEAL_FILE_SCHEMA, Object.keys(FILE_PARTS_EDITED_ELSEWHERE)))).toEqual(REQUIRED_OBJECTS);
  });

  it('lists as edited elsewhere only fields and parts the file has', () => {
    expect(Object.keys(EDITED_ELSEWHERE).filter((path) => !leaves.includes(path))).toEqual([]);
    expect(Object.keys(FILE_PARTS_EDITED_ELSEWHERE).filter((part) => !fileLeaves.some((leaf) => leaf === part || leaf.startsWith(`${part}.`)))).toEqual([]);
  });
});
