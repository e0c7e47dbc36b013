import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FILE_NAME_HEADER } from '../api/contract.ts';
import type { ServiceContext } from '../api/context.ts';
import { apiFailure, errorMessage, sendJson } from './respond.ts';

/** A file chosen in the browser: the raw body is streamed to a private temporary file. */
export async function receiveUpload(service: ServiceContext, maxUploadBytes: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
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
  const dir = join(service.scratchDir(), 'uploads');
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
    // The user knows the file by its own name: the server's temporary path stays out of the message.
    const reason = errorMessage(error).replaceAll(target, fileName).replaceAll(dir, 'the upload folder');
    if (!res.headersSent && !res.destroyed) sendJson(res, 400, apiFailure('BAD_REQUEST', `Upload of ${fileName} failed: ${reason}`));
    return;
  }
  sendJson(res, 200, { ok: true, value: service.registerUpload(fileName, target, bytes) });
}
