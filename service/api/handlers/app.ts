import pkg from '../../../package.json' with { type: 'json' };
import { sqliteLibraryVersion } from '../../../data/workspace.ts';
import type { AppVersionInfo } from '../contract.ts';
import type { ServiceContext } from '../context.ts';

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
    workspacesFolder: service.workspaceFolder,
  };
}
