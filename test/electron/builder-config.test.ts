/**
 * The packaged app's Electron fuses, read from the builder config that `npm run dist` uses.
 * Fuses are bits in the Electron binary that electron-builder flips before signing
 * (electron.build/tutorials/adding-electron-fuses; electronjs.org/docs/latest/tutorial/fuses).
 * Packaging needs the network, so this checks the config, not a built binary.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.ts';

interface JsonSchema {
  readonly properties?: Record<string, unknown>;
  readonly definitions: Record<string, { readonly properties: Record<string, unknown> }>;
}

const builderConfig = JSON.parse(readFileSync(join(REPO_ROOT, 'build', 'electron-builder.json'), 'utf8')) as Record<string, unknown>;
const fuses = (builderConfig.electronFuses ?? {}) as Record<string, unknown>;
// The JSON Schema electron-builder itself validates its configuration against (app-builder-lib).
const require = createRequire(import.meta.url);
const builderSchema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as JsonSchema;
const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator.js') as { validateSchema: (schema: unknown, config: unknown) => void };

describe('Electron fuses in build/electron-builder.json', () => {
  it('turns off the ways to run the binary as a plain Node with other code', () => {
    // ELECTRON_RUN_AS_NODE, NODE_OPTIONS / NODE_EXTRA_CA_CERTS, and --inspect / SIGUSR1 would let
    // anyone who can start the app run arbitrary code with its signature. The service uses
    // worker_threads, never process.fork, so runAsNode off costs nothing.
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
  });

  it('loads the app only from a validated app.asar and encrypts cookies', () => {
    // ASAR integrity is enforced on macOS (Electron ≥ 16) and Windows (Electron ≥ 30); Linux
    // ignores the bit. onlyLoadAppFromAsar closes the `app/` folder path around the check.
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(fuses.enableCookieEncryption).toBe(true);
    // The renderer is served from app://, never file://: file pages need no extra privileges.
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('keeps what the asar fuses rely on: an asar archive whose integrity hash is embedded', () => {
    expect(builderConfig.asar).toBe(true);
    expect(builderConfig.disableAsarIntegrity).toBeUndefined();
    for (const platform of ['mac', 'win', 'linux']) {
      expect((builderConfig[platform] as Record<string, unknown>).asar, platform).toBeUndefined();
    }
    const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
    expect(Number(electronVersion.split('.')[0])).toBeGreaterThanOrEqual(30);
  });

  it("names only fuses and options electron-builder's schema knows, so a typo fails here", () => {
    const knownFuses = Object.keys(builderSchema.definitions.FuseOptionsV1!.properties);
    expect(Object.keys(fuses).filter((name) => !knownFuses.includes(name))).toEqual([]);
    expect(Object.keys(fuses).length).toBeGreaterThanOrEqual(6);
    expect(() => validateSchema(builderSchema, builderConfig)).not.toThrow();
    expect(() => validateSchema(builderSchema, { ...builderConfig, electronFuses: { ...fuses, runAsNod: false } })).toThrow(/electronFuses/);
  });
});
