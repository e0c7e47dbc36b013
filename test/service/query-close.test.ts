import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QueryClient } from '../../service/jobs/query-client.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const SLOW_START = new URL('./slow-start-query-worker.ts', import.meta.url);

describe('closing a workspace’s query threads', () => {
  // A query thread terminated while it loads SQLite's native module aborted the whole process (CI, bundled CLI:
  // "FATAL ERROR: Error::New napi_get_last_error_info" in better-sqlite3's registration): close waits for its start.
  it('waits for a thread that is still starting to be ready before it stops it', async () => {
    const workspace = join(tempDir(), 'ws.sqlite');
    const client = new QueryClient(SLOW_START, workspace);
    const started = performance.now();
    await client.close();
    expect(existsSync(`${workspace}.started`)).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });
});
