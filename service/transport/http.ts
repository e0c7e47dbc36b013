import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { REPORT_DOWNLOAD_PATH, TOKEN_HEADER, type AppEvent } from '../api/contract.ts';
import { sendDownload } from './download.ts';
import type { Service } from '../service.ts';
import { apiFailure, BodyTooLargeError, errorMessage, readBody, sendJson } from './respond.ts';
import { serveStatic } from './static.ts';
import { receiveUpload } from './upload.ts';

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
        await invoke(options.service, maxBodyBytes, req, res);
        return;
      }
      if (url.pathname === REPORT_DOWNLOAD_PATH && req.method === 'GET') {
        sendDownload(options.service, url.searchParams.get('id'), res);
        return;
      }
      if (url.pathname === '/api/upload' && req.method === 'POST') {
        await receiveUpload(options.service, maxUploadBytes, req, res);
        return;
      }
      sendJson(res, 404, apiFailure('NOT_FOUND', `No API endpoint ${req.method ?? ''} ${url.pathname}`));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, apiFailure('METHOD_NOT_ALLOWED', `${req.method ?? ''} not allowed on ${url.pathname}`));
      return;
    }
    serveStatic(rendererDir, url.pathname, req, res);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
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

/** `POST /api/invoke`: one API call as JSON `{method, params}`, answered with the service's result. */
export async function invoke(service: Service, maxBodyBytes: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
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
    sendJson(res, tooLarge ? 413 : 400, apiFailure('BAD_REQUEST', tooLarge ? `Request larger than ${maxBodyBytes} bytes` : 'Request body is not valid JSON'));
    return;
  }
  const { method, params } = (body ?? {}) as { method?: unknown; params?: unknown };
  // Errors are data: a failed call is still a 200 carrying {ok:false, error}.
  sendJson(res, 200, await service.dispatch(method, params));
}
