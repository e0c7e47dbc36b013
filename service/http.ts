import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FILE_NAME_HEADER, TOKEN_HEADER, type ApiError, type AppEvent } from './contract.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import type { Service } from './service.ts';

/**
 * The local HTTP transport of the API: the built renderer and `POST /api/invoke` on
 * 127.0.0.1 only. Every API request must carry the per-launch token (header
 * `x-abs-token`; the event stream, which EventSource cannot give headers, takes `?token=`),
 * and every request must name this server in its Host header (a DNS-rebinding guard).
 */
export interface HttpTransportOptions {
  readonly service: Service;
  /** Folder of the built renderer (index.html and assets). */
  readonly rendererDir: string;
  /** 0 or absent: a random free port. */
  readonly port?: number;
  /** Random per launch when absent. */
  readonly token?: string;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
  /** Largest uploaded file accepted, in bytes (default 4 GiB). */
  readonly maxUploadBytes?: number;
}

export interface HttpTransport {
  readonly server: Server;
  readonly port: number;
  readonly token: string;
  /** Base URL without the token. */
  readonly origin: string;
  /** URL to open in a browser: the token rides in the fragment, which is never sent over the wire. */
  readonly launchUrl: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBuffer = Buffer.from(token);
  const rendererDir = resolve(options.rendererDir);
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const maxUploadBytes = options.maxUploadBytes ?? 4 * 1024 ** 3;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const tokenMatches = (candidate: string | undefined | null): boolean => {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    return given.length === tokenBuffer.length && timingSafeEqual(given, tokenBuffer);
  };

  const onEvent = (event: AppEvent): void => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of streams) res.write(frame);
  };
  options.service.events.on('event', onEvent);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, apiFailure('INTERNAL', `Internal error: ${errorMessage(error)}`));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');

    if (!hostAllowed(req.headers.host, port)) {
      sendJson(res, 403, apiFailure('FORBIDDEN_HOST', `Host header not allowed: ${req.headers.host ?? '(none)'}`));
      return;
    }
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);

    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && !hostAllowed(originHost(origin), port)) {
        sendJson(res, 403, apiFailure('FORBIDDEN_ORIGIN', `Origin not allowed: ${origin}`));
        return;
      }
      res.setHeader('Cache-Control', 'no-store');
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!tokenMatches(url.searchParams.get('token'))) {
          sendJson(res, 401, apiFailure('UNAUTHORIZED', 'Missing or wrong API token'));
          return;
        }
        openEventStream(req, res);
        return;
      }
      const headerToken = req.headers[TOKEN_HEADER];
      if (!tokenMatches(typeof headerToken === 'string' ? headerToken : undefined)) {
        sendJson(res, 401, apiFailure('UNAUTHORIZED', 'Missing or wrong API token'));
        return;
      }
      if (url.pathname === '/api/invoke' && req.method === 'POST') {
        await invoke(req, res);
        return;
      }
      if (url.pathname === '/api/upload' && req.method === 'POST') {
        await upload(req, res);
        return;
      }
      sendJson(res, 404, apiFailure('NOT_FOUND', `No API endpoint ${req.method ?? ''} ${url.pathname}`));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, apiFailure('METHOD_NOT_ALLOWED', `${req.method ?? ''} not allowed on ${url.pathname}`));
      return;
    }
    serveStatic(url.pathname, req, res);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) {
      sendJson(res, 415, apiFailure('BAD_REQUEST', 'The API takes application/json'));
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, maxBodyBytes));
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      sendJson(
        res,
        tooLarge ? 413 : 400,
        apiFailure('BAD_REQUEST', tooLarge ? `Request larger than ${maxBodyBytes} bytes` : 'Request body is not valid JSON'),
      );
      return;
    }
    const { method, params } = (body ?? {}) as { method?: unknown; params?: unknown };
    // Errors are data: a failed call is still a 200 carrying {ok:false, error}.
    sendJson(res, 200, await options.service.dispatch(method, params));
  }

  /** A file chosen in the browser: the raw body is streamed to a private temporary file. */
  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const header = req.headers[FILE_NAME_HEADER];
    let fileName = '';
    try {
      fileName = basename(decodeURIComponent(typeof header === 'string' ? header : '')).trim();
    } catch {
      fileName = '';
    }
    if (fileName === '' || fileName === '.' || fileName === '..') {
      sendJson(res, 400, apiFailure('BAD_REQUEST', `An upload needs its file name in the ${FILE_NAME_HEADER} header`));
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxUploadBytes) {
      sendJson(res, 413, apiFailure('BAD_REQUEST', `${fileName} is larger than ${maxUploadBytes} bytes`));
      req.resume();
      return;
    }
    const dir = join(options.service.scratchDir(), 'uploads');
    mkdirSync(dir, { recursive: true });
    const target = join(dir, `${randomBytes(8).toString('hex')}-${fileName.replace(/[^\p{L}\p{N}._-]+/gu, '_')}`);
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxUploadBytes) req.destroy(new Error('upload too large'));
    });
    try {
      await pipeline(req, createWriteStream(target));
    } catch (error) {
      rmSync(target, { force: true });
      if (!res.headersSent && !res.destroyed) sendJson(res, 400, apiFailure('BAD_REQUEST', `Upload of ${fileName} failed: ${errorMessage(error)}`));
      return;
    }
    sendJson(res, 200, { ok: true, value: options.service.registerUpload(fileName, target, bytes) });
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  function serveStatic(pathname: string, req: IncomingMessage, res: ServerResponse): void {
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    } catch {
      sendJson(res, 400, apiFailure('BAD_REQUEST', 'Malformed path'));
      return;
    }
    let file = resolve(join(rendererDir, relative));
    if (file !== rendererDir && !file.startsWith(rendererDir + sep)) {
      sendJson(res, 404, apiFailure('NOT_FOUND', 'Not found'));
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      // Client-side routes fall back to the app; missing assets are real 404s.
      if (extname(relative) !== '') {
        sendJson(res, 404, apiFailure('NOT_FOUND', `Not found: ${pathname}`));
        return;
      }
      file = join(rendererDir, 'index.html');
      if (!existsSync(file)) {
        sendJson(res, 500, apiFailure('INTERNAL', `The renderer is not built (${file} missing): run npm run build:renderer`));
        return;
      }
    }
    const isHtml = extname(file) === '.html';
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': isHtml ? 'no-store' : 'max-age=3600',
      ...(isHtml ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;

  return {
    server,
    port,
    token,
    origin,
    launchUrl: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        options.service.events.off('event', onEvent);
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}

/** Only our own authority: 127.0.0.1:PORT or localhost:PORT. Anything else may be a rebinding attack. */
function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host : undefined;
  } catch {
    return undefined;
  }
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return; // drain the rest so the 413 reaches the client
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function apiFailure(code: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
