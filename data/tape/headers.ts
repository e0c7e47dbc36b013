/**
 * Header → canonical field auto-mapping for imported tapes, from the synonyms in FIELD_SPECS.
 *
 * Exact (normalized) matches first; then a conservative containment fallback for decorated
 * headers (`当前剩余本金`, `借款人所在省份`, `loan_amount_cny`). A wrong guess silently puts,
 * say, a penalty rate into the loan rate, so the fallback declines whenever in doubt: the analyst
 * maps the column by hand instead, and an unmapped column is kept as an extra attribute.
 */
import { FIELD_SPECS, REQUIRED_FIELDS, type CanonicalField, type FieldKind } from './fields.ts';

/** Invisible characters some exports put in headers: BOM, zero-width space/joiners, word joiner, soft hyphen. */
const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060\u00AD]/g;
/** Removed after lower-casing: whitespace, underscores, hyphens, dots, slashes (and '*' / ':' markers). */
const PUNCTUATION = /[\s_\-./\\*:]/g;

/**
 * Trailing parenthesized units that do not change what a column is (checked after NFKC and
 * lower-casing, spaces removed). 日 and 年 are absent: `利率(日)` is a daily rate, `利率(年)` an
 * annual one. A scale (万元, 亿元) or a rate unit (%, ‰) is dropped too, so `剩余本金(万元)` maps as
 * `剩余本金` would, and the column's values are read in it (headerUnit, import/header.ts).
 */
const UNITS: ReadonlySet<string> = new Set(['元', '人民币', '人民币元', 'rmb', 'cny', 'yuan', 'usd', '$', '¥', '%', '‰', '百分比', '月', '个月', '期', '天', '日数', 'days', 'months', 'mos']);
/** A date-format hint such as (yyyy-mm-dd) or (yyyymmdd); a single character class, so linear. */
const DATE_FORMAT_HINT = /^y[ymd/.-]*$/;

/** Units an amount column's header may state: the power of ten its values are in (万元: 10^4 yuan). */
const MONEY_UNITS: ReadonlyMap<string, number> = new Map([
  ['元', 0],
  ['人民币', 0],
  ['人民币元', 0],
  ['rmb', 0],
  ['cny', 0],
  ['yuan', 0],
  ['usd', 0],
  ['$', 0],
  ['¥', 0],
  ['万元', 4],
  ['万', 4],
  ['亿元', 8],
  ['亿', 8],
]);
/** Units a rate column's header may state: the power of ten its values are in (%: 10^-2). */
const RATE_UNITS: ReadonlyMap<string, number> = new Map([
  ['%', -2],
  ['百分比', -2],
  ['‰', -3],
  ['千分比', -3],
  ['‱', -4],
  ['bp', -4],
  ['bps', -4],
]);
/** What a rate column's header may add that is its period, not a unit: read as without it. */
const RATE_PERIODS: ReadonlySet<string> = new Set(['年', '年化', '每年', '/年', 'pa', 'p.a.', 'annual', 'annualized', 'apr', '日', '每日', '/日', 'daily', 'day']);

/** A unit stated at the end of a header: what the column's values are in. */
export interface HeaderUnit {
  /** As the header writes it (after NFKC): `万元`, `%`. */
  readonly written: string;
  /** money: an amount × 10^power; rate: a rate × 10^power; unknown: a suffix the importer cannot read as a unit. */
  readonly kind: 'money' | 'rate' | 'unknown';
  readonly power: number;
}

const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '】': '【' };

/** The trailing parenthesized part of a header (NFKC, lower-cased, trimmed): where it opens and its text without spaces; null when none. */
function trailingPart(s: string): { at: number; unit: string } | null {
  const open = CLOSERS[s.charAt(s.length - 1)];
  if (open === undefined) return null;
  const at = s.lastIndexOf(open);
  if (at <= 0) return null;
  return { at, unit: s.slice(at + 1, -1).replace(/\s+/g, '') };
}

function dropTrailingUnit(s: string): string {
  const part = trailingPart(s);
  if (part === null) return s;
  const { at, unit } = part;
  return UNITS.has(unit) || MONEY_UNITS.has(unit) || RATE_UNITS.has(unit) || DATE_FORMAT_HINT.test(unit) ? s.slice(0, at).trimEnd() : s;
}

/**
 * The unit a header states in trailing parentheses or brackets (half- or full-width): `合同金额(万元)`
 * → 万元, × 10^4; `年化利率（%）` → %, × 10^-2; null when it states none. A suffix that is neither a
 * unit, a date format, nor a term or rate period (`(千元)`, `(美分)`) is 'unknown': a money or rate
 * column with it is refused (import/header.ts), not read as if it said nothing.
 */
export function headerUnit(header: string): HeaderUnit | null {
  const folded = header.replace(INVISIBLE, '').normalize('NFKC').trim();
  const part = trailingPart(folded.toLowerCase());
  if (part === null || part.unit === '') return null;
  const { unit } = part;
  const written = folded.slice(part.at + 1, -1).trim();
  const money = MONEY_UNITS.get(unit);
  if (money !== undefined) return { written, kind: 'money', power: money };
  const rate = RATE_UNITS.get(unit);
  if (rate !== undefined) return { written, kind: 'rate', power: rate };
  if (UNITS.has(unit) || RATE_PERIODS.has(unit) || DATE_FORMAT_HINT.test(unit)) return null;
  return { written, kind: 'unknown', power: 0 };
}

/**
 * The comparable form of a header or synonym: BOM and zero-width characters stripped, NFKC
 * (full-width letters, digits and parentheses become ASCII), lower-cased, a trailing unit in
 * parentheses or brackets dropped (`(元)`, `（%）`, `[yuan]`, `(yyyy-mm-dd)`), then spaces,
 * underscores, hyphens, dots, slashes, '*' and ':' removed. `剩余本金（元）` → `剩余本金`,
 * `Loan_ID` → `loanid`.
 */
export function normalizeHeader(header: string): string {
  const s = header.replace(INVISIBLE, '').normalize('NFKC').toLowerCase().trim();
  return dropTrailingUnit(s).replace(PUNCTUATION, '');
}

/** English words of a header for word-boundary matching: `IntRate`, `int_rate`, `Int Rate` → [int, rate]. */
function headerWords(header: string): string[] {
  const s = header.replace(INVISIBLE, '').normalize('NFKC');
  const spaced = s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return dropTrailingUnit(spaced.trim())
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Synonym length for the fallback threshold: CJK characters count 2, others 1. */
function weightedLength(s: string): number {
  let n = 0;
  for (const ch of s) n += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return n;
}

const MIN_FALLBACK_LENGTH = 4;

interface Synonym {
  readonly field: CanonicalField;
  readonly normalized: string;
  /** Word sequence for an ASCII synonym (word-boundary match), null for a CJK one (substring match). */
  readonly words: readonly string[] | null;
}

/** Normalized synonym → field, with each field's canonical name and column as implicit synonyms. */
const EXACT: ReadonlyMap<string, CanonicalField> = (() => {
  const map = new Map<string, CanonicalField>();
  const add = (name: string, field: CanonicalField): void => {
    const key = normalizeHeader(name);
    if (key.length > 0 && !map.has(key)) map.set(key, field);
  };
  for (const spec of FIELD_SPECS) for (const name of spec.synonyms) add(name, spec.field);
  for (const spec of FIELD_SPECS) add(spec.field, spec.field);
  for (const spec of FIELD_SPECS) add(spec.column, spec.field);
  return map;
})();

const FALLBACK_SYNONYMS: readonly Synonym[] = FIELD_SPECS.flatMap((spec) =>
  spec.synonyms
    .map((name): Synonym => {
      const normalized = normalizeHeader(name);
      const ascii = /^[\x20-\x7e]*$/.test(name);
      return {
        field: spec.field,
        normalized,
        words: ascii
          ? name
              .toLowerCase()
              .split(/[^a-z0-9]+/)
              .filter((w) => w.length > 0)
          : null,
      };
    })
    .filter((syn) => weightedLength(syn.normalized) >= MIN_FALLBACK_LENGTH),
);

const KIND_BY_FIELD: ReadonlyMap<CanonicalField, FieldKind> = new Map(FIELD_SPECS.map((spec) => [spec.field, spec.kind]));

/**
 * Words that, left over in a header beside a contained synonym, change what the column is: the
 * fallback declines. `罚息利率` is a penalty rate, not the loan rate; `已还期数` periods paid, not
 * the term; `重组日期` a date, not the flag; `Interest Rate Type` a category; `贷款余额万元` is in
 * ten-thousands of yuan (a unit in parentheses, `(万元)`, is read: headerUnit).
 */
const VETO_ALWAYS = [
  '罚',
  'penalty',
  '违约',
  'default',
  '已还',
  '已付',
  '累计',
  'cumulative',
  'paid',
  'next',
  'first',
  'last',
  'previous',
  'prior',
  '下次',
  '下期',
  '首期',
  '首次',
  '上次',
  '上期',
  '最近',
  '最大',
  '最高',
  '最小',
  '最低',
  '历史',
  'max',
  'min',
  '平均',
  'average',
  'avg',
  '期初',
  '期末',
];
const VETO_OVERDUE = ['逾期', 'overdue', 'pastdue', 'past due', 'delinquen', 'arrear'];
const VETO_DATE_WORDS = ['日期', '时间', 'date', 'time'];
const VETO_CATEGORY_WORDS = ['类型', 'type', '方式', 'method', '标识', '标志', 'flag', '状态', 'status', '单位', 'unit', '代码', 'code'];
const VETO_RATIO_WORDS = ['率', 'rate', '比例', '占比', 'ratio', 'pct', 'percent', '%'];
const VETO_SCALE_WORDS = ['万', '千', '亿', 'thousand', 'million', '000'];
const VETO_BY_FIELD: Partial<Record<CanonicalField, readonly string[]>> = {
  rateAnnual: ['日', '月', '周', 'day', 'daily', 'month', 'week'],
  rateDaily: ['年', '月', '周', 'annual', 'year', 'month', 'week'],
  // `Loan State` is a status, `Original Maturity` a term in months.
  region: ['loan', 'account', 'contract', '贷款', '账户', '合同'],
  maturityDate: ['original', 'orig', 'remaining', 'term', 'month', '期限'],
};
const OVERDUE_FIELDS: ReadonlySet<CanonicalField> = new Set(['overduePrincipal', 'overdueInterest', 'daysPastDue']);
const NUMERIC_KINDS: ReadonlySet<FieldKind> = new Set(['date', 'money', 'rateAnnual', 'rateDaily', 'integer', 'number']);

function vetoed(field: CanonicalField, remainder: string): boolean {
  if (remainder.length === 0) return false;
  const has = (words: readonly string[]): boolean => words.some((w) => remainder.includes(w));
  const kind = KIND_BY_FIELD.get(field);
  if (has(VETO_ALWAYS) || has(VETO_BY_FIELD[field] ?? [])) return true;
  if (!OVERDUE_FIELDS.has(field) && has(VETO_OVERDUE)) return true;
  if (kind !== 'date' && has(VETO_DATE_WORDS)) return true;
  if (kind !== undefined && NUMERIC_KINDS.has(kind) && has(VETO_CATEGORY_WORDS)) return true;
  if ((kind === 'money' || kind === 'integer') && has(VETO_RATIO_WORDS)) return true;
  if (kind === 'money' && has(VETO_SCALE_WORDS)) return true;
  return false;
}

function indexOfWords(words: readonly string[], seq: readonly string[]): number {
  outer: for (let i = 0; i + seq.length <= words.length; i++) {
    for (let k = 0; k < seq.length; k++) if (words[i + k] !== seq[k]) continue outer;
    return i;
  }
  return -1;
}

/** Fields (among `open`) whose fallback synonyms a header contains without a veto. */
function fallbackCandidates(header: string, open: ReadonlySet<CanonicalField>): Set<CanonicalField> {
  const normalized = normalizeHeader(header);
  const words = headerWords(header);
  const found = new Set<CanonicalField>();
  for (const syn of FALLBACK_SYNONYMS) {
    if (!open.has(syn.field) || found.has(syn.field)) continue;
    let remainder: string;
    if (syn.words === null) {
      const at = normalized.indexOf(syn.normalized);
      if (at < 0) continue;
      remainder = normalized.slice(0, at) + normalized.slice(at + syn.normalized.length);
    } else {
      const at = indexOfWords(words, syn.words);
      if (at < 0) continue;
      // Leftover words, plus what the header keeps beyond them (a '%' is not a word).
      const cut = normalized.indexOf(syn.normalized);
      const rest = cut < 0 ? '' : normalized.slice(0, cut) + normalized.slice(cut + syn.normalized.length);
      remainder = `${[...words.slice(0, at), ...words.slice(at + syn.words.length)].join(' ')} ${rest}`.trim();
    }
    if (!vetoed(syn.field, remainder)) found.add(syn.field);
  }
  return found;
}

/**
 * Suggests a canonical field for each header (null = keep as an extra attribute).
 *
 * 1. Exact: the normalized header equals a normalized synonym (or the field's canonical name or
 *    column). Each field goes to the first such header in column order; later ones get null.
 * 2. Fallback, for headers still unmapped: the header contains a synonym at least 4 long (a CJK
 *    character counts 2) of exactly one field no exact match claimed — as a whole word sequence
 *    for an English synonym, as a substring for a Chinese one — and nothing left over in the
 *    header changes the meaning (see VETO_ALWAYS). A field that two headers would claim this way
 *    goes to neither.
 */
export function suggestMapping(headers: readonly string[]): Array<CanonicalField | null> {
  const result: Array<CanonicalField | null> = headers.map(() => null);
  const taken = new Set<CanonicalField>();
  headers.forEach((header, i) => {
    const field = EXACT.get(normalizeHeader(header));
    if (field !== undefined && !taken.has(field)) {
      taken.add(field);
      result[i] = field;
    }
  });

  const open = new Set(FIELD_SPECS.map((spec) => spec.field).filter((field) => !taken.has(field)));
  const claims = new Map<CanonicalField, number[]>();
  headers.forEach((header, i) => {
    if (result[i] !== null || EXACT.has(normalizeHeader(header))) return;
    const candidates = fallbackCandidates(header, open);
    if (candidates.size !== 1) return;
    const field = candidates.values().next().value;
    if (field === undefined) return;
    claims.set(field, [...(claims.get(field) ?? []), i]);
  });
  for (const [field, columns] of claims) {
    const only = columns.length === 1 ? columns[0] : undefined;
    if (only !== undefined) result[only] = field;
  }
  return result;
}

export interface MappingDescription {
  readonly mapped: ReadonlyArray<{ readonly header: string; readonly field: CanonicalField }>;
  /** Headers mapped to no field: imported as extra attributes. */
  readonly unmapped: readonly string[];
  /** Required fields not mapped, in FIELD_SPECS order; 'rateAnnual' stands for "no rate column (annual or daily)". */
  readonly missingRequired: readonly CanonicalField[];
}

/** Summarizes a mapping (suggested or edited by the analyst) for the UI and the CLI. */
export function describeMapping(headers: readonly string[], mapping: readonly (CanonicalField | null)[]): MappingDescription {
  const mapped: Array<{ header: string; field: CanonicalField }> = [];
  const unmapped: string[] = [];
  const present = new Set<CanonicalField>();
  headers.forEach((header, i) => {
    const field = mapping[i] ?? null;
    if (field === null) unmapped.push(header);
    else {
      mapped.push({ header, field });
      present.add(field);
    }
  });
  const required = new Set(REQUIRED_FIELDS);
  const hasRate = present.has('rateAnnual') || present.has('rateDaily');
  const missingRequired = FIELD_SPECS.map((spec) => spec.field).filter((field) => (required.has(field) && !present.has(field)) || (field === 'rateAnnual' && !hasRate));
  return { mapped, unmapped, missingRequired };
}
