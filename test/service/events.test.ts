import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DealResult } from '../../engine/index.ts';
import { checkAssumptions, readAssumptionFile } from '../../service/files/assumption-file.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { EVENT_SCHEMA } from '../../service/files/event-schema.ts';
import { prepareDeal, runPrepared } from '../../service/runs/prepare-deal.ts';
import { purchaseMix } from '../../service/runs/purchase-mix.ts';
import { readPoolFile } from '../../service/files/pool-file.ts';
import { projectInput, projectionCsv } from '../../service/runs/projection.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

// Event stresses in an assumption file (`events`) and in deal runs on the shipped consumer template
// (docs/assumptions.md, "Event stresses").

const template = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')) as { assumptions: Record<string, unknown> };
const consumer = readDealFile(template);
const names = { segments: ['salaried', 'self_employed', 'gig'], products: [] };
const withEvents = (events: unknown[]): Record<string, unknown> => ({ ...template.assumptions, events });

/** The file with a good block, then `event`, is refused with a message matching `pattern`. */
function refused(event: Record<string, unknown>, pattern: RegExp): void {
  expect(() => readAssumptionFile(withEvents([{ type: 'outage', month: 4, days: 10, share: 0.5, cureShare: 1 }, event]), names)).toThrow(pattern);
}

describe('events in the assumption file', () => {
  it('reads each block and maps its segment (a value or a position in the pool’s list)', () => {
    const read = readAssumptionFile(
      withEvents([
        { type: 'paymentHoliday', segment: 'gig', share: 0.2, fromMonth: 3, months: 3, interest: 'capitalised', restructured: 'ownCurve', restructuredDefault: '20 CDR' },
        { type: 'outage', month: 4, days: 10, share: 0.6, cureShare: 0.8, waivePenalty: true },
        { type: 'segmentShock', segment: 1, fromMonth: 6, rollInMultiplier: 3, defaultMultiplier: 3, halfLifeMonths: 6 },
      ]),
      names,
    );
    expect(read.events.map((e) => [e.event.type, e.segment])).toEqual([
      ['paymentHoliday', 'gig'],
      ['outage', null],
      ['segmentShock', 1],
    ]);
    // The block's schema is exported on its own (for scenario files).
    expect(EVENT_SCHEMA.safeParse({ type: 'outage', month: 4, days: 10, share: 0.6, cureShare: 0.8 }).success).toBe(true);
  });

  it('refuses bad blocks at their JSON path', () => {
    refused({ type: 'outage', month: 4, days: 10, share: 1.5, cureShare: 1 }, /^Assumptions \$\.events\[1\]\.share: /);
    refused({ type: 'outage', month: 4, days: 40, share: 0.5, cureShare: 1 }, /^Assumptions \$\.events\[1\]\.days: days must be a whole number from 1 to 31/);
    refused({ type: 'paymentHoliday', share: 0.1, fromMonth: 38, months: 3, interest: 'waived' }, /^Assumptions \$\.events\[1\]\.fromMonth: month 38 is after the projection’s last month \(37\)/);
    // A segment the pool lacks: the shock stresses no loan, listed for the run's warning rather than refused.
    const retired = readAssumptionFile(withEvents([{ type: 'segmentShock', segment: 'retired', fromMonth: 2, rollInMultiplier: 2, defaultMultiplier: 2 }]), names);
    expect(retired.unmatched).toEqual([{ path: '$.events[0].segment', kind: 'segment', name: 'retired' }]);
    refused({ type: 'segmentShock', segment: 3, fromMonth: 2, rollInMultiplier: 2, defaultMultiplier: 2 }, /^Assumptions \$\.events\[1\]\.segment: the pool has no segment at position 3/);
    refused(
      { type: 'paymentHoliday', share: 0.1, fromMonth: 2, months: 3, interest: 'waived', restructured: 'ownCurve' },
      /^Assumptions \$\.events\[1\]\.restructuredDefault: restructured "ownCurve" needs/,
    );
    refused(
      { type: 'paymentHoliday', share: 0.1, fromMonth: 2, months: 3, interest: 'waived', restructured: 'ownCurve', restructuredDefault: '20 PSA' },
      /^Assumptions \$\.events\[1\]\.restructuredDefault: /,
    );
    refused({ type: 'paymentHoliday', share: 0.1, fromMonth: 2, months: 3, interest: 'forgiven' }, /^Assumptions \$\.events\[1\]\.interest: /);
    refused({ type: 'segmentShock', segment: 'gig', fromMonth: 2, rollInMultiplier: 2, defaultMultiplier: 2, purchaseMixShift: 1.5 }, /^Assumptions \$\.events\[1\]\.purchaseMixShift: /);
    refused({ type: 'rateShock' }, /^Assumptions \$\.events\[1\]\.type: /);
    // A segment shock names its segment.
    refused({ type: 'segmentShock', fromMonth: 2, rollInMultiplier: 2, defaultMultiplier: 2 }, /^Assumptions \$\.events\[1\]\.segment: /);
  });

  it('checks the segment names only against a pool; without one the file reads', () => {
    expect(checkAssumptions(withEvents([{ type: 'segmentShock', segment: 'retired', fromMonth: 2, rollInMultiplier: 2, defaultMultiplier: 2 }])).months).toBe(37);
  });
});

/** Collections of a period: interest, penalty interest, scheduled principal and prepayments. */
const collected = (result: DealResult, period: number): number => {
  const pool = result.periods[period - 1]?.pool;
  return (pool?.interest ?? 0) + (pool?.penaltyInterest ?? 0) + (pool?.scheduledPrincipal ?? 0) + (pool?.prepayments ?? 0);
};

describe('a deal run on the consumer template under each event reconciles to the cent', () => {
  const base = runPrepared(prepareDeal(consumer, null, template.assumptions)).result;
  const run = (events: unknown[]): DealResult => runPrepared(prepareDeal(consumer, null, withEvents(events))).result;
  const cases: [string, unknown[]][] = [
    ['holiday, interest waived', [{ type: 'paymentHoliday', share: 0.3, fromMonth: 3, months: 3, interest: 'waived' }]],
    ['holiday, interest accrued, restructured defaulted', [{ type: 'paymentHoliday', share: 0.3, fromMonth: 3, months: 3, interest: 'accrued', restructured: 'defaulted' }]],
    [
      'holiday, interest capitalised, restructured on their own curve',
      [{ type: 'paymentHoliday', segment: 'gig', share: 0.5, fromMonth: 3, months: 6, interest: 'capitalised', restructured: 'ownCurve', restructuredDefault: '30 CDR' }],
    ],
    ['outage', [{ type: 'outage', month: 3, days: 15, share: 1, cureShare: 0.8, waivePenalty: true }]],
    ['segment shock', [{ type: 'segmentShock', segment: 'gig', fromMonth: 4, rollInMultiplier: 3, defaultMultiplier: 3, halfLifeMonths: 6 }]],
  ];
  for (const [name, events] of cases) {
    it(name, () => {
      // runDeal reconciles every period (money in = money out to the cent) or throws.
      const result = run(events);
      expect(result.periods.length).toBeGreaterThan(0);
      // The first two periods are before every event: the same as the base run.
      expect(result.periods.slice(0, 2)).toEqual(base.periods.slice(0, 2));
      expect(result.periods).not.toEqual(base.periods);
      for (const period of result.periods) {
        for (const note of period.notes) expect(note.endingBalance).toBeGreaterThanOrEqual(0);
      }
    });
  }

  it('events stay under a CDR override (abs run --default, a CDR breakeven’s stress)', () => {
    const outage = [{ type: 'outage', month: 3, days: 15, share: 1, cureShare: 1, waivePenalty: true }];
    const stressed = runPrepared(prepareDeal(consumer, null, withEvents(outage), { default: '3 CDR' })).result;
    const plain = runPrepared(prepareDeal(consumer, null, template.assumptions, { default: '3 CDR' })).result;
    expect(collected(stressed, 3)).toBeLessThan(collected(plain, 3) - 10_000_000);
  });

  it('the outage: month 3’s collections drop, month 4’s recover', () => {
    const hit = run([{ type: 'outage', month: 3, days: 15, share: 1, cureShare: 1, waivePenalty: true }]);
    expect(collected(hit, 3)).toBeLessThan(collected(base, 3) - 10_000_000);
    expect(collected(hit, 4)).toBeGreaterThan(collected(base, 4) + 10_000_000);
  });
});

// One ¥600,000 equal-principal (等额本金) loan at 12% over 6 months, passed through to one note, on 30/360.
const oneLoan = {
  name: 'One loan',
  dates: { cutoff: '2025-01-01', closing: '2025-01-10', firstPaymentDate: '2025-02-15', legalFinalMaturity: '2026-12-15' },
  notes: [{ id: 'A', seniority: 1, originalBalance: 600_000, coupon: { type: 'fixed', rate: 0.03 } }],
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['A'] },
      { kind: 'principal', notes: ['A'], rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
  pool: { lines: [{ id: 'six', amortization: 'equal_principal', balance: 600_000, rate: 0.12, originalTerm: 6, remainingTerm: 6 }] },
  assumptions: { months: 24, pool: {} },
};

describe('capitalised holiday interest in the deal’s pool ledger', () => {
  it('the 15,000 capitalised (1% × 500,000 × 3 months) is principal in: the pool pays 615,000 of principal and ends at zero', () => {
    const events = [{ type: 'paymentHoliday', share: 1, fromMonth: 2, months: 3, interest: 'capitalised' }];
    const { result } = runPrepared(prepareDeal(readDealFile(oneLoan), null, { ...oneLoan.assumptions, events }));
    const principal = result.periods.map((p) => p.pool.scheduledPrincipal);
    expect(principal.slice(0, 9)).toEqual([100_000, 0, 0, 0, 103_000, 103_000, 103_000, 103_000, 103_000]);
    expect(principal.reduce((a, b) => a + b, 0)).toBe(615_000);
    expect(result.periods.slice(0, 9).map((p) => p.pool.endingBalance)).toEqual([500_000, 500_000, 500_000, 500_000, 412_000, 309_000, 206_000, 103_000, 0]);
    expect(result.periods[8]?.notes[0]?.endingBalance).toBe(0);
  });
});

/** A gig shock from month 4 (× 3), with `over`. */
function shock(over: Record<string, unknown>): unknown[] {
  return [{ type: 'segmentShock', segment: 'gig', fromMonth: 4, rollInMultiplier: 3, defaultMultiplier: 3, ...over }];
}

/** Gross defaults over the deal's life. */
function defaults(result: DealResult): number {
  return result.periods.reduce((sum, p) => sum + p.pool.defaults, 0);
}

describe('a segment shock’s purchase-mix shift (revolving purchases tilt toward the segment)', () => {
  // The template's profile: salaried 0.45 and 0.2, self-employed 0.2, gig 0.15.
  const profile = [
    { segment: 'salaried', share: 0.45 },
    { segment: 'salaried', share: 0.2 },
    { segment: 'self_employed', share: 0.2 },
    { segment: 'gig', share: 0.15 },
  ];
  const mixOf = (over: Record<string, unknown>, lines: typeof profile | null = profile) => purchaseMix(readAssumptionFile(withEvents(shock(over)), names).events, names.segments, lines);

  it('moves x of the other lines’ part to the segment, decaying with the half-life (hand-computed shares)', () => {
    const mix = mixOf({ purchaseMixShift: 0.5, halfLifeMonths: 6 });
    if (mix === null) throw new Error('no mix');
    // Before month 4: the profile's own. Month 4: gig 0.15 + 0.5 × 0.85 = 0.575, the others × 0.5.
    expect(mix(3)).toBeUndefined();
    const at = (month: number): number[] => (mix(month) ?? []).map((share) => Math.round(share * 1e12) / 1e12);
    expect(at(4)).toEqual([0.225, 0.1, 0.1, 0.575]);
    // Month 10, one half-life on: x = 0.25 — gig 0.15 + 0.25 × 0.85 = 0.3625, the others × 0.75.
    expect(at(10)).toEqual([0.3375, 0.15, 0.15, 0.3625]);
    expect(mixOf({})).toBeNull();
  });

  it('is refused at its path when there is nothing to tilt', () => {
    expect(() => mixOf({ purchaseMixShift: 0.5 }, profile.slice(0, 3))).toThrow(/^Assumptions \$\.events\[0\]\.purchaseMixShift: the purchase profile has no line of segment "gig"/);
    expect(() => mixOf({ purchaseMixShift: 0.5 }, null)).toThrow(/^Assumptions \$\.events\[0\]\.purchaseMixShift: the deal has no revolving purchases to tilt/);
  });

  it('a deal run on the consumer template buys more gig loans, reconciles, and defaults more than the shock without the shift', () => {
    const plain = runPrepared(prepareDeal(consumer, null, withEvents(shock({})))).result;
    const shifted = runPrepared(prepareDeal(consumer, null, withEvents(shock({ purchaseMixShift: 0.5 })))).result;
    expect(shifted.periods.slice(0, 3)).toEqual(plain.periods.slice(0, 3));
    expect(defaults(shifted)).toBeGreaterThan(defaults(plain));
  });
});

describe('a projection reports capitalised holiday interest', () => {
  it('as a row field and a CSV column: 15,000 in month 5 (1% × 500,000 × 3 months)', () => {
    const input = readPoolFile({ cutoffDate: '2025-01-01', lines: oneLoan.pool.lines });
    const events = [{ type: 'paymentHoliday', share: 1, fromMonth: 2, months: 3, interest: 'capitalised' }];
    const result = projectInput(input, { months: 9, pool: {}, events });
    expect(result.rows.map((row) => row.capitalisedInterest)).toEqual([0, 0, 0, 0, 15_000, 0, 0, 0, 0]);
    const csv = projectionCsv(result).split('\n');
    const column = csv[0]?.split(',').indexOf('Holiday interest capitalised (¥)') ?? -1;
    expect(column).toBeGreaterThan(0);
    expect(csv[5]?.split(',')[column]).toBe('15000');
  });
});

describe('the shipped example (docs/examples/assumptions-consumer-events.json) on the example pool of lines', () => {
  it('reads, and each event shows where it should: the gig holiday in months 3–5, the outage in month 6 and its cure in month 7', () => {
    const input = readPoolFile(JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'examples', 'pool-consumer-lines.json'), 'utf8')));
    const example = JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'examples', 'assumptions-consumer-events.json'), 'utf8')) as { events: unknown[] };
    const base = projectInput(input, { ...example, events: [] });
    const stressed = projectInput(input, example);
    const cash = (rows: typeof base.rows, month: number): number => {
      const row = rows[month - 1];
      return (row?.interestCollected ?? 0) + (row?.scheduledPrincipal ?? 0) + (row?.prepayments ?? 0);
    };
    expect(cash(stressed.rows, 1)).toBe(cash(base.rows, 1));
    expect(cash(stressed.rows, 3)).toBeLessThan(cash(base.rows, 3));
    expect(cash(stressed.rows, 6)).toBeLessThan(cash(base.rows, 6) * 0.6);
    expect(cash(stressed.rows, 7)).toBeGreaterThan(cash(base.rows, 7));
  });
});
