import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DealFile, DealRunRequest, JobResultOf, ProjectionRequest } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { breakevenOf, dealRunOf, importReportOf } from '../../service/jobs/job-manager.ts';
import { canonicalJson } from '../../service/run-store/canonical-json.ts';
import { runInputHash } from '../../service/run-store/stored-job.ts';
import { Service } from '../../service/service.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { runProjectionJob } from '../helpers/service.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const template = (name: string): DealFile => readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', `${name}.json`), 'utf8')));
const consumerBase = (): unknown => JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json'), 'utf8'));

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

async function openService(file: string): Promise<Service> {
  const service = new Service({ transport: 'test' });
  await value(service.call('workspace.open', { path: file }));
  return service;
}

async function dealRun(service: Service, request: DealRunRequest): Promise<JobResultOf<'deal.run'>> {
  const job = await value(service.call('deal.run', request));
  const done = await service.jobs.wait(job.id);
  const ran = dealRunOf(done);
  if (!ran) throw new Error(done.error?.message ?? done.state);
  return ran;
}

async function importSample(service: Service, loans: number, seed: number): Promise<number> {
  const job = await value(service.call('tape.importSample', { loans, seed }));
  return importReportOf(await service.jobs.wait(job.id))?.tapeId ?? 0;
}

function runCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return Number(db.prepare('SELECT count(*) FROM runs').pluck().get());
  } finally {
    db.close();
  }
}

describe('the input hash', () => {
  it('is SHA-256 of the canonical JSON (keys in code-unit order at every depth) of the inputs and the engine identity', () => {
    // Written out by hand: keys sorted at each level, undefined left out, arrays kept in order.
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'x' }], c: undefined }, __proto__x: null })).toBe('{"__proto__x":null,"a":{"d":[2,{"y":"x","z":1}]},"b":1}');
    const inputs = { kind: 'deal', deal: { name: 'D' }, tape: null, mode: 'repline', assumptions: null, scenarioOverrides: {} } as unknown as Parameters<typeof runInputHash>[0];
    const engine = { version: '0.1.0', sourcesSha256: 'a'.repeat(64) };
    const text =
      '{"engine":{"sourcesSha256":"' + 'a'.repeat(64) + '","version":"0.1.0"},"inputs":{"assumptions":null,"deal":{"name":"D"},"kind":"deal","mode":"repline","scenarioOverrides":{},"tape":null}}';
    expect(runInputHash(inputs, engine)).toBe(createHash('sha256').update(text).digest('hex'));
    // Another engine (version or sources) never matches a stored run of this one.
    expect(runInputHash(inputs, { ...engine, version: '0.1.1' })).not.toBe(runInputHash(inputs, engine));
    expect(runInputHash(inputs, { ...engine, sourcesSha256: 'b'.repeat(64) })).not.toBe(runInputHash(inputs, engine));
  });
});

describe('the run store in the service', () => {
  it('stores a deal run, serves an identical rerun from the store, and a run reopened after closing the workspace gives the same result JSON', async () => {
    const file = join(tempDir(), 'ws.sqlite');
    const deal = template('us-auto-oc-turbo');
    let service = await openService(file);
    const first = await dealRun(service, { deal });
    expect(first.stored).toMatchObject({ runId: 1, fromStore: false, warning: null });
    // The same inputs with the deal's keys in another order: the same run, served from the store.
    const reordered = Object.fromEntries(Object.entries(deal).toReversed()) as DealFile;
    const again = await dealRun(service, { deal: reordered });
    expect(again.stored).toEqual({ runId: 1, createdAt: first.stored?.createdAt, fromStore: true, warning: null });
    expect(again.seconds).toBe(first.seconds);
    expect(JSON.stringify(again.run)).toBe(JSON.stringify(first.run));
    // A changed input is another run.
    const stressed = await dealRun(service, { deal, scenarioOverrides: { defaultMultiplier: 2 } });
    expect(stressed.stored).toMatchObject({ runId: 2, fromStore: false });
    await service.close();

    // Closed and reopened: runs.get gives the result JSON the job gave, byte for byte.
    service = await openService(file);
    try {
      const list = await value(service.call('runs.list', {}));
      expect(list.map((r) => [r.id, r.kind])).toEqual([
        [2, 'deal'],
        [1, 'deal'],
      ]);
      expect(list[1]?.name).toBe(`${deal.name} on its own pool — deal’s scenario`);
      expect(list[0]?.name).toMatch(/, defaults × 2$/);
      const senior = first.run.tranches.find((t) => t.seniority === 1);
      expect(list[1]?.figures[0]).toEqual({ label: `${senior?.name} WAL (y, 30/360)`, value: senior?.walYears, unit: 'years' });
      const reopened = await value(service.call('runs.get', { id: 1 }));
      expect(reopened.result.kind).toBe('deal.run');
      expect(JSON.stringify(reopened.result.kind === 'deal.run' ? reopened.result.run : null)).toBe(JSON.stringify(first.run));
      expect(reopened.inputs).toMatchObject({ kind: 'deal', tape: null, mode: 'repline', assumptions: null, scenarioOverrides: {} });
      // And the same numbers as computing it afresh now.
      const fresh = await dealRun(service, { deal, store: false });
      expect(fresh.stored).toBeUndefined();
      expect(JSON.stringify(fresh.run)).toBe(JSON.stringify(first.run));
    } finally {
      await service.close();
    }
  });

  it('keeps a tape run’s tape identity: a tape replaced by a re-import is computed again; loan-level results are stored deflated and read back identical', async () => {
    const file = join(tempDir(), 'ws.sqlite');
    const service = await openService(file);
    try {
      const tapeId = await importSample(service, 1500, 7);
      const request: ProjectionRequest = { source: { kind: 'tape', tapeId }, assumptions: consumerBase() as ProjectionRequest['assumptions'] };
      const first = await runProjectionJob(service, request);
      expect(first.stored).toMatchObject({ fromStore: false, runId: 1 });
      expect((await runProjectionJob(service, request)).stored).toMatchObject({ fromStore: true, runId: 1 });
      const stored = await value(service.call('runs.get', { id: 1 }));
      expect(stored.inputs).toMatchObject({ kind: 'projection', mode: 'loan', source: { kind: 'tape', tape: { id: tapeId, rowsImported: 1500 } } });
      expect(JSON.stringify(stored.result.kind === 'pool.project' ? stored.result.projection : null)).toBe(JSON.stringify(first.projection));

      // Delete the tape and import the same file again: SQLite may hand out the same id, but the import is another.
      await value(service.call('tape.delete', { id: tapeId }));
      const reimported = await importSample(service, 1500, 7);
      const rerun = await runProjectionJob(service, { ...request, source: { kind: 'tape', tapeId: reimported } });
      expect(rerun.stored).toMatchObject({ fromStore: false, runId: 2 });

      const dealOnTape = await dealRun(service, { deal: template('cn-consumer-revolving'), tapeId: reimported, mode: 'loan' });
      const record = (await value(service.call('runs.list', {}))).find((r) => r.id === dealOnTape.stored?.runId);
      expect(record?.compressed).toBe(true);
      expect(record?.resultBytes).toBe(Buffer.byteLength(JSON.stringify(dealOnTape.run)));
      const reopened = await value(service.call('runs.get', { id: record?.id ?? 0 }));
      expect(JSON.stringify(reopened.result.kind === 'deal.run' ? reopened.result.run : null)).toBe(JSON.stringify(dealOnTape.run));

      // Sized to the pool is another run (its notes differ), served only by an identical sized rerun.
      const sized = await dealRun(service, { deal: template('cn-consumer-revolving'), tapeId: reimported, mode: 'loan', sizeToPool: true });
      expect(sized.stored).toMatchObject({ fromStore: false });
      expect(sized.run.tranches[0]?.originalBalance).toBeLessThan(dealOnTape.run.tranches[0]?.originalBalance ?? 0);
      const sizedAgain = await dealRun(service, { deal: template('cn-consumer-revolving'), tapeId: reimported, mode: 'loan', sizeToPool: true });
      expect(sizedAgain.stored).toMatchObject({ fromStore: true, runId: sized.stored?.runId });
      expect((await value(service.call('runs.get', { id: sized.stored?.runId ?? 0 }))).inputs).toMatchObject({ kind: 'deal', sizeToPool: true });
    } finally {
      await service.close();
    }
  });

  it('stores breakevens; renames and deletes runs; a deleted run is computed again under a new id', async () => {
    const file = join(tempDir(), 'ws.sqlite');
    const service = await openService(file);
    try {
      const deal = template('pass-through');
      const solve = async (): Promise<JobResultOf<'deal.breakeven'>> => {
        const job = await value(service.call('deal.breakeven', { deal }));
        const solved = breakevenOf(await service.jobs.wait(job.id));
        if (!solved) throw new Error('no breakeven');
        return solved;
      };
      const first = await solve();
      expect(first.stored?.fromStore).toBe(false);
      const [record] = await value(service.call('runs.list', {}));
      expect(record?.kind).toBe('breakeven');
      expect(record?.figures.length).toBe(first.breakeven.rows.length);
      expect(await value(service.call('runs.rename', { id: 1, name: '  Pass-through breakevens, desk copy ' }))).toMatchObject({ id: 1, name: 'Pass-through breakevens, desk copy' });
      expect((await solve()).stored).toMatchObject({ fromStore: true, runId: 1 });
      expect(await value(service.call('runs.delete', { id: 1 }))).toEqual({ deleted: 1 });
      const missing = await service.call('runs.get', { id: 1 });
      expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No stored run with id 1 in this workspace' } });
      expect(await service.call('runs.rename', { id: 1, name: ' ' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect((await solve()).stored).toMatchObject({ fromStore: false, runId: 2 });
    } finally {
      await service.close();
    }
  });

  it('a store that fails leaves the workspace unchanged and the result still returns, with a warning', async () => {
    const file = join(tempDir(), 'ws.sqlite');
    const service = await openService(file);
    try {
      const deal = template('us-cmo-sequential');
      const clean = await dealRun(service, { deal, store: false });
      // A failing write (as a full disk or a locked file would fail it), at the insert.
      service.requireWorkspace().db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON runs BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END;");
      const failed = await dealRun(service, { deal });
      expect(failed.stored).toEqual({
        runId: null,
        createdAt: null,
        fromStore: false,
        warning: 'The run was not stored in the workspace (disk I/O error (test)); its results below are complete',
        codedWarning: {
          code: 'runStore.notStored',
          params: { reason: 'disk I/O error (test)' },
          message: 'The run was not stored in the workspace (disk I/O error (test)); its results below are complete',
        },
      });
      expect(JSON.stringify(failed.run)).toBe(JSON.stringify(clean.run));
      expect(runCount(file)).toBe(0);
      service.requireWorkspace().db.exec('DROP TRIGGER temp.refuse');
      expect((await dealRun(service, { deal })).stored).toMatchObject({ runId: 1, fromStore: false });
      expect(runCount(file)).toBe(1);
    } finally {
      await service.close();
    }
  });
  it('a workspace another connection is writing to (as an import does) leaves the run unstored with a warning naming why', async () => {
    const file = join(tempDir(), 'ws.sqlite');
    const service = await openService(file);
    const writer = new Database(file);
    try {
      const deal = template('pass-through');
      writer.exec('BEGIN IMMEDIATE'); // holds the write lock past the store's 5 s busy timeout
      const busy = await dealRun(service, { deal });
      expect(busy.stored).toMatchObject({
        runId: null,
        fromStore: false,
        warning: 'The run was not stored in the workspace (the workspace was busy: an import or another program was writing to it for more than 5 s); its results below are complete',
      });
      writer.exec('ROLLBACK');
      expect((await dealRun(service, { deal })).stored).toMatchObject({ runId: 1, fromStore: false, warning: null });
    } finally {
      writer.close();
      await service.close();
    }
  }, 30_000);
});
