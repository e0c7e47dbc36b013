import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { LATEST_SCHEMA_VERSION } from '../../data/migrations/index.ts';
import type { AppEvent } from '../../service/api/contract.ts';
import { Service } from '../../service/service.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
let service: Service;

afterEach(() => service.close());

describe('Service.dispatch', () => {
  it('answers app.version from package.json and the real SQLite library', async () => {
    service = new Service({ transport: 'test' });
    const result = await service.call('app.version', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.version).toBe(pkg.version);
    expect(result.value.transport).toBe('test');
    expect(result.value.sqlite).toMatch(/^3\.\d+\.\d+$/);
    // Only the browser transport confines workspaces to a folder.
    expect(result.value.workspacesFolder).toBeNull();
  });

  it('opens a workspace, reports it, and tells listeners', async () => {
    service = new Service({ transport: 'test' });
    const events: AppEvent[] = [];
    service.events.on('event', (event) => events.push(event));
    const file = join(tempDir(), 'a.sqlite');
    const opened = await service.call('workspace.open', { path: file });
    expect(opened).toMatchObject({ ok: true, value: { path: file, fileName: 'a.sqlite', journalMode: 'wal' } });
    const info = await service.call('workspace.info', {});
    expect(info).toMatchObject({ ok: true, value: { path: file, schemaVersion: LATEST_SCHEMA_VERSION } });
    expect(events).toEqual([{ type: 'workspace.changed', workspace: opened.ok ? opened.value : null }]);
  });

  it('counts the write-ahead log in the workspace’s size on disk (recent writes sit there until a checkpoint)', async () => {
    service = new Service({ transport: 'test' });
    const file = join(tempDir(), 'sized.sqlite');
    await service.call('workspace.open', { path: file });
    const info = await service.call('workspace.info', {});
    if (!info.ok) throw new Error(info.error.message);
    const wal = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
    expect(wal).toBeGreaterThan(0);
    expect(info.value.sizeBytes).toBe(statSync(file).size + wal);
  });

  it('says NO_WORKSPACE before one is open', async () => {
    service = new Service({ transport: 'test' });
    expect(await service.call('workspace.info', {})).toEqual({
      ok: false,
      error: { code: 'NO_WORKSPACE', message: 'No workspace is open: open or create one first', details: {} },
    });
  });

  it('keeps the current workspace when opening another one fails', async () => {
    service = new Service({ transport: 'test' });
    const good = join(tempDir(), 'good.sqlite');
    const bad = join(tempDir(), 'bad.sqlite');
    writeFileSync(bad, 'not a database at all, just text');
    await service.call('workspace.open', { path: good });
    const failed = await service.call('workspace.open', { path: bad });
    expect(failed).toMatchObject({ ok: false, error: { code: 'WORKSPACE_NOT_SQLITE', details: { path: bad } } });
    expect(await service.call('workspace.info', {})).toMatchObject({ ok: true, value: { path: good } });
  });

  it('returns errors as data for unknown calls and invalid payloads', async () => {
    service = new Service({ transport: 'test' });
    expect(await service.dispatch('workspace.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await service.dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });

    const missing = await service.dispatch('workspace.open', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', details: { issues: [{ path: 'path' }] } } });
    expect(missing.ok ? '' : missing.error.message).toMatch(/^Invalid request for workspace\.open: path: /);

    const blank = await service.dispatch('workspace.open', { path: '   ' });
    expect(blank.ok ? '' : blank.error.message).toContain('a workspace path is required');

    const extra = await service.dispatch('app.version', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const wrongType = await service.dispatch('workspace.open', { path: 'x.sqlite', create: 'yes' });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', details: { issues: [{ path: 'create' }] } } });
  });
});
