import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { ServiceContext } from '../api/context.ts';
import { apiFailure, sendJson } from './respond.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `GET /api/download?id=`: a file the service generated (an Excel report) by the id its job gave.
 * The token was checked like every API call; only registered files of the scratch folder are
 * served, by id — the request never names a path.
 */
export function sendDownload(service: ServiceContext, id: string | null, res: ServerResponse): void {
  const file = id === null ? null : service.download(id);
  if (file === null) {
    sendJson(res, 404, apiFailure('NOT_FOUND', 'No such download: run the report again'));
    return;
  }
  res.writeHead(200, {
    'Content-Type': XLSX,
    'Content-Length': statSync(file.path).size,
    // RFC 6266 / 5987: an ASCII fallback and the UTF-8 name (Chinese deal names).
    'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
  createReadStream(file.path).pipe(res);
}
