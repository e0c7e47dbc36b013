/**
 * Exported file names are plain ASCII: letters, digits, '.', '_' and '-'. Everything else — curly
 * quotes and apostrophes from labels (“base”, deal file’s), spaces, Chinese characters, path and
 * shell characters — becomes '-', runs of '-' collapse, and a name left empty takes `fallback`.
 * Chinese names are not transliterated (there is no faithful ASCII form); the file's contents keep them.
 */
export function fileNamePart(text: string, fallback: string): string {
  const ascii = text
    .normalize('NFKD') // full-width Ａ１ → A1, accents split off and dropped below
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return ascii === '' ? fallback : ascii;
}

/** A file name from parts (each made ASCII-safe, empty parts dropped) and an extension: ("消费贷 2027-1", "“base”") + "csv" → "2027-1-base.csv". */
export function exportFileName(parts: readonly string[], extension: string, fallback = 'export'): string {
  const safe = parts.map((p) => fileNamePart(p, '')).filter((p) => p !== '');
  return `${safe.length === 0 ? fallback : safe.join('-')}.${extension}`;
}

/** A whole file name made ASCII-safe, its extension kept: "“base” 样本-problems.csv" → "base-problems.csv". */
export function asciiFileName(name: string, fallback = 'export'): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? fileNamePart(name.slice(dot + 1), '') : '';
  const base = fileNamePart(dot > 0 ? name.slice(0, dot) : name, fallback);
  return extension === '' ? base : `${base}.${extension}`;
}
