/**
 * A read-only view of a deal file (docs/schemas/deal.schema.json; engine/deal/types.ts documents
 * every field). The renderer sees the file only as JSON, so this reads it defensively: a field of
 * the wrong shape reads as absent and the service's validation says what is wrong.
 */
import { formatPct } from '../../app/format.ts';

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function list(x: unknown): readonly Json[] {
  return Array.isArray(x) ? x.filter(isObject) : [];
}

function text(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

function strings(x: unknown): readonly string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
}

export interface NoteView {
  readonly id: string;
  readonly name: string;
  readonly seniority: number;
  readonly originalBalance: number;
  readonly coupon: string;
  readonly dayCount: string;
}

export interface FeeView {
  readonly id: string;
  readonly name: string;
  readonly basis: string;
  readonly senior: boolean;
}

export interface TriggerView {
  readonly id: string;
  readonly name: string;
  readonly test: string;
  readonly effects: string;
  readonly curable: boolean;
}

export interface DealView {
  readonly name: string;
  readonly description: string;
  readonly dates: string;
  readonly notes: readonly NoteView[];
  readonly fees: readonly FeeView[];
  readonly reserve: string | null;
  readonly triggers: readonly TriggerView[];
  /** Each waterfall's steps in order, described ("Interest: A"). */
  readonly waterfalls: readonly { readonly title: string; readonly steps: readonly string[] }[];
  readonly lossAllocation: string;
  readonly revolving: string | null;
  readonly cleanUpCall: string | null;
  /** The deal's own pool: name, lines and balance; null when the file has none. */
  readonly pool: { readonly name: string; readonly lines: number; readonly balance: number } | null;
  readonly hasAssumptions: boolean;
}

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount in the deal's currency (a deal file names none: yuan for a Chinese deal, dollars for a US one). */
export function formatMoney(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : money.format(x);
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Amounts for chart axes: 1.2M, 350K. */
export function formatMoneyCompact(x: number): string {
  return compact.format(x);
}

function couponOf(coupon: unknown): string {
  if (!isObject(coupon)) return '—';
  if (coupon['type'] === 'fixed') return `${formatPct(num(coupon['rate']), 2)} fixed`;
  if (coupon['type'] === 'floating') {
    const parts = [`index + ${formatPct(num(coupon['margin']), 2)} floating`];
    if (num(coupon['floor']) !== undefined) parts.push(`floor ${formatPct(num(coupon['floor']), 2)}`);
    if (num(coupon['cap']) !== undefined) parts.push(`cap ${formatPct(num(coupon['cap']), 2)}`);
    return parts.join(', ');
  }
  return 'none (residual)';
}

function feeBasisOf(basis: unknown): string {
  if (!isObject(basis)) return '—';
  const dayCount = text(basis['dayCount']) ?? 'ACT/365';
  switch (basis['type']) {
    case 'poolBalance':
      return `${formatPct(num(basis['rateAnnual']), 2)} p.a. of the pool balance (${dayCount})`;
    case 'noteBalance': {
      const notes = strings(basis['notes']);
      return `${formatPct(num(basis['rateAnnual']), 2)} p.a. of ${notes.length > 0 ? notes.join(', ') : 'all notes'} (${dayCount})`;
    }
    case 'fixed':
      return `${formatMoney(num(basis['amount']))} each period`;
    case 'oneOff':
      return `${formatMoney(num(basis['amount']))} once, period ${num(basis['period']) ?? 1}`;
    default:
      return '—';
  }
}

export const METRIC_LABELS: Readonly<Record<string, string>> = {
  cumulativeDefaultRate: 'Cumulative default rate',
  delinquency60Plus: '60+ DPD ratio',
  delinquency90Plus: '90+ DPD ratio',
  reserveToTarget: 'Reserve ÷ target',
  poolFactor: 'Pool factor',
  excessSpreadAverage: '3-period average excess spread (annualised)',
  noteBalanceRatio: 'Note balance ÷ pool',
};

const EFFECT_LABELS: Readonly<Record<string, string>> = {
  sequential: 'switches principal to sequential',
  endRevolving: 'ends the revolving period',
  accelerate: 'accelerates (acceleration waterfall)',
  trapExcessSpread: 'traps excess spread in the reserve',
};

function thresholdOf(threshold: unknown): string {
  if (num(threshold) !== undefined) return formatPct(num(threshold), 2);
  return list(threshold)
    .map((band) => {
      const from = num(band['fromPeriod']) ?? 1;
      const to = num(band['toPeriod']);
      return `${formatPct(num(band['threshold']), 2)} ${to === undefined ? `from period ${from}` : `in periods ${from}–${to}`}`;
    })
    .join('; ');
}

function stepOf(step: Json, feeNames: ReadonlyMap<string, string>): string {
  const notes = strings(step['notes']);
  const notesText = notes.length > 0 ? notes.join(', ') : 'all notes';
  switch (step['kind']) {
    case 'fee': {
      const id = text(step['fee']) ?? '?';
      return `Fee: ${feeNames.get(id) ?? id}`;
    }
    case 'interest':
      return `Interest: ${notesText}`;
    case 'reserveTopUp':
      return 'Reserve top-up to its target';
    case 'principal': {
      const rule = { sequential: 'sequential', proRata: 'pro rata', proRataThenSequential: 'pro rata, sequential after a trigger' }[String(step['rule'])] ?? String(step['rule']);
      const amount = text(step['amount']) ?? 'principalDue';
      const amountText =
        amount === 'targetOC'
          ? `down to an OC target of ${formatPct(num(step['ocPercent']) ?? 0, 1)} of the pool (floor ${formatPct(num(step['ocFloor']) ?? 0, 1)} of cutoff)`
          : amount === 'available'
            ? 'all available funds'
            : 'the principal due';
      return `Principal (${rule}, ${amountText}): ${notesText}`;
    }
    case 'pdlCure':
      return 'PDL cure (clears principal deficiency, most senior first)';
    case 'turbo':
      return `Turbo: all remaining funds to ${notesText}, sequentially`;
    case 'residual':
      return `Residual to ${text(step['to']) ?? '?'}`;
    default:
      return String(step['kind']);
  }
}

/** The deal file as the structure summary shows it. */
export function dealView(file: unknown): DealView {
  const deal = isObject(file) ? file : {};
  const dates = isObject(deal['dates']) ? deal['dates'] : {};
  const frequency = num(dates['paymentFrequencyMonths']) ?? 1;
  const notes: NoteView[] = list(deal['notes'])
    .map((n) => ({
      id: text(n['id']) ?? '?',
      name: text(n['name']) ?? text(n['id']) ?? '?',
      seniority: num(n['seniority']) ?? 0,
      originalBalance: num(n['originalBalance']) ?? 0,
      coupon: couponOf(n['coupon']),
      dayCount: isObject(n['coupon']) && n['coupon']['type'] === 'none' ? '—' : (text(n['dayCount']) ?? 'ACT/365'),
    }))
    .sort((a, b) => a.seniority - b.seniority);
  const fees: FeeView[] = list(deal['fees']).map((f) => ({
    id: text(f['id']) ?? '?',
    name: text(f['name']) ?? text(f['id']) ?? '?',
    basis: feeBasisOf(f['basis']),
    senior: f['senior'] !== false,
  }));
  const feeNames = new Map(fees.map((f) => [f.id, f.name]));
  const reserve = isObject(deal['reserve']) ? deal['reserve'] : null;
  const target = reserve && isObject(reserve['target']) ? reserve['target'] : {};
  const targetNotes = strings(target['notes']);
  const reserveText = reserve
    ? [
        `initial deposit ${formatMoney(num(reserve['initialDeposit']))}`,
        `target ${formatPct(num(target['percent']), 2)} of the ${target['basis'] === 'initialNoteBalance' ? 'initial' : 'current'} balance of ${targetNotes.length > 0 ? targetNotes.join(', ') : 'all notes'}`,
        ...(num(target['floor']) !== undefined ? [`floor ${formatMoney(num(target['floor']))}`] : []),
        ...(num(target['cap']) !== undefined ? [`cap ${formatMoney(num(target['cap']))}`] : []),
      ].join(', ')
    : null;
  const triggers: TriggerView[] = list(deal['triggers']).map((t) => {
    const metric = text(t['metric']) ?? '?';
    return {
      id: text(t['id']) ?? '?',
      name: text(t['name']) ?? text(t['id']) ?? '?',
      test: `${METRIC_LABELS[metric] ?? metric} ${text(t['breachedWhen']) ?? '?'} ${thresholdOf(t['threshold'])}`,
      effects: strings(t['effects'])
        .map((e) => EFFECT_LABELS[e] ?? e)
        .join('; '),
      curable: t['curable'] === true,
    };
  });
  const waterfall = isObject(deal['waterfall']) ? deal['waterfall'] : {};
  const waterfalls = (
    [
      ['Combined priority of payments', waterfall['combined']],
      ['Interest waterfall', waterfall['interest']],
      ['Principal waterfall', waterfall['principal']],
    ] as const
  )
    .filter(([, steps]) => Array.isArray(steps))
    .map(([title, steps]) => ({ title, steps: list(steps).map((s) => stepOf(s, feeNames)) }));
  const revolving = isObject(deal['revolving']) ? deal['revolving'] : null;
  const revolvingText = revolving
    ? `${num(revolving['periods']) ?? '?'} periods buying ${list(revolving['profile']).length} purchase line(s) at price ${num(revolving['price']) ?? 1}` +
      (num(revolving['excessSpreadShare']) ? `; ${formatPct(num(revolving['excessSpreadShare']), 0)} of the residual also buys loans` : '')
    : null;
  const cleanUp = isObject(deal['cleanUpCall']) ? num(deal['cleanUpCall']['poolFactor']) : undefined;
  const pool = isObject(deal['pool']) ? deal['pool'] : null;
  const lines = pool ? list(pool['lines']) : [];
  return {
    name: text(deal['name']) ?? 'Deal',
    description: text(deal['description']) ?? '',
    dates: `cutoff ${text(dates['cutoff']) ?? '?'} · closing ${text(dates['closing']) ?? '?'} · first payment ${text(dates['firstPaymentDate']) ?? '?'} · ${frequency === 1 ? 'monthly' : `every ${frequency} months`} · legal final ${text(dates['legalFinalMaturity']) ?? '?'}`,
    notes,
    fees,
    reserve: reserveText,
    triggers,
    waterfalls,
    lossAllocation: deal['lossAllocation'] === 'pdl' ? 'principal deficiency ledger (PDL)' : 'write-down',
    revolving: revolvingText,
    cleanUpCall: cleanUp === undefined ? null : `at pool factor ≤ ${formatPct(cleanUp, 0)}`,
    pool: pool ? { name: text(pool['name']) ?? 'Deal pool', lines: lines.length, balance: lines.reduce((sum, l) => sum + (num(l['balance']) ?? 0), 0) } : null,
    hasAssumptions: isObject(deal['assumptions']),
  };
}
