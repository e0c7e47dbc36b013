import type { z } from 'zod';
import { messageTable, type CodedMessage } from '../../engine/index.ts';
import { closestField, isRecordValue, objectSchemaAt, unionOptionAt, valueAt } from './field-names.ts';
import { codedIssue, jsonPath, type FileIssue } from './file-issues.ts';

/**
 * A file's shape problems (zod's issues) as the analyst reads them: each at its own JSON path, an
 * unknown key at the key itself with the field it most likely meant, a missing field said as
 * missing (zod says "expected object, received undefined"), both by code in English and Chinese.
 * A new-user walkthrough renamed a note's `coupon` to `coupn` and was told about `$.notes[0].coupon`
 * and "1 more problem", never about `coupn`.
 */

/** The objects of the files, as a message names them: "not a field of a note". */
const OBJECT_WORDS = {
  dealFile: () => 'a deal file',
  assumptionFile: () => 'an assumption file',
  scenarioSetFile: () => 'a scenario set',
  poolFile: () => 'a pool file',
  note: () => 'a note',
  coupon: () => 'a coupon',
  fee: () => 'a fee',
  dates: () => 'the dates',
  reserve: () => 'the reserve account',
  trigger: () => 'a trigger',
  waterfall: () => 'the waterfall',
  step: () => 'a waterfall step',
  revolving: () => 'the revolving period',
  profile: () => 'the purchase profile',
  pool: () => 'the pool',
  line: () => 'a pool line',
  assumptions: () => 'the assumptions',
  segment: () => 'a segment',
  schedulePool: () => 'the schedule pool',
  analytics: () => 'the analytics section',
  scenario: () => 'a scenario',
  at: (p: { path: string }) => `the object at ${p.path}`,
};
export const FILE_OBJECTS = messageTable('fileObject', OBJECT_WORDS);

/** The shape problems every file can have. */
export const SHAPE_RULES = messageTable('shape', {
  unknownFieldMeant: (p: { key: string; object: CodedMessage; meant: string }) => `not a field of ${p.object.message} — did you mean "${p.meant}"?`,
  unknownField: (p: { key: string; object: CodedMessage; fields: string }) => `not a field of ${p.object.message} (the fields not yet written: ${p.fields})`,
  missingField: (p: { key: string; object: CodedMessage }) => `missing: ${p.object.message} must have "${p.key}"`,
});

/** The kind of file whose top level a message names. */
export type FileKind = 'dealFile' | 'assumptionFile' | 'scenarioSetFile' | 'poolFile';

type ObjectNoun = Exclude<keyof typeof OBJECT_WORDS, 'at' | FileKind>;

/** An item of a list, by the list's key. */
const ITEMS: Readonly<Record<string, ObjectNoun>> = { notes: 'note', fees: 'fee', triggers: 'trigger', lines: 'line', scenarios: 'scenario', combined: 'step' };
/** An object, by its key. */
const OBJECTS: Readonly<Record<string, ObjectNoun>> = {
  coupon: 'coupon',
  dates: 'dates',
  reserve: 'reserve',
  waterfall: 'waterfall',
  revolving: 'revolving',
  profile: 'profile',
  pool: 'pool',
  assumptions: 'assumptions',
  schedulePool: 'schedulePool',
  analytics: 'analytics',
};

/** The object at a path in words: the file, a note, the dates, … else its path. */
function objectNoun(path: readonly PropertyKey[], file: FileKind): CodedMessage {
  if (path.length === 0) return FILE_OBJECTS.say(file);
  const last = path[path.length - 1];
  const before = path[path.length - 2];
  let noun: ObjectNoun | undefined;
  if (typeof last === 'number' && typeof before === 'string') {
    noun = Object.hasOwn(ITEMS, before) ? ITEMS[before] : path[0] === 'waterfall' && (before === 'interest' || before === 'principal') ? 'step' : undefined;
  } else if (typeof last === 'string') {
    // A scenario's `multipliers.pool` multiplies the pool's curves: it is not the pool.
    noun = before === 'segments' ? 'segment' : before !== 'multipliers' && Object.hasOwn(OBJECTS, last) ? OBJECTS[last] : undefined;
  }
  return noun === undefined ? FILE_OBJECTS.say('at', { path: jsonPath(path) }) : FILE_OBJECTS.say(noun);
}

/** Each unknown key of an object at its own path, with the field it most likely meant (else the object's fields). */
function unknownKeyIssues(keys: readonly string[], path: readonly PropertyKey[], read: SchemaRead): FileIssue[] {
  const written = valueAt(read.input, path);
  const known = Object.keys(objectSchemaAt(read.schema, read.input, path)?.shape ?? {});
  const free = known.filter((field) => !isRecordValue(written) || !Object.hasOwn(written, field));
  const object = objectNoun(path, read.file);
  return keys.map((key) => {
    const meant = closestField(key, free);
    const at = jsonPath([...path, key]);
    return codedIssue(at, meant !== null ? SHAPE_RULES.say('unknownFieldMeant', { key, object, meant }) : SHAPE_RULES.say('unknownField', { key, object, fields: free.join(', ') || 'none left' }));
  });
}

/** What the issues are checked against: the file's schema, the file as written, and what kind of file it is. */
export interface SchemaRead {
  readonly schema: z.ZodType;
  readonly input: unknown;
  readonly file: FileKind;
}

/**
 * One zod issue as the file's problems: an unknown key said by name, a missing field as missing, a
 * union's failure as the problems of the option the value is written for (a waterfall with
 * `combined` steps, not "Invalid input" at $.waterfall), the rest in zod's words.
 */
function issuesOf(issue: z.core.$ZodIssue, read: SchemaRead): FileIssue[] {
  if (issue.code === 'unrecognized_keys') return unknownKeyIssues(issue.keys, issue.path, read);
  if (issue.code === 'invalid_union') {
    const option = unionOptionAt(read.schema, read.input, issue.path);
    const chosen = option === null ? undefined : issue.errors[option];
    if (chosen !== undefined && chosen.length > 0) return chosen.flatMap((inner) => issuesOf({ ...inner, path: [...issue.path, ...inner.path] }, read));
  }
  const parent = issue.path.slice(0, -1);
  const key = issue.path[issue.path.length - 1];
  const holder = valueAt(read.input, parent);
  if (issue.code === 'invalid_type' && typeof key === 'string' && isRecordValue(holder) && !Object.hasOwn(holder, key)) {
    return [codedIssue(jsonPath(issue.path), SHAPE_RULES.say('missingField', { key, object: objectNoun(parent, read.file) }))];
  }
  return [{ path: jsonPath(issue.path), message: issue.message }];
}

const isUnknownKey = (issue: FileIssue): boolean => issue.code === 'shape.unknownFieldMeant' || issue.code === 'shape.unknownField';

/**
 * Every shape problem of a file at its JSON path, each once (a whole number out of range fails two
 * checks with the same message), the unknown keys first.
 */
export function schemaIssues(error: z.ZodError, read: SchemaRead): FileIssue[] {
  const seen = new Set<string>();
  const issues: FileIssue[] = [];
  const found = error.issues.flatMap((zodIssue) => issuesOf(zodIssue, read));
  // Unknown keys first: a misspelt key is the cause, the field it leaves missing the consequence.
  for (const issue of [...found.filter(isUnknownKey), ...found.filter((other) => !isUnknownKey(other))]) {
    if (seen.has(`${issue.path}\n${issue.message}`)) continue;
    seen.add(`${issue.path}\n${issue.message}`);
    issues.push(issue);
  }
  return issues;
}
