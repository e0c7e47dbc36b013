/**
 * The printed pack's page footer in the pack's language. The page number and count exist only in
 * the print layout (CSS counters `page` and `pages` in an @page margin box), so the catalogue's
 * "Page {page} of {pages}" / "第 {page} 页，共 {pages} 页" becomes the box's `content`: its words as
 * CSS strings, each placeholder as its counter. A fixed English `content` in styles.css printed
 * "Page 1 of 5" under a Chinese pack.
 */

const COUNTERS: Readonly<Record<string, string>> = { page: 'counter(page)', pages: 'counter(pages)' };

/** Text as a CSS string: quoted, its backslashes, quotes and line breaks escaped. */
function cssString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\A ')}'`;
}

/** The @page rule that writes `template` (with {page} and {pages}) bottom right on every printed page. */
export function pageFooterRule(template: string): string {
  const parts = template.split(/\{(pages?)\}/);
  const content = parts
    .map((part, k) => (k % 2 === 1 ? (COUNTERS[part] ?? '') : part === '' ? '' : cssString(part)))
    .filter((part) => part !== '')
    .join(' ');
  return `@page { @bottom-right { content: ${content}; } }`;
}

/** Puts the footer rule into the document (a page-wide rule: in its head) until the returned function takes it out again. */
export function showPageFooter(template: string): () => void {
  const style = document.createElement('style');
  style.dataset['packPageFooter'] = '';
  style.textContent = pageFooterRule(template);
  document.head.append(style);
  return () => style.remove();
}
