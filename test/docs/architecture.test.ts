import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.ts';

// docs/architecture.md walks the call chain as `file:function` (or `file:Class.method`) and names
// files as `folder/file.ts`; this keeps every one of them true as the code moves.
const page = readFileSync(join(REPO_ROOT, 'docs', 'architecture.md'), 'utf8');
const references = [...page.matchAll(/`((?:engine|data|service|cli|electron|renderer|templates)\/[\w./-]+\.(?:ts|tsx|json))(?::([\w$]+)(?:\.([\w$#]+))?)?`/g)].map((m) => ({
  file: m[1] ?? '',
  symbol: m[2],
  member: m[3],
}));

function declares(source: string, symbol: string): boolean {
  return new RegExp(`(?:function\\*?|class|interface|type|const|let|enum)\\s+${symbol}\\b`).test(source);
}

describe('docs/architecture.md', () => {
  it('names at least the chain from a tape row to a WAL', () => {
    expect(references.length).toBeGreaterThan(30);
    expect(references.some((r) => r.symbol === 'weightedAverageLife')).toBe(true);
    expect(references.some((r) => r.symbol === 'importTapeWith')).toBe(true);
  });

  it.each(references.map((r) => [`${r.file}${r.symbol ? `:${r.symbol}` : ''}${r.member ? `.${r.member}` : ''}`, r] as const))('%s exists', (_label, ref) => {
    const path = join(REPO_ROOT, ref.file);
    expect(existsSync(path), `${ref.file} is missing`).toBe(true);
    if (ref.symbol === undefined) return;
    const source = readFileSync(path, 'utf8');
    expect(declares(source, ref.symbol), `${ref.file} declares no ${ref.symbol}`).toBe(true);
    if (ref.member !== undefined) expect(new RegExp(`\\n\\s+(?:async\\s+)?${ref.member}\\s*\\(`).test(source), `${ref.symbol} has no ${ref.member}`).toBe(true);
  });
});
