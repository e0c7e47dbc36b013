/**
 * Where on the structure editor a problem of the deal is: the service names it by the JSON path of
 * the value at fault (`$.notes[1].coupon.rate`), the analyst by the note and the field's label
 * ("Note Class B — Coupon rate"). The one table from a path to the label its control shows, in the
 * chosen language, from the same catalogue keys the sections use (test/renderer/deal-editor/
 * field-labels.test.ts renders the editor and holds every control's label to this table).
 */
import type { MessageKey, Translate } from '../../../app/i18n.tsx';
import { fieldsOf, getAt, isRecord, jsonPath, labelOf, type DealDraft, type FieldPath, type Json } from './draft.ts';
import { STEP_OPTIONS } from './options.ts';

/** A problem's place on the form. */
export interface FieldPlace {
  /** What the field belongs to: a note, fee, trigger, step or line by its own name, else the editor's section (or the file's part the editor leaves as is). */
  readonly owner: string;
  /** The field's label as the form shows it, then the part of it at fault (a band, a row's column, a period); empty for a problem of the owner itself. */
  readonly field: readonly string[];
  /** The data-testid of the section holding the field (for a problem whose field is not on screen); null for a part of the file the editor does not show. */
  readonly section: string | null;
}

/** What a label is read from: the path's keys, the draft (a step's kind decides its label) and the language. */
interface At {
  readonly keys: FieldPath;
  readonly draft: DealDraft;
  readonly t: Translate;
}

type Label = MessageKey | ((at: At) => string);

/** The value beside the field at the path: `sibling(at, 'kind')` of a step's `notes` is the step's kind. */
const sibling = (at: At, key: string): Json | undefined => getAt(at.draft, [...at.keys.slice(0, -1), key]);

/**
 * Every field the editor shows, by path pattern: a list's item is `[]`, a record's key `{}` and the three
 * waterfalls' steps `waterfall.*[]`. The keys are the ones the sections label their controls with.
 */
const FIELD_LABELS: Readonly<Record<string, Label>> = {
  name: 'deal.editor.dealName',
  description: 'deal.editor.description',
  currency: 'deal.editor.currency',
  'dates.cutoff': 'deal.editor.cutoffDate',
  'dates.closing': 'deal.editor.closingDate',
  'dates.firstPaymentDate': 'deal.editor.firstPaymentDate',
  'dates.paymentFrequencyMonths': 'deal.editor.monthsBetweenPayments',
  'dates.endOfMonth': 'deal.editor.endOfMonth',
  'dates.legalFinalMaturity': 'deal.editor.legalFinalMaturity',
  'dates.firstPeriodCollectionMonths': 'deal.editor.firstPeriodCollectionMonths',
  'dates.cutoffTime': 'deal.editor.cutoffTime',
  'dates.businessDayConvention': 'deal.editor.paymentDateRoll',
  'dates.calendar': 'deal.editor.businessDayCalendar',
  'dates.accrualDates': 'deal.editor.interestAccruesBetween',

  'notes[].id': 'deal.editor.id',
  'notes[].name': 'deal.editor.name',
  'notes[].seniority': 'deal.editor.seniority',
  'notes[].originalBalance': 'deal.editor.size',
  'notes[].expectedMaturity': 'deal.editor.expectedMaturity',
  'notes[].coupon': 'deal.editor.coupon',
  'notes[].coupon.type': 'deal.editor.coupon',
  'notes[].coupon.rate': 'deal.editor.couponRate',
  'notes[].coupon.index': (at) => (sibling(at, 'type') === 'indexed' ? at.t('deal.editor.policyRate') : at.t('deal.editor.indexByPeriod')),
  'notes[].coupon.margin': 'deal.editor.margin',
  'notes[].coupon.floor': 'deal.editor.floor',
  'notes[].coupon.cap': 'deal.editor.cap',
  'notes[].coupon.reset': 'deal.editor.rateReset',
  'notes[].dayCount': 'deal.editor.dayCount',
  'notes[].interestOnShortfall': 'deal.editor.interestOnUnpaidInterest',

  'rateIndices{}': (at) => at.t('deal.editor.fixings', { name: String(at.keys[1]) }),

  'fees[].id': 'deal.editor.id',
  'fees[].name': 'deal.editor.name',
  'fees[].basis': 'deal.editor.feeBasis',
  'fees[].basis.type': 'deal.editor.feeBasis',
  'fees[].basis.rateAnnual': 'deal.editor.rate',
  'fees[].basis.dayCount': 'deal.editor.dayCount',
  'fees[].basis.accrueOver': 'deal.editor.accrueOver',
  'fees[].basis.firstPeriodDays': 'deal.editor.firstPeriodDays',
  'fees[].basis.notes': 'deal.editor.ofTheBalanceOf',
  'fees[].basis.rate': 'deal.editor.shareOfCollections',
  'fees[].basis.of': 'deal.editor.ofTheCollections',
  'fees[].basis.amount': (at) => at.t(sibling(at, 'type') === 'oneOff' ? 'deal.editor.amount' : 'deal.editor.amountEachPeriod'),
  'fees[].basis.period': 'deal.editor.paidInPeriod',
  'fees[].basis.everyPeriods': 'deal.editor.everyPeriods',
  'fees[].capPerPaymentDate': 'deal.editor.capPerPaymentDate',
  'fees[].senior': 'deal.editor.seniorFee',

  'reserve.initialDeposit': 'deal.editor.initialDeposit',
  'reserve.target.basis': 'deal.editor.targetBasis',
  'reserve.target.percent': 'deal.editor.target',
  'reserve.target.floor': 'deal.editor.targetFloor',
  'reserve.target.cap': 'deal.editor.targetCap',
  'reserve.target.notes': 'deal.editor.targetOnTheBalance',
  'reserve.covers.fees': 'deal.editor.coversFees',
  'reserve.covers.notes': 'deal.editor.coversInterestOf',
  'reserve.redeemWhenCovered': 'deal.editor.redeemWhenCovered',

  'triggers[].id': 'deal.editor.id',
  'triggers[].name': 'deal.editor.name',
  'triggers[].metric': 'deal.editor.measures',
  'triggers[].breachedWhen': 'deal.editor.breachedWhenTheValue',
  'triggers[].notes': 'deal.editor.ofTheNotes',
  'triggers[].averageOver': 'deal.editor.averageOverPeriods',
  'triggers[].consecutivePeriods': 'deal.editor.consecutivePeriodsToBreach',
  'triggers[].curable': 'deal.editor.curableReTestedEach',
  'triggers[].threshold': 'deal.editor.threshold',
  'triggers[].warning': 'deal.editor.warningLevel',
  'triggers[].effects': 'deal.editor.aBreach',

  'defaultDefinition.daysPastDue': 'deal.editor.defaultDaysPastDue',
  'defaultDefinition.writeOff': 'deal.editor.writtenOffCounts',
  'defaultDefinition.restructured': 'deal.editor.restructuredCounts',
  'defaultDefinition.curable': 'deal.editor.defaultCurable',

  'waterfall.*[].fee': 'deal.editor.fee',
  'waterfall.*[].beyondCap': 'deal.editor.beyondCap',
  'waterfall.*[].notes': (at) => at.t(sibling(at, 'kind') === 'interest' ? 'deal.editor.interestOf' : 'deal.editor.notes'),
  'waterfall.*[].rule': 'deal.editor.rule',
  'waterfall.*[].amount': 'deal.editor.pays',
  'waterfall.*[].triggers': 'deal.editor.sequentialAfterABreach',
  'waterfall.*[].ocPercent': 'deal.editor.ocTargetOfPool',
  'waterfall.*[].ocInitialPercent': 'deal.editor.ocTargetPlusOfCutoff',
  'waterfall.*[].ocFloor': 'deal.editor.ocFloorOfCutoff',
  'waterfall.*[].targetBalances': 'deal.editor.targetBalances',
  'waterfall.*[].note': (at) => at.t(sibling(at, 'kind') === 'excessServicing' ? 'deal.editor.hurdlesOfNote' : 'deal.editor.paidToNote'),
  'waterfall.*[].rateAnnual': 'deal.editor.returnRate',
  'waterfall.*[].dayCount': 'deal.editor.dayCount',
  'waterfall.*[].whileOutstanding': 'deal.editor.whileOutstanding',
  'waterfall.*[].tiers': 'deal.editor.feeTiers',
  'waterfall.*[].thereafterNoteShare': 'deal.editor.thereafterNoteShare',
  'waterfall.*[].to': 'deal.editor.to',
  'waterfall.principalCovers.fees': 'deal.editor.principalCoversFees',
  'waterfall.principalCovers.notes': 'deal.editor.principalCoversNotes',

  'revolving.periods': 'deal.editor.revolvingPeriods',
  'revolving.price': 'deal.editor.price',
  'revolving.excessSpreadShare': 'deal.editor.excessSpreadAlsoBuying',
  'revolving.eligibility.maxRemainingTerm': 'deal.editor.eligibleLongestRemainingTerm',
  'revolving.eligibility.minRate': 'deal.editor.eligibleLowestRate',
  'revolving.eligibility.maxSegmentShare': 'deal.editor.maximumShareOfThe',
  'revolving.eligibility.maxSegmentShare{}': (at) => at.t('deal.editor.mostOfThePool', { segment: String(at.keys.at(-1)) }),
  'revolving.purchaseCap': 'deal.editor.purchaseCapPrincipalPer',
  'revolving.profile': 'deal.editor.purchaseProfile',
  'revolving.profile[].segment': 'deal.editor.segment',
  'revolving.profile[].product': 'deal.editor.product',
  'revolving.profile[].amortization': 'deal.editor.amortisation',
  'revolving.profile[].rate': 'deal.editor.rateApr',
  'revolving.profile[].originalTerm': 'deal.editor.originalTermMonths',
  'revolving.profile[].remainingTerm': 'deal.editor.remainingTermMonths',
  'revolving.profile[].share': 'deal.editor.share',

  'yieldSupplementOC.atCutoff': 'deal.editor.ysocAtCutoff',
  'yieldSupplementOC.requiredRate': 'deal.editor.requiredRate',
  'yieldSupplementOC.byPeriod': 'deal.editor.ysocByPeriod',
  'yieldSupplementOC.afterNotesPaid.notes': 'deal.editor.afterNotesPaid',
  'yieldSupplementOC.afterNotesPaid.byPeriod': 'deal.editor.ysocByPeriodAfter',
  'yieldSupplementOC.afterNotesPaid.requiredRate': 'deal.editor.requiredRateAfter',
  'yieldSupplementOCFromPool.requiredRate': 'deal.editor.requiredRate',
  'yieldSupplementOCFromPool.afterNotesPaid.notes': 'deal.editor.afterNotesPaid',
  'yieldSupplementOCFromPool.afterNotesPaid.requiredRate': 'deal.editor.requiredRateAfter',
  'yieldSupplementAccount.initialDeposit': 'deal.editor.initialDeposit',
  'yieldSupplementAccount.byPeriod': 'deal.editor.ysAccountByPeriod',

  'pool.name': 'deal.editor.poolName',
  'pool.cutoffDate': 'deal.editor.poolCutoffDate',
  'pool.lines[].id': 'deal.editor.id',
  'pool.lines[].segment': 'deal.editor.segment',
  'pool.lines[].product': 'deal.editor.product',
  'pool.lines[].amortization': 'deal.editor.amortisation',
  'pool.lines[].balance': 'deal.editor.lineBalance',
  'pool.lines[].originalBalance': 'deal.editor.lineOriginalBalance',
  'pool.lines[].rate': 'deal.editor.rateApr',
  'pool.lines[].feeRateMonthly': 'deal.editor.feeRateMonthly',
  'pool.lines[].feeRateAnnual': 'deal.editor.feeRateAnnual',
  'pool.lines[].originalTerm': 'deal.editor.originalTermMonths',
  'pool.lines[].remainingTerm': 'deal.editor.remainingTermMonths',
  'pool.lines[].ageMonths': 'deal.editor.ageMonths',
  'pool.lines[].startMonth': 'deal.editor.startMonth',
  'pool.lines[].loans': 'deal.editor.loans',
  'pool.lines[].state': 'deal.editor.lineState',
  'pool.lines[].overduePrincipal': 'deal.editor.overduePrincipal',
  'pool.lines[].overdueInterest': 'deal.editor.overdueInterest',
  'pool.lines[].restructuredShare': 'deal.editor.restructuredShare',

  lossAllocation: 'deal.editor.lossAllocation',
  cumulativeRatioDenominator: 'deal.editor.cumulativeDefaultLossRate',
  cleanUpCall: 'deal.editor.cleanUpCall',
  'cleanUpCall.poolFactor': 'deal.editor.callableAtPoolFactor',
  payoutRounding: 'deal.editor.payoutRounding',
  'payoutRounding.faceUnit': 'deal.editor.faceUnit',
  'analytics.walBasis': 'deal.editor.walYearBasis',
  'analytics.settlementDate': 'deal.editor.walFromSettlementDate',
};

/** Levels by payment period (BandsField): an item is a band, said "Band 2", with its from and to periods. */
const BANDS: ReadonlySet<string> = new Set(['triggers[].threshold', 'triggers[].warning', 'revolving.purchaseCap']);

/** Tables of rows (RowsField), by their columns' labels: a cell is said as its column and row ("Effective from 2"). */
const ROWS: Readonly<Record<string, Readonly<Record<string, MessageKey>>>> = {
  'rateIndices{}': { effective: 'deal.editor.effectiveFrom', rate: 'deal.editor.indexRate' },
  'waterfall.*[].targetBalances': { date: 'deal.editor.paymentDate', balance: 'deal.editor.balanceAfter' },
  'waterfall.*[].tiers': { hurdleRate: 'deal.editor.hurdleRate', noteShare: 'deal.editor.noteShare' },
};

/** Numbers by payment period typed in one box (NumberListField, a floating coupon's index): an item is a period. */
const PERIODS: ReadonlySet<string> = new Set(['notes[].coupon.index', 'yieldSupplementOC.byPeriod', 'yieldSupplementOC.afterNotesPaid.byPeriod', 'yieldSupplementAccount.byPeriod']);

/** A table cell's label: its column and its row, counted from 1 ("Effective from 2"), as RowsField labels its input. */
export function cellLabel(column: string, row: number): string {
  return `${column} ${row + 1}`;
}

/** The records of the deal file whose keys are names (an index table's, a segment's), not fields. */
const isRecordKey = (keys: FieldPath, i: number): boolean => (i === 1 && keys[0] === 'rateIndices') || keys[i - 1] === 'maxSegmentShare';

const WATERFALLS: readonly string[] = ['combined', 'interest', 'principal'];

/** A step's kind in words, as its row in the waterfall says it (a kind the file misspells is said as written). */
const STEP_WORDS: ReadonlyMap<string, MessageKey> = new Map(STEP_OPTIONS);

/** ['notes', 1, 'coupon', 'rate'] → "notes[].coupon.rate"; a record's key → `{}`; a step of any waterfall → `waterfall.*[]`. */
export function patternOf(keys: FieldPath): string {
  return keys.reduce<string>((out, key, i) => {
    if (typeof key === 'number') return `${out}[]`;
    if (isRecordKey(keys, i)) return `${out}{}`;
    if (i === 1 && keys[0] === 'waterfall' && WATERFALLS.includes(key) && typeof keys[2] === 'number') return `${out}.*`;
    return out === '' ? key : `${out}.${key}`;
  }, '');
}

/**
 * "$.notes[1].coupon.rate" → ['notes', 1, 'coupon', 'rate'], read against the draft: a record's key may
 * hold a "." or "[" (a segment named "a.b"), so the draft's own key the path goes on from is taken, the
 * longest first.
 */
export function keysOfPath(path: string, draft: DealDraft): (string | number)[] {
  const keys: (string | number)[] = [];
  let rest = path.startsWith('$') ? path.slice(1) : path;
  let value: Json | undefined = draft;
  while (rest !== '') {
    const index = /^\[(\d+)\]/.exec(rest);
    if (index) {
      const k = Number(index[1]);
      keys.push(k);
      value = Array.isArray(value) ? (value as readonly Json[])[k] : undefined;
      rest = rest.slice(index[0].length);
      continue;
    }
    if (!rest.startsWith('.')) break;
    rest = rest.slice(1);
    const known = Object.keys(fieldsOf(value))
      .filter((key) => rest.startsWith(key) && /^($|[.[])/.test(rest.slice(key.length)))
      .sort((a, b) => b.length - a.length)[0];
    const key = known ?? /^[^.[]*/.exec(rest)?.[0] ?? '';
    keys.push(key);
    value = isRecord(value) ? value[key] : undefined;
    rest = rest.slice(key.length);
  }
  return keys;
}

/** A note's, fee's or trigger's own name (its `name`, else its id, else its place in the list). */
function nameOf(item: Json | undefined, k: number): string {
  const { name, id } = fieldsOf(item);
  return typeof name === 'string' && name.trim() !== '' ? name : labelOf(id, String(k + 1));
}

const ITEMS: Readonly<Record<string, MessageKey>> = { notes: 'deal.editor.itemNote', fees: 'deal.editor.itemFee', triggers: 'deal.editor.itemTrigger' };

/** The editor's section of each top-level field: its title and data-testid. */
const SECTIONS: Readonly<Record<string, readonly [MessageKey, string]>> = {
  name: ['deal.editor.dealAndDates', 'editor-dates'],
  description: ['deal.editor.dealAndDates', 'editor-dates'],
  currency: ['deal.editor.dealAndDates', 'editor-dates'],
  dates: ['deal.editor.dealAndDates', 'editor-dates'],
  notes: ['deal.editor.notes', 'editor-notes'],
  rateIndices: ['deal.editor.rateIndices', 'editor-rate-indices'],
  fees: ['deal.editor.fees', 'editor-fees'],
  reserve: ['deal.editor.reserveAccount', 'editor-reserve'],
  triggers: ['deal.editor.triggers', 'editor-triggers'],
  defaultDefinition: ['deal.editor.defaultDefinition', 'editor-default-definition'],
  waterfall: ['deal.editor.priorityOfPayments', 'editor-waterfall'],
  revolving: ['deal.editor.revolvingPeriod', 'editor-revolving'],
  yieldSupplementOC: ['deal.editor.ysocSchedule', 'editor-yieldSupplementOC'],
  yieldSupplementOCFromPool: ['deal.editor.ysocFromPool', 'editor-yieldSupplementOCFromPool'],
  yieldSupplementAccount: ['deal.editor.ysAccount', 'editor-yieldSupplementAccount'],
  lossAllocation: ['deal.editor.lossesCleanUpCall', 'editor-options'],
  cumulativeRatioDenominator: ['deal.editor.lossesCleanUpCall', 'editor-options'],
  cleanUpCall: ['deal.editor.lossesCleanUpCall', 'editor-options'],
  payoutRounding: ['deal.editor.lossesCleanUpCall', 'editor-options'],
  analytics: ['deal.editor.lossesCleanUpCall', 'editor-options'],
};

/** Parts of the deal file the editor leaves as they are (edited elsewhere): named as the file checks name them. */
const FILE_PARTS: Readonly<Record<string, MessageKey>> = { schedulePool: 'msg.fileObject.schedulePool', assumptions: 'msg.fileObject.assumptions' };

/** What the path's value belongs to, and the section holding it. */
function ownerOf(keys: FieldPath, draft: DealDraft, t: Translate): { owner: string; section: string | null } {
  const [top, second, third] = keys;
  const section = typeof top === 'string' && Object.hasOwn(SECTIONS, top) ? SECTIONS[top] : undefined;
  if (typeof top === 'string' && Object.hasOwn(ITEMS, top) && typeof second === 'number') {
    const item = ITEMS[top] as MessageKey;
    return { owner: t(item, { id: nameOf(getAt(draft, [top, second]), second) }), section: section?.[1] ?? null };
  }
  if (top === 'waterfall' && typeof second === 'string' && WATERFALLS.includes(second)) {
    const waterfall = second as 'combined' | 'interest' | 'principal';
    if (typeof third !== 'number') return { owner: t(`deal.waterfall.${waterfall}`), section: 'editor-waterfall' };
    const kind = labelOf(fieldsOf(getAt(draft, keys.slice(0, 3)))['kind'], '');
    const words = STEP_WORDS.get(kind);
    const said = words === undefined ? kind : t(words);
    return { owner: t('deal.waterfall.step', { waterfall: t(`deal.waterfall.short.${waterfall}`), n: third + 1, kind: said }), section: 'editor-waterfall' };
  }
  if (top === 'revolving' && second === 'profile' && typeof third === 'number') return { owner: t('deal.editor.itemPurchaseLine', { line: third + 1 }), section: 'editor-revolving' };
  if (top === 'pool') {
    if (second === 'lines' && typeof third === 'number') return { owner: t('deal.editor.itemPoolLine', { n: third + 1 }), section: 'editor-pool' };
    const lines = getAt(draft, ['pool', 'lines']);
    return { owner: t('deal.editor.poolLines', { count: Array.isArray(lines) ? lines.length : 0 }), section: 'editor-pool' };
  }
  if (section) return { owner: t(section[0]), section: section[1] };
  if (typeof top === 'string' && Object.hasOwn(FILE_PARTS, top)) return { owner: t(FILE_PARTS[top] as MessageKey), section: null };
  return { owner: t('deal.dealFile'), section: null };
}

/** The part of a list field below it: a band (and its from / to period), a row's cell, a period; nothing for an id of a list of ids. */
function partsBelow(pattern: string, below: FieldPath, t: Translate): string[] {
  const [item, key] = below;
  if (typeof item !== 'number') return [];
  if (BANDS.has(pattern)) {
    const band = t('deal.editor.band', { value: item + 1 });
    if (key === 'fromPeriod') return [band, t('deal.editor.fromPeriod')];
    if (key === 'toPeriod') return [band, t('deal.editor.toPeriod')];
    return [band];
  }
  const columns = ROWS[pattern];
  if (columns) {
    const column = typeof key === 'string' && Object.hasOwn(columns, key) ? columns[key] : undefined;
    return column ? [cellLabel(t(column), item)] : [];
  }
  return PERIODS.has(pattern) ? [t('deal.issue.period', { n: item + 1 })] : [];
}

/** A problem's place on the form: its owner, and the field's label (with its part) found by the longest path the table knows. */
export function placeOfKeys(keys: FieldPath, draft: DealDraft, t: Translate): FieldPlace {
  const { owner, section } = ownerOf(keys, draft, t);
  for (let end = keys.length; end > 0; end -= 1) {
    const head = keys.slice(0, end);
    const pattern = patternOf(head);
    const label = Object.hasOwn(FIELD_LABELS, pattern) ? FIELD_LABELS[pattern] : undefined;
    if (label === undefined) continue;
    const said = typeof label === 'function' ? label({ keys: head, draft, t }) : t(label);
    return { owner, field: [said, ...partsBelow(pattern, keys.slice(end), t)], section };
  }
  return { owner, field: [], section };
}

/** The place of a problem at a JSON path ("$.notes[1].coupon.rate"). */
export function placeOf(path: string, draft: DealDraft, t: Translate): FieldPlace {
  return placeOfKeys(keysOfPath(path, draft), draft, t);
}

/** A label list said in one phrase: "Threshold, Band 2, To period" (「阈值，第 2 段，截止期」). */
export function partsText(parts: readonly string[], t: Translate): string {
  return parts.reduce((out, part) => (out === '' ? part : t('deal.issue.part', { field: out, part })), '');
}

/** "Note Class B — Coupon rate" (「证券 优先B档——票面利率」); the owner alone for a problem of the owner itself. */
export function whereText(place: FieldPlace, t: Translate): string {
  return place.field.length === 0 ? place.owner : t('deal.issue.where', { owner: place.owner, field: partsText(place.field, t) });
}

/** "Note Class B — Coupon rate: Enter a percentage between 0% and 100%." — a problem said after where it is (an item's heading is written in lower case: it starts the line here). */
export function saidAt(where: string, message: string, t: Translate): string {
  return t('deal.issue.at', { where: where.charAt(0).toUpperCase() + where.slice(1), message });
}

/** The parts of a field's label list past the field a problem is shown at: ["Band 2", "To period"] of a threshold's band, at the threshold. */
export function partBeyond(shownAt: readonly string[], field: readonly string[]): readonly string[] {
  return shownAt.every((label, k) => field[k] === label) ? field.slice(shownAt.length) : field;
}

/** The JSON paths from the problem's up to its top-level field: where to look for a control when the problem's own path has none. */
export function pathsUp(path: string, draft: DealDraft): string[] {
  const keys = keysOfPath(path, draft);
  return keys.map((_, k) => jsonPath(keys.slice(0, keys.length - k)));
}
