import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedStrat, defaultStrats, STRAT_DIMENSIONS, stratify, type StratTable } from '../../data/pool/index.ts';
import { openWorkspace, type SqliteDb } from '../../data/workspace.ts';
import { stratify as stratifyBefore } from '../helpers/pool-before/strats.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();

/** Deterministic draws (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const edgesOf = (id: string): readonly number[] => {
  const d = STRAT_DIMENSIONS.find((x) => x.id === id);
  return d?.kind === 'numeric' ? d.defaultEdges : [];
};

/** Each bucket edge itself, just either side of it, below the first and far above the last. */
function aroundEdges(edges: readonly number[], step: number): number[] {
  return [...edges.flatMap((e) => [e - step, e, e + step]), (edges[edges.length - 1] ?? 0) * 10];
}

function insertTape(db: SqliteDb, name: string, importedAt: string): number {
  const result = db
    .prepare(
      `INSERT INTO tapes (name, source_file, source_sha256, source_bytes, format, cutoff_date, imported_at,
                          rows_read, rows_imported, rows_rejected, mapping_json, extra_columns_json)
       VALUES (?, ?, 'sha', 0, 'csv', '2026-06-30', ?, 0, 0, 0, '{}', '["渠道"]')`,
    )
    .run(name, `${name}.csv`, importedAt);
  return Number(result.lastInsertRowid);
}

/**
 * `count` loans whose every stratified field sits on, just below or just above a bucket edge, or
 * is NULL where the column allows it, with balances from 0.01 to millions (so compensated sums
 * differ from naive ones), and text values including NULL, '' and Chinese.
 */
function insertEdgeLoans(db: SqliteDb, tapeId: number, count: number, seed: number): void {
  const draw = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(draw() * values.length)] as T;
  const balances = [...aroundEdges(edgesOf('currentBalance'), 0.01), 0.01, 1234567.89, 0.1 + 0.2];
  const rates = [...aroundEdges(edgesOf('rate'), 1e-9), 0.0999999999999, 0.36];
  const remaining = aroundEdges(edgesOf('remainingTerm'), 1);
  const original = aroundEdges(edgesOf('originalTerm'), 1);
  const ages = aroundEdges(edgesOf('age'), 1);
  const scores = [...aroundEdges(edgesOf('creditScore'), 0.5), null, null];
  const days = aroundEdges(edgesOf('delinquency'), 1);
  const insert = db.prepare(
    `INSERT INTO loans (tape_id, row_no, loan_id, borrower_id, origination_date, maturity_date, original_principal,
                        current_principal, rate_annual, original_term, remaining_term, age_months, payment_frequency,
                        amortization, days_past_due, overdue_principal, overdue_interest, segment, product, region,
                        credit_score, restructured, extra_json)
     VALUES (?, ?, ?, ?, '2025-06-01', NULL, ?, ?, ?, ?, ?, ?, 'monthly', ?, ?, 0, 0, ?, ?, ?, ?, 0, ?)`,
  );
  for (let i = 0; i < count; i++) {
    const balance = draw() < 0.5 ? pick(balances) : Math.round(draw() * 300_000 * 100) / 100;
    const channel = pick(['线上', '线下', '', null, 'a "quoted" \\ value']);
    insert.run(
      tapeId,
      i + 1,
      `L${seed}-${i}`,
      `B${i % 97}`,
      balance * 1.5,
      balance,
      pick(rates),
      pick(original),
      pick(remaining),
      pick(ages),
      pick(['level_payment', 'equal_principal', 'interest_only', 'flat_fee']),
      Math.max(0, pick(days)),
      pick(['salaried', 'self_employed', 'gig', null]),
      pick(['cash_loan', 'installment', '现金贷', null, '']),
      pick(['广东', '浙江', 'Beijing', null, '']),
      pick(scores),
      channel === null ? null : JSON.stringify({ 渠道: channel }),
    );
  }
  db.prepare(
    `UPDATE tapes SET loan_rowid_first = coalesce((SELECT min(rowid) FROM loans WHERE tape_id = @tape), 1),
                      loan_rowid_last = coalesce((SELECT max(rowid) FROM loans WHERE tape_id = @tape), 0) WHERE id = @tape`,
  ).run({ tape: tapeId });
}

/** Equal to the bit: JSON writes each double's shortest round-trip digits, and key order is fixed. */
function expectSameTable(actual: StratTable, expected: StratTable): void {
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  expect(actual).toStrictEqual(expected);
}

describe('stratifications from one scan equal the per-table scans they replace', () => {
  it('every default table of a 4,025-loan tape of edge cases, to the bit, and with custom edges and an extra column', () => {
    const ws = openWorkspace(join(tempDir(), 'one-pass.sqlite'));
    try {
      const tapeId = insertTape(ws.db, 'edges', '2026-07-01T09:00:00Z');
      insertEdgeLoans(ws.db, tapeId, 3_000, 1);
      // Another tape's loans in the middle of the rowid range: the scan re-checks tape_id.
      const otherId = insertTape(ws.db, 'other', '2026-07-01T09:00:00Z');
      insertEdgeLoans(ws.db, otherId, 50, 2);
      ws.db.prepare('UPDATE loans SET tape_id = ? WHERE rowid IN (SELECT rowid FROM loans WHERE tape_id = ? LIMIT 25)').run(tapeId, otherId);
      insertEdgeLoans(ws.db, tapeId, 1_000, 3);
      ws.db.prepare('UPDATE tapes SET loan_rowid_first = 1 WHERE id = ?').run(tapeId);

      const tables = defaultStrats(ws.db, tapeId);
      expect(tables.map((t) => t.dimension)).toEqual(STRAT_DIMENSIONS.map((d) => d.id));
      STRAT_DIMENSIONS.forEach((d, i) => expectSameTable(tables[i] as StratTable, stratifyBefore(ws.db, tapeId, d.id)));
      // The edge cases are there: loans on the edges, below the first, without a value.
      const balance = tables[0] as StratTable;
      expect(balance.total.count).toBe(4_025);
      expect(balance.rows[0]?.key).toBe('(-inf,0)');
      const score = tables.find((t) => t.dimension === 'creditScore');
      expect(score?.rows.at(-1)?.key).toBe('blank');

      for (const [by, edges] of [
        ['currentBalance', [0.01, 5000, 5000.01, 1e6]],
        ['remainingTerm', [1, 2, 3, 40]],
        ['rate', [0.1]],
      ] as const) {
        expectSameTable(stratify(ws.db, tapeId, by, edges), stratifyBefore(ws.db, tapeId, by, edges));
      }
      expectSameTable(stratify(ws.db, tapeId, 'extra:渠道'), stratifyBefore(ws.db, tapeId, 'extra:渠道'));
      expectSameTable(stratify(ws.db, otherId, 'region'), stratifyBefore(ws.db, otherId, 'region'));
    } finally {
      ws.close();
    }
  });

  it('an empty tape gives the same empty tables', () => {
    const ws = openWorkspace(join(tempDir(), 'empty.sqlite'));
    try {
      const tapeId = insertTape(ws.db, 'empty', '2026-07-01T09:00:00Z');
      defaultStrats(ws.db, tapeId).forEach((table) => expectSameTable(table, stratifyBefore(ws.db, tapeId, table.dimension)));
    } finally {
      ws.close();
    }
  });
});

describe('cachedStrat', () => {
  it('keeps a tape’s default tables, computes custom edges, and never serves a deleted tape’s tables to a new tape under its id', () => {
    const ws = openWorkspace(join(tempDir(), 'cache.sqlite'));
    try {
      const tapeId = insertTape(ws.db, 'first', '2026-07-01T09:00:00Z');
      insertEdgeLoans(ws.db, tapeId, 500, 4);
      const first = cachedStrat(ws.db, tapeId, 'region');
      expectSameTable(first, stratifyBefore(ws.db, tapeId, 'region'));
      // The same object again: kept, not recomputed.
      expect(cachedStrat(ws.db, tapeId, 'region')).toBe(first);
      expectSameTable(cachedStrat(ws.db, tapeId, 'rate', [0.1, 0.2]), stratifyBefore(ws.db, tapeId, 'rate', [0.1, 0.2]));

      // Deleted, and a new import takes the same id (SQLite reuses the largest rowid).
      ws.db.prepare('DELETE FROM tapes WHERE id = ?').run(tapeId);
      const again = insertTape(ws.db, 'second', '2026-07-02T09:00:00Z');
      expect(again).toBe(tapeId);
      insertEdgeLoans(ws.db, again, 200, 5);
      const second = cachedStrat(ws.db, again, 'region');
      expect(second.total.count).toBe(200);
      expectSameTable(second, stratifyBefore(ws.db, again, 'region'));
    } finally {
      ws.close();
    }
  });
});
