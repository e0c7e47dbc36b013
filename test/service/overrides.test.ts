import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocateLoanArrays } from '../../engine/index.ts';
import { assumptionGroups } from '../../service/runs/assumption-groups.ts';
import { checkAssumptions, readAssumptionFile, readAssumptions } from '../../service/files/assumption-file.ts';
import type { AssumptionFile, PoolFile, ProjectionRequest, ProjectionResult } from '../../service/api/contract.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { projectionError, runProjection, useSampleTape } from '../helpers/service.ts';

/**
 * Override rules of the assumption file (docs/assumptions.md): a loan's assumptions are the
 * pool's, then its segment's, then every rule it matches in file order, merged field by field.
 * The sample tape holds both products (现金贷 cash loans, 分期 installment loans), four amortization types and
 * terms of 3 to 36 months. Expected amounts come from SQL over the imported loans table.
 */
const EXAMPLE = join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json');
/** A shipped assumption file as the service reads it. */
const shipped = (path: string): AssumptionFile => checkAssumptions(JSON.parse(readFileSync(path, 'utf8'))).assumptions;
const example = (): AssumptionFile => shipped(EXAMPLE);
type Rule = NonNullable<AssumptionFile['overrides']>[number];
const sample = useSampleTape({ loans: 3000, seed: 11 });
const project = (request: ProjectionRequest): Promise<ProjectionResult> => runProjection(sample.service(), request);
const projectError = (request: ProjectionRequest): Promise<string> => projectionError(sample.service(), request);

/** Σ current principal of the tape's loans WHERE `where` (SQL over the loans table of migration 002). */
function balance(where: string): number {
  const { db } = sample.service().requireWorkspace();
  return Number(db.prepare(`SELECT coalesce(sum(current_principal), 0) FROM loans WHERE tape_id = ? AND ${where}`).pluck().get(sample.tapeId()));
}

// The sample tape writes its products in Chinese (data/sample/write.ts): the tape's values are what rules match.
const CASH = '现金贷';
const INSTALLMENT = '分期';
const tape = (): ProjectionRequest['source'] => ({ kind: 'tape', tapeId: sample.tapeId() });
// Deliberately bad files, cast to the type they fail: pool.project reads what it is sent in full, as a caller that lies would find.
const bad = (overrides: unknown[]): Promise<string> => projectError({ source: tape(), assumptions: { months: 12, pool: {}, overrides } as AssumptionFile });
const month1 = (result: ProjectionResult): NonNullable<ProjectionResult['rows'][number]> => {
  const row = result.rows[0];
  if (!row) throw new Error('no month 1');
  return row;
};

/** Month-1 prepayments of a projection with the given rules over `pool` assumptions (default none). */
async function prepayments1(source: ProjectionRequest['source'], overrides: Rule[], pool: AssumptionFile['pool'] = {}): Promise<number> {
  return month1(await project({ source, assumptions: { months: 3, pool, overrides } })).prepayments;
}

// Interest-only (先息后本) loans pay no principal before their bullet: a current one with two or
// more installments left has no scheduled principal in month 1, so at SMM 1 (100 CPR: 1 − (1 − 1)^(1/12))
// it prepays its whole balance in month 1. Delinquent loans (no roll-rate matrix) pay nothing.
const CASH_IO_CURRENT = `product = '${CASH}' AND amortization = 'interest_only' AND days_past_due = 0 AND remaining_term >= 2`;

describe('override rules over a tape', () => {
  it('a rule by product and amortization changes only the loans it matches: month-1 prepayments are their balance', async () => {
    expect(balance(`product = '${CASH}'`)).toBeGreaterThan(0);
    expect(balance(`product = '${INSTALLMENT}'`)).toBeGreaterThan(0);
    const expected = balance(CASH_IO_CURRENT);
    expect(expected).toBeGreaterThan(0);
    const rule: Rule = { match: { product: CASH, amortization: 'interest_only' }, prepayment: '100 CPR' };
    const result = await project({ source: tape(), assumptions: { months: 3, pool: {}, overrides: [rule] } });
    expect(month1(result).prepayments).toBeCloseTo(expected, 2);
    // Without the rule nothing prepays; with it as a list of one value, the same.
    expect(month1(await project({ source: tape(), assumptions: { months: 3, pool: {} } })).prepayments).toBe(0);
    const listed: Rule = { ...rule, match: { product: [CASH], amortization: ['interest_only'] } };
    expect(month1(await project({ source: tape(), assumptions: { months: 3, pool: {}, overrides: [listed] } })).prepayments).toBeCloseTo(expected, 2);
  });

  it('a rule by product alone: the two products’ month-1 prepayments add up to the pool-wide run and stay within each product’s balance', async () => {
    const cash = await prepayments1(tape(), [{ match: { product: CASH }, prepayment: '100 CPR' }]);
    const installment = await prepayments1(tape(), [{ match: { product: INSTALLMENT }, prepayment: '100 CPR' }]);
    const all = await prepayments1(tape(), [], { prepayment: '100 CPR' });
    expect(cash + installment).toBeCloseTo(all, 1);
    expect(cash).toBeGreaterThan(balance(CASH_IO_CURRENT));
    expect(cash).toBeLessThanOrEqual(balance(`product = '${CASH}' AND days_past_due = 0`));
    expect(installment).toBeLessThanOrEqual(balance(`product = '${INSTALLMENT}' AND days_past_due = 0`));
    expect(installment).toBeGreaterThan(0);
  });

  it('original terms: a list matches any of its terms (OR) and the keys combine (AND)', async () => {
    const terms = [3, 6];
    const rule: Rule = { match: { product: CASH, amortization: 'interest_only', originalTerm: terms }, prepayment: '100 CPR' };
    const result = await project({ source: tape(), assumptions: { months: 3, pool: {}, overrides: [rule] } });
    const expected = balance(`${CASH_IO_CURRENT} AND original_term IN (3, 6)`);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(balance(CASH_IO_CURRENT));
    expect(month1(result).prepayments).toBeCloseTo(expected, 2);
  });

  it('rules apply in file order, field by field: a later rule’s field wins, the fields it omits keep the earlier rule’s', async () => {
    const first: Rule = { match: { product: CASH, amortization: 'interest_only' }, prepayment: '100 CPR', servicingFeeRate: 0.12 };
    const second: Rule = { match: { amortization: 'interest_only' }, prepayment: '0 CPR' };
    const later = month1(await project({ source: tape(), assumptions: { months: 3, pool: {}, overrides: [first, second] } }));
    expect(later.prepayments).toBe(0);
    // The servicing strip of the first rule stays: 12% × 1/12 (30/360) on the matched loans' balance
    // (every cash interest-only loan that is not charged off at cutoff, i.e. at most 180 DPD).
    const stripped = balance(`product = '${CASH}' AND amortization = 'interest_only' AND days_past_due <= 180`);
    expect(later.servicingFee).toBeCloseTo((0.12 / 12) * stripped, 1);
    const swapped = month1(await project({ source: tape(), assumptions: { months: 3, pool: {}, overrides: [second, first] } }));
    expect(swapped.prepayments).toBeCloseTo(balance(CASH_IO_CURRENT), 2);
    expect(swapped.servicingFee).toBeCloseTo(later.servicingFee, 2);
  });

  it('segments apply before the rules, and a rule overrides a segment’s field', async () => {
    const pool = {};
    const segments = { gig: { prepayment: '100 CPR' } };
    const gigIo = "segment = 'gig' AND amortization = 'interest_only' AND days_past_due = 0 AND remaining_term >= 2";
    const rule = { match: { segment: 'gig', product: INSTALLMENT }, prepayment: '0 CPR' };
    const bySegment = month1(await project({ source: tape(), assumptions: { months: 3, pool, segments, overrides: [{ match: { amortization: 'interest_only' } }] } }));
    expect(bySegment.prepayments).toBeGreaterThan(balance(gigIo));
    const zeroed = month1(
      await project({
        source: tape(),
        assumptions: {
          months: 3,
          pool,
          segments: { gig: { prepayment: '100 CPR' } },
          overrides: [rule, { match: { amortization: ['level_payment', 'equal_principal', 'flat_fee'] }, prepayment: '0 CPR' }],
        },
      }),
    );
    // Left prepaying: gig interest-only loans not of the installment product (cash loans).
    expect(zeroed.prepayments).toBeCloseTo(balance(`${gigIo} AND product <> '${INSTALLMENT}'`), 2);
  });

  it('errors name the JSON path: bad values, bad keys; an unknown segment or product matches no loan', async () => {
    const ok: Rule = { match: { product: CASH }, prepayment: '5 CPR' };
    // A rule on a product or segment the tape lacks matches no loan (the deal run warns of it: test/service/unmatched-segments.test.ts).
    const unmatched = readAssumptionFile(
      { months: 12, pool: {}, overrides: [ok, { match: { product: 'mortgage' } }, { match: { segment: ['gig', 'retired'] } }] },
      { segments: ['gig'], products: [CASH] },
    );
    expect(unmatched.unmatched.map((u) => u.path)).toEqual(['$.overrides[1].match.product', '$.overrides[2].match.segment']);
    expect(await bad([ok, { match: {}, prepayment: '5 CPM' }])).toMatch(/^Assumptions \$\.overrides\[1\]\.prepayment: /);
    expect(await bad([{ match: { originalTerm: 3.5 } }])).toMatch(/^Assumptions \$\.overrides\[0\]\.match\.originalTerm: /);
    expect(await bad([{ match: { amortization: 'balloon' } }])).toMatch(/^Assumptions \$\.overrides\[0\]\.match\.amortization: /);
    // An unknown key at its own path, with the fields the match could still have (service/files/schema-issues.ts).
    expect(await bad([{ match: { term: 3 } }])).toMatch(/^Assumptions \$\.overrides\[0\]\.match\.term: not a field of .*originalTerm/);
    expect(await bad([{ prepayment: '5 CPR' }])).toMatch(/^Assumptions \$\.overrides\[0\]\.match: /);
    expect(await bad([{ match: { product: [] } }])).toMatch(/^Assumptions \$\.overrides\[0\]\.match\.product: /);
    // assumptions.check with a tape says it by code, naming the tape's products.
    const checked = await sample.service().call('assumptions.check', { assumptions: { months: 12, pool: {}, overrides: [{ match: { product: 'mortgage' } }] }, tapeId: sample.tapeId() });
    expect(checked).toMatchObject({ ok: true, value: { warnings: [{ code: 'assumptions.unmatchedProducts', params: { names: 'mortgage', paths: '$.overrides[0].match.product' } }] } });
    expect(await sample.service().call('assumptions.check', { assumptions: { months: 12, pool: {}, overrides: [ok] }, tapeId: sample.tapeId() })).toEqual({
      ok: true,
      value: { months: 12, segments: [], assumptions: { months: 12, pool: {}, overrides: [ok] }, impliedDelinquency: [], notes: [], warnings: [] },
    });
    // Without a pool, names cannot be checked: the shape is.
    expect(await sample.service().call('assumptions.check', { assumptions: { months: 12, pool: {}, overrides: [{ match: { product: 'mortgage' } }] } })).toMatchObject({ ok: true });
  });

  it('the shipped example with rules (docs/examples/assumptions-consumer-overrides.json): loan level and representative lines agree within 0.5% a month', async () => {
    const assumptions = shipped(join(REPO_ROOT, 'docs', 'examples', 'assumptions-consumer-overrides.json'));
    const loan = await project({ source: tape(), assumptions });
    const lines = await project({ source: tape(), assumptions, mode: 'repline' });
    const plain = await project({ source: tape(), assumptions: example() });
    expect(loan.rows[0]?.prepayments).not.toBeCloseTo(plain.rows[0]?.prepayments ?? 0, 0);
    expect(lines.lines?.reduce((n, l) => n + l.loans, 0)).toBe(3000);
    // Lines keep products apart only when a rule matches on product (fewer lines otherwise).
    const bySegment = await project({ source: tape(), assumptions: example(), mode: 'repline' });
    expect(lines.lines?.length).toBeGreaterThan(bySegment.lines?.length ?? Infinity);
    lines.rows.forEach((row, t) => {
      const exact = loan.rows[t];
      if (!exact) throw new Error('rows differ in length');
      for (const pick of [
        (r: typeof row): number => r.scheduledPrincipal + r.prepayments,
        (r: typeof row): number => r.interestCollected + r.penaltyInterest,
        (r: typeof row): number => r.defaults,
        (r: typeof row): number => r.servicingFee,
      ]) {
        if (pick(exact) > 100) expect(Math.abs(pick(row) - pick(exact)) / pick(exact)).toBeLessThan(0.005);
      }
    });
  });
});

describe('override rules over a pool file', () => {
  const line: PoolFile['lines'][number] = { segment: 'salaried', amortization: 'interest_only', balance: 100_000, rate: 0.18, originalTerm: 12, remainingTerm: 6, loans: 10 };
  const pool: PoolFile = {
    cutoffDate: '2026-09-30',
    lines: [
      { ...line, id: 'cash', product: 'cash_loan' },
      { ...line, id: 'installment', product: 'installment', balance: 50_000 },
      { ...line, id: 'no product', balance: 20_000 },
    ],
  };

  it('matches lines by product: month-1 prepayments are the matched lines’ balances', async () => {
    expect(await prepayments1({ kind: 'lines', pool }, [{ match: { product: 'cash_loan' }, prepayment: '100 CPR' }])).toBeCloseTo(100_000, 2);
    expect(await prepayments1({ kind: 'lines', pool }, [{ match: { product: ['installment', ''] }, prepayment: '100 CPR' }])).toBeCloseTo(70_000, 2);
    expect(await prepayments1({ kind: 'lines', pool }, [{ match: { product: 'cash_loan', originalTerm: 6 }, prepayment: '100 CPR' }])).toBe(0);
    expect(
      await prepayments1({ kind: 'lines', pool }, [
        { match: {}, prepayment: '100 CPR' },
        { match: { product: 'installment' }, prepayment: '0 CPR' },
      ]),
    ).toBeCloseTo(120_000, 2);
  });

  it('a rule on a product the pool file has not matches no line: the projection is the one without it', async () => {
    expect(await prepayments1({ kind: 'lines', pool }, [{ match: { product: 'auto' }, prepayment: '100 CPR' }])).toBe(await prepayments1({ kind: 'lines', pool }, []));
  });
});

describe('assumption groups', () => {
  const names = { segments: ['salaried', 'gig'], products: ['cash_loan', 'installment'] };
  const pool = (): Parameters<typeof assumptionGroups>[1] => {
    const loans = allocateLoanArrays(6);
    loans.segment.set([0, 1, 0, 1, 0, 1]);
    loans.originalTerm.set([3, 3, 6, 6, 12, 12]);
    return { loans, segmentNames: names.segments, product: Uint8Array.from([0, 0, 1, 1, 0, 1]), productNames: names.products };
  };

  it('without rules, the groups are the segments and the loans pass through untouched', () => {
    const input = pool();
    const file = readAssumptionFile({ months: 3, pool: { prepayment: '5 CPR' }, segments: { gig: { recoveryRate: 0.2 } } }, names);
    const { loans, assumptions } = assumptionGroups(file, input);
    expect(loans).toBe(input.loans);
    expect(assumptions.segments).toEqual([undefined, { recoveryRate: 0.2 }]);
  });

  it('gives each (segment, rules matched) its own code, merging segment and rules in order', () => {
    const input = pool();
    const file = readAssumptionFile(
      {
        months: 3,
        pool: {},
        segments: { gig: { recoveryRate: 0.2, penaltyMultiple: 1 } },
        overrides: [
          { match: { product: 'cash_loan' }, recoveryRate: 0.3, servicingFeeRate: 0.01 },
          { match: { originalTerm: [3, 12] }, recoveryRate: 0.4 },
        ],
      },
      names,
    );
    const { loans, assumptions } = assumptionGroups(file, input);
    expect(loans.segment).not.toBe(input.loans.segment);
    expect(input.loans.segment).toEqual(Uint8Array.from([0, 1, 0, 1, 0, 1]));
    expect(loans.originalTerm).toBe(input.loans.originalTerm);
    // loan 0: salaried cash 3 → rules 0, 1; loan 1: gig cash 3 → 0, 1; loan 2: salaried installment 6 → none;
    // loan 3: gig installment 6 → none; loan 4: salaried cash 12 → 0, 1 (as loan 0); loan 5: gig installment 12 → 1.
    expect([...loans.segment]).toEqual([0, 1, 2, 3, 0, 4]);
    expect(assumptions.segments).toEqual([
      { recoveryRate: 0.4, servicingFeeRate: 0.01 },
      { recoveryRate: 0.4, penaltyMultiple: 1, servicingFeeRate: 0.01 },
      {},
      { recoveryRate: 0.2, penaltyMultiple: 1 },
      { recoveryRate: 0.4, penaltyMultiple: 1 },
    ]);
  });

  it('codes further loans (a revolving profile) into the same groups', () => {
    const input = pool();
    const file = readAssumptionFile({ months: 3, pool: {}, overrides: [{ match: { product: 'installment', originalTerm: 6 }, recoveryRate: 0.3 }] }, names);
    const profile = allocateLoanArrays(2);
    profile.segment.set([1, 0]);
    profile.originalTerm.set([6, 6]);
    const { loans, more, assumptions } = assumptionGroups(file, input, [{ loans: profile, product: Uint8Array.from([1, 0]) }]);
    // Pool: salaried 3, gig 3, salaried installment 6 (rule), gig installment 6 (rule), salaried 12, gig 12.
    expect([...loans.segment]).toEqual([0, 1, 2, 3, 0, 1]);
    expect([...(more[0]?.segment ?? [])]).toEqual([3, 0]);
    expect(assumptions.segments).toEqual([{}, {}, { recoveryRate: 0.3 }, { recoveryRate: 0.3 }]);
  });

  it('the segment-only reader refuses a file with rules (they need each loan’s attributes)', () => {
    expect(() => readAssumptions({ months: 3, pool: {}, overrides: [{ match: {} }] }, ['gig'])).toThrow(/^Assumptions \$\.overrides: /);
    expect(readAssumptions({ months: 3, pool: {}, segments: { gig: { recoveryRate: 0.1 } } }, ['salaried', 'gig']).assumptions.segments).toEqual([undefined, { recoveryRate: 0.1 }]);
  });
});

describe('cumulative default timing curves in the assumption file', () => {
  it('spreads a cumulative default rate of the cutoff balance over the timing curve, loan level and lines alike; refuses both forms at once', async () => {
    const timing = { cumulativeDefaultRate: 0.06, timingPct: [60, 40], monthsPerPeriod: 6 };
    const assumptions = { months: 12, pool: { prepayment: '10 CPR', defaultTiming: timing } };
    for (const mode of ['loan', 'repline'] as const) {
      const result = await runProjection(sample.service(), { source: { kind: 'tape', tapeId: sample.tapeId() }, assumptions, mode });
      // 6% of the cutoff balance: 60% of it over months 1–6 (0.6% a month), 40% over 7–12 (0.4%).
      // Month 1 also holds the loans charged off at cutoff, so look at later months.
      const share = (m: number): number => (result.rows[m - 1]?.defaults ?? NaN) / result.cutoffBalance;
      expect(share(3), mode).toBeCloseTo(0.006, 4);
      expect(share(9), mode).toBeCloseTo(0.004, 4);
    }
    const both = await sample.service().call('assumptions.check', { assumptions: { months: 12, pool: { default: '2 CDR', defaultTiming: timing } } });
    expect(both).toMatchObject({ ok: false, error: { details: { path: '$.pool.defaultTiming' } } });
  });
});
