import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { apiFailure, sendJson } from './respond.ts';

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

/**
 * Serves the built renderer from `rendererDir`: never a file outside it; client-side routes fall back
 * to index.html, which carries the Content-Security-Policy.
 */
export function serveStatic(rendererDir: string, pathname: string, req: IncomingMessage, res: ServerResponse): void {
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
