import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpTransport, type HttpTransport } from '../../service/transport/http.ts';
import { Service } from '../../service/service.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
let service: Service;
let http: HttpTransport;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so tests control the Host and Origin headers a browser would not let them forge. */
function send(options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Uint8Array }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: http.port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function invoke(method: string, params: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send({
    path: '/api/invoke',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-abs-token': http.token, ...headers },
    body: JSON.stringify({ method, params }),
  });
}

beforeEach(async () => {
  const renderer = join(tempDir(), 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>ABS</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tempDir(), 'secret.txt'), 'outside the renderer');
  mkdirSync(join(tempDir(), 'workspaces'));
  service = new Service({ transport: 'http', workspaceFolder: join(tempDir(), 'workspaces') });
  service.openWorkspace(join(tempDir(), 'ws.sqlite'));
  http = await startHttpTransport({ service, rendererDir: renderer, maxBodyBytes: 4096 });
});

afterEach(async () => {
  await http.close();
  await service.close();
});

describe('HTTP transport', () => {
  it('listens on 127.0.0.1 on a random port and puts the token in the link fragment', () => {
    expect(http.port).toBeGreaterThan(0);
    expect(http.origin).toBe(`http://127.0.0.1:${http.port}`);
    expect(http.launchUrl).toBe(`${http.origin}/#token=${http.token}`);
    expect(http.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers an API call carrying the token', async () => {
    const res = await invoke('workspace.info', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { fileName: 'ws.sqlite', journalMode: 'wal' } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('names the workspaces folder in app.version, the one folder the browser opens workspaces in', async () => {
    const res = await invoke('app.version', {});
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { transport: 'http', workspacesFolder: join(tempDir(), 'workspaces') } });
  });

  it('rejects a call without a token', async () => {
    const res = await send({ path: '/api/invoke', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"method":"app.version","params":{}}' });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing or wrong API token' } });
  });

  it('rejects a call with a wrong token (same length and different length)', async () => {
    const sameLength = http.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await invoke('app.version', {}, { 'x-abs-token': sameLength })).status).toBe(401);
    expect((await invoke('app.version', {}, { 'x-abs-token': 'short' })).status).toBe(401);
  });

  it('rejects a foreign Host header (DNS rebinding), even with the right token', async () => {
    const res = await invoke('app.version', {}, { host: `evil.example:${http.port}` });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_HOST' } });
    expect((await send({ path: '/', headers: { host: 'attacker.test' } })).status).toBe(403);
    expect((await invoke('app.version', {}, { host: `localhost:${http.port}` })).status).toBe(200);
  });

  it('rejects a cross-origin API call', async () => {
    const res = await invoke('app.version', {}, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'FORBIDDEN_ORIGIN' } });
    expect((await invoke('app.version', {}, { origin: http.origin })).status).toBe(200);
  });

  it('carries API errors as data with HTTP 200', async () => {
    const res = await invoke('workspace.open', { path: '' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('opens and creates workspaces only inside the workspace folder given at launch', async () => {
    // A page in a browser must not create or open files anywhere on the computer (issue 17, defect 4).
    const folder = join(tempDir(), 'workspaces');
    symlinkSync(tempDir(), join(folder, 'link'));
    const outside = [join(tempDir(), 'elsewhere', 'evil.sqlite'), '../evil.sqlite', join(folder, '..', 'evil.sqlite'), 'link/evil.sqlite', join(tempDir(), 'ws.sqlite')];
    for (const path of outside) {
      const answer = JSON.parse((await invoke('workspace.open', { path })).body) as { error: { message: string } };
      expect(answer).toMatchObject({ ok: false, error: { code: 'PATH_NOT_ALLOWED', details: { path, folder } } });
      expect(answer.error.message).toBe(`In the browser, workspaces open and are created only inside ${folder}: ${path} is outside it`);
    }
    expect(existsSync(join(tempDir(), 'elsewhere'))).toBe(false);
    expect(existsSync(join(tempDir(), 'evil.sqlite'))).toBe(false);
    const inside = JSON.parse((await invoke('workspace.open', { path: 'team/q3.sqlite' })).body) as unknown;
    expect(inside).toMatchObject({ ok: true, value: { path: join(folder, 'team', 'q3.sqlite') } });
  });

  it("the Workspace screen's call refuses another workspace's journal name and a new file not named .sqlite, keeping the open workspace", async () => {
    // The walkthrough: main.sqlite closed (q3.sqlite open), then `main.sqlite-wal` typed into the screen.
    const folder = join(tempDir(), 'workspaces');
    const opened = JSON.parse((await invoke('workspace.open', { path: 'main.sqlite' })).body) as { ok: boolean };
    expect(opened.ok).toBe(true);
    expect(JSON.parse((await invoke('workspace.open', { path: 'q3.sqlite' })).body)).toMatchObject({ ok: true });
    const before = readFileSync(join(folder, 'main.sqlite'));
    for (const [path, messageCode] of [
      ['main.sqlite-wal', 'workspaceName.sideFile'],
      ['notes.txt', 'workspaceName.newNeedsExtension'],
    ] as const) {
      const answer = JSON.parse((await invoke('workspace.open', { path })).body) as unknown;
      expect(answer).toMatchObject({ ok: false, error: { code: 'PATH_NOT_ALLOWED', details: { path: join(folder, path), messageCode } } });
    }
    expect(readdirSync(folder).sort()).toEqual(['main.sqlite', 'q3.sqlite', 'q3.sqlite-shm', 'q3.sqlite-wal']);
    expect(readFileSync(join(folder, 'main.sqlite')).equals(before)).toBe(true);
    expect(JSON.parse((await invoke('workspace.info', {})).body)).toMatchObject({ ok: true, value: { fileName: 'q3.sqlite' } });
  });

  it('takes tapes only as uploads: a path on this computer is refused for preview and import', async () => {
    const source = { kind: 'path', path: join(tempDir(), 'secret.txt') };
    for (const [method, params] of [
      ['tape.preview', { source }],
      ['tape.import', { source, mode: 'reject' }],
    ] as const) {
      const body = (await invoke(method, params)).body;
      expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code: 'PATH_NOT_ALLOWED', details: { path: source.path } } });
      expect(body).not.toContain('outside the renderer');
    }
  });

  it('rejects malformed JSON, non-JSON and oversized bodies', async () => {
    const headers = { 'content-type': 'application/json', 'x-abs-token': http.token };
    expect((await send({ path: '/api/invoke', method: 'POST', headers, body: '{not json' })).status).toBe(400);
    expect((await send({ path: '/api/invoke', method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const big = JSON.stringify({ method: 'app.version', params: {}, pad: 'x'.repeat(5000) });
    expect((await send({ path: '/api/invoke', method: 'POST', headers, body: big })).status).toBe(413);
  });

  it('serves the renderer with a Content-Security-Policy, falls back to index.html for routes, and never leaves its folder', async () => {
    const index = await send({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await send({ path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send({ path: '/pool' })).body).toContain('<title>ABS</title>');
    expect((await send({ path: '/assets/missing.js' })).status).toBe(404);
    const traversal = await send({ path: '/../secret.txt' });
    expect(traversal.body).not.toContain('outside the renderer');
    const encoded = await send({ path: '/%2e%2e/secret.txt' });
    expect(encoded.body).not.toContain('outside the renderer');
  });

  it('streams service events to a client holding the token', async () => {
    const denied = await send({ path: '/api/events?token=nope' });
    expect(denied.status).toBe(401);

    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: http.port, path: `/api/events?token=${http.token}` }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          if (buffer.includes('\n\ndata: ') || buffer.startsWith('data: ')) {
            const frame = buffer.slice(buffer.indexOf('data: '));
            if (frame.includes('\n\n')) {
              resolve(frame);
              req.destroy();
            }
          }
        });
        // once connected, open another workspace through the API
        void invoke('workspace.open', { path: join(tempDir(), 'workspaces', 'second.sqlite') });
      });
      req.on('error', reject);
      req.end();
    });
    const frame = await received;
    expect(JSON.parse(frame.slice('data: '.length).trim())).toMatchObject({
      type: 'workspace.changed',
      workspace: { fileName: 'second.sqlite' },
    });
  });
});

/** A file chosen in the browser: uploaded as the raw body, with its name in the x-file-name header. */
async function upload(fileName: string, body: Uint8Array): Promise<string> {
  const res = await send({
    path: '/api/upload',
    method: 'POST',
    headers: { 'x-abs-token': http.token, 'x-file-name': encodeURIComponent(fileName), 'content-length': String(body.length) },
    body,
  });
  expect(res.status, res.body).toBe(200);
  return (JSON.parse(res.body) as { value: { uploadId: string } }).value.uploadId;
}

/** The error a tape call answers for an uploaded file. */
async function tapeCallError(method: 'tape.preview' | 'tape.import', uploadId: string): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  const res = await invoke(method, { source: { kind: 'upload', uploadId }, ...(method === 'tape.import' ? { mode: 'reject' } : {}) });
  const answer = JSON.parse(res.body) as { ok: boolean; error: { code: string; message: string; details?: Record<string, unknown> } };
  expect(answer.ok, res.body).toBe(false);
  return answer.error;
}

describe('HTTP uploads that are not tapes', () => {
  it("a 0-byte upload is refused naming the user's file only, never the server's temporary path", async () => {
    const uploadId = await upload('贷款明细.csv', new Uint8Array(0));
    for (const method of ['tape.preview', 'tape.import'] as const) {
      const error = await tapeCallError(method, uploadId);
      // Before: "…-贷款明细.csv is empty (0 bytes): /tmp/…/uploads/…-贷款明细.csv" (the scratch path and its random prefix).
      expect(error).toMatchObject({ code: 'BAD_FILE', message: '贷款明细.csv is empty (0 bytes): choose the file that holds the loan tape' });
      expect(JSON.stringify(error)).not.toContain(service.scratchDir());
    }
  });

  it('a PNG chosen as a tape is refused as a PNG image, not decoded as a GB18030 CSV', async () => {
    // The smallest PNG start: the 8-byte signature (RFC 2083 §3.1) then an IHDR chunk header, with the NUL bytes images have.
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const uploadId = await upload('pool.csv', png);
    for (const method of ['tape.preview', 'tape.import'] as const) {
      expect(await tapeCallError(method, uploadId)).toMatchObject({ code: 'BAD_FILE', message: 'pool.csv is not a loan tape: it looks like a PNG image' });
    }
  });

  it('refuses a PDF, an .xls saved as .csv and NUL-laden bytes, but reads a UTF-16 tape with its NUL bytes', async () => {
    const pdf = await upload('tape.csv', new TextEncoder().encode('%PDF-1.7\n'));
    expect((await tapeCallError('tape.preview', pdf)).message).toBe('tape.csv is not a loan tape: it looks like a PDF document');
    const xls = await upload('old.csv', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect((await tapeCallError('tape.preview', xls)).message).toContain('old.csv is not a loan tape: it looks like an Excel 97–2003 workbook (.xls)');
    const nul = await upload('raw.csv', Uint8Array.from([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x02, 0x0a]));
    expect((await tapeCallError('tape.preview', nul)).message).toBe('raw.csv is not a loan tape: it looks like a binary file (it holds NUL bytes, which a CSV text file does not)');
    // UTF-16LE with its BOM, as Excel's "Unicode text" writes: every ASCII character is followed by a NUL byte.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('loan_id\tbalance\nA1\t100\n', 'utf16le')]);
    const res = await invoke('tape.preview', { source: { kind: 'upload', uploadId: await upload('unicode.txt.csv', utf16) } });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { encoding: 'utf-16le', header: ['loan_id', 'balance'] } });
  });
});
