import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedPoolSummary, poolSummary } from '../../data/pool/index.ts';
import { writeSampleTape } from '../../data/sample/index.ts';
import { importTape } from '../../data/tape/import.ts';
import { openWorkspace } from '../../data/workspace.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();

describe('cachedPoolSummary', () => {
  it('answers while another connection holds the write lock (an import), and keeps the summary on a later view', async () => {
    const path = join(tempDir(), 'ws.sqlite');
    const tape = join(tempDir(), 'tape.csv');
    await writeSampleTape({ loans: 300, seed: 9, out: tape, format: 'csv' });
    const workspace = openWorkspace(path);
    const report = await importTape(workspace.db, { path: tape, sourceName: 'tape.csv', mode: 'reject' });
    const tapeId = report.tapeId ?? 0;
    workspace.close();

    // The query thread's connection (2 s busy timeout) and an import's writer holding the lock.
    const queries = new Database(path, { timeout: 2_000 });
    const importWriter = new Database(path);
    const cachedRows = (): number => (queries.prepare('SELECT count(*) AS n FROM tape_summaries WHERE tape_id = ?').get(tapeId) as { n: number }).n;
    importWriter.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    const duringImport = cachedPoolSummary(queries, tapeId);
    // Answered at once (no wait for the lock), with the same figures as an uncached summary, and not kept.
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(duringImport).toEqual(poolSummary(queries, tapeId));
    expect(duringImport.loanCount).toBe(300);
    expect(cachedRows()).toBe(0);
    importWriter.exec('COMMIT');

    expect(cachedPoolSummary(queries, tapeId)).toEqual(duringImport);
    expect(cachedRows()).toBe(1);
    // The connection's busy timeout is as it was.
    expect(queries.pragma('busy_timeout', { simple: true })).toBe(2_000);
    queries.close();
    importWriter.close();
  });
});
