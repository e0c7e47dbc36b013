import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '../api/contract.ts';

/** Transport-level failures (bad host, token, body) travel in the API's own error shape. */
export function apiFailure(code: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class BodyTooLargeError extends Error {}

/** The request body as text, refused (BodyTooLargeError) past `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
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
