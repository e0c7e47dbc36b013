import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import { WriteTurns } from '../../service/jobs/write-turns.ts';
import { Service } from '../../service/service.ts';
import { useTempDir } from '../helpers/tmp.ts';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('WriteTurns', () => {
  it('runs writes one at a time, first come first served, an error ending only its own turn', async () => {
    const turns = new WriteTurns();
    const log: string[] = [];
    const write = (name: string, ms: number, fail = false) =>
      turns.run(async () => {
        log.push(`${name} start`);
        await pause(ms);
        log.push(`${name} end`);
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
    const results = await Promise.allSettled([write('import', 30), write('save', 0, true), write('rename', 0)]);
    expect(log).toEqual(['import start', 'import end', 'save start', 'save end', 'rename start', 'rename end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(turns.busy).toBe(false);
  });

  it('gives up a waiting turn on cancel without running it, and the next waits for the earlier one still', async () => {
    const turns = new WriteTurns();
    const log: string[] = [];
    const controller = new AbortController();
    const first = turns.run(async () => {
      await pause(30);
      log.push('first');
    });
    const cancelled = turns.run(() => log.push('cancelled one ran'), { signal: controller.signal, cancelled: 'Import cancelled' });
    const third = turns.run(() => log.push('third'));
    expect(turns.busy).toBe(true);
    controller.abort();
    await expect(cancelled).rejects.toEqual(new UserError('CANCELLED', 'Import cancelled'));
    await Promise.all([first, third]);
    expect(log).toEqual(['first', 'third']);
  });
});

describe('the service’s writes take turns', () => {
  const tempDir = useTempDir();
  let service: Service;
  beforeEach(async () => {
    service = new Service({ transport: 'test' });
    await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') });
  });
  afterEach(async () => {
    await service.close();
  });

  it('a save while an import’s transaction holds the write lock waits for its commit instead of failing as a busy workspace', async () => {
    const example = await service.call('assumptions.example', {});
    if (!example.ok) throw new Error(example.error.message);
    // Another connection in its turn, as an import's writer thread holds the lock for its whole transaction.
    const importWriter = new Database(join(tempDir(), 'ws.sqlite'));
    const held = service.writes.run(async () => {
      importWriter.exec('BEGIN IMMEDIATE');
      await pause(300);
      importWriter.exec('COMMIT');
    });
    const save = service.call('assumptions.save', { name: 'base', assumptions: example.value });
    // Meanwhile the main thread keeps answering (it is not spinning in SQLite's busy handler).
    const version = await service.call('app.version', {});
    expect(version.ok).toBe(true);
    const saved = await save;
    await held;
    importWriter.close();
    expect(saved).toMatchObject({ ok: true, value: { name: 'base' } });
    const list = await service.call('assumptions.list', {});
    expect(list.ok && list.value.map((s) => s.name)).toEqual(['base']);
  });

  it('a save asked for while an import job runs lands after the import has committed, and both succeed', async () => {
    const example = await service.call('assumptions.example', {});
    const job = await service.call('tape.importSample', { loans: 2_000, seed: 5 });
    if (!example.ok || !job.ok) throw new Error('setup failed');
    const saved = await service.call('assumptions.save', { name: 'during import', assumptions: example.value });
    expect(saved.ok).toBe(true);
    // The import's turn came first: by the time the save answered, the import had finished.
    expect(service.jobs.get(job.value.id)?.state).toBe('succeeded');
  });
});
