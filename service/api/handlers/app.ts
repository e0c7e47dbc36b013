import pkg from '../../../package.json' with { type: 'json' };
import Database from 'better-sqlite3';
import type { AppVersionInfo } from '../contract.ts';
import type { ServiceContext } from '../context.ts';

let sqliteVersionCache: string | null = null;

function sqliteLibraryVersion(): string {
  if (sqliteVersionCache === null) {
    const db = new Database(':memory:');
    sqliteVersionCache = String(db.prepare('SELECT sqlite_version()').pluck().get());
    db.close();
  }
  return sqliteVersionCache;
}

export function appVersion(_params: unknown, service: ServiceContext): AppVersionInfo {
  return {
    name: pkg.name,
    productName: pkg.productName,
    version: pkg.version,
    transport: service.transport,
    node: process.versions.node,
    electron: service.electronVersion,
    sqlite: sqliteLibraryVersion(),
    platform: `${process.platform}-${process.arch}`,
  };
}
