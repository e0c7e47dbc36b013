import type { AssumptionFile, StaticPoolFitRequest, StaticPoolFitResult, TapeSource } from '../../../../service/api/contract.ts';

/** The loans' schedule the CPR fit needs, as the form holds it (text inputs, % for the rate). */
export interface ScheduleChoices {
  readonly amortization: '' | 'level_payment' | 'equal_principal' | 'flat_fee' | 'interest_only';
  readonly termMonths: string;
  readonly ratePct: string;
  readonly includeRollRates: boolean;
}

export const SCHEDULE_DEFAULTS: ScheduleChoices = { amortization: 'level_payment', termMonths: '12', ratePct: '18', includeRollRates: false };

export interface ChosenFile {
  readonly source: TapeSource;
  readonly fileName: string;
}

/** The fit request; the service checks the numbers and names what is missing. */
export function fitRequest(files: readonly ChosenFile[], choices: ScheduleChoices): StaticPoolFitRequest {
  const term = Number(choices.termMonths);
  const rate = Number(choices.ratePct) / 100;
  return {
    files: files.map((f) => ({ source: f.source })),
    ...(choices.amortization === '' ? {} : { amortization: choices.amortization }),
    ...(choices.amortization !== '' && choices.termMonths.trim() !== '' && Number.isFinite(term) ? { termMonths: term } : {}),
    ...(choices.amortization !== '' && choices.ratePct.trim() !== '' && Number.isFinite(rate) ? { rateAnnual: rate } : {}),
    ...(choices.includeRollRates ? { includeRollRates: true } : {}),
  };
}

/** One point per month on book: each vintage's observed cumulative default (%), and the fitted pool curve (lifetime × share developed, %). */
export function cumulativeDefaultRows(result: StaticPoolFitResult): Record<string, number>[] {
  const months = Math.max(result.fit.developed.length, ...result.vintages.map((v) => v.cumulativeDefault.length));
  return Array.from({ length: months }, (_, i) => {
    const row: Record<string, number> = { month: i + 1, fitted: result.fit.lifetimeDefault * (result.fit.developed[i] ?? 1) * 100 };
    for (const v of result.vintages) {
      const value = v.cumulativeDefault[i];
      if (value !== undefined) row[v.vintage] = value * 100;
    }
    return row;
  });
}

/** The fitted CPR by month on book (annual %), months without an estimate left out. */
export function cprRows(result: StaticPoolFitResult): { month: number; cpr: number }[] {
  return result.fit.cpr.flatMap((cpr, i) => (cpr === null ? [] : [{ month: i + 1, cpr: cpr * 100 }]));
}

/** A vintage's line colour: oldest blue to newest amber, so seasoning reads at a glance. */
export function vintageColor(index: number, count: number): string {
  const t = count <= 1 ? 0 : index / (count - 1);
  const hue = 215 - t * 175;
  return `hsl(${hue.toFixed(0)} 55% 50%)`;
}

type Source = NonNullable<AssumptionFile['source']>;

function strings(x: unknown): boolean {
  return Array.isArray(x) && x.length > 0 && x.every((item) => typeof item === 'string');
}

/** The `source` of a draft being edited (any JSON), when it has the shape a static-pool fit writes; else null. */
export function sourceOf(file: unknown): Source | null {
  if (typeof file !== 'object' || file === null || !('source' in file)) return null;
  const source: unknown = file.source;
  if (typeof source !== 'object' || source === null) return null;
  const { kind, files, vintages, fittedAt } = source as Record<string, unknown>;
  return kind === 'staticPool' && strings(files) && strings(vintages) && typeof fittedAt === 'string' ? (source as Source) : null;
}

/** The pool's defaultTiming lifetime rate of a draft (any JSON), or null (the form does not show defaultTiming). */
export function lifetimeDefaultOf(file: unknown): number | null {
  if (typeof file !== 'object' || file === null || !('pool' in file)) return null;
  const pool: unknown = file.pool;
  if (typeof pool !== 'object' || pool === null || !('defaultTiming' in pool)) return null;
  const timing: unknown = pool.defaultTiming;
  if (typeof timing !== 'object' || timing === null || !('cumulativeDefaultRate' in timing)) return null;
  return typeof timing.cumulativeDefaultRate === 'number' ? timing.cumulativeDefaultRate : null;
}
