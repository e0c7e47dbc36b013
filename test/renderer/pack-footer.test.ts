import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en.ts';
import { zhCN } from '../../renderer/i18n/zh-CN.ts';
import { pageFooterRule } from '../../renderer/areas/reports/pack/page-footer.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

/**
 * The printed investor pack's footer follows the pack's language: the catalogue's words become the
 * @page margin box's content around the page counters (the Chinese pack printed "Page 1 of 5" from
 * a fixed English `content` in styles.css). The PDF itself: test/e2e/investor-pack.test.ts.
 */
describe('the investor pack’s page footer', () => {
  it('is the catalogue’s words around the page and pages counters, in each language', () => {
    expect(pageFooterRule(en['pack.pageOf'])).toBe("@page { @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); } }");
    expect(pageFooterRule(zhCN['pack.pageOf'])).toBe("@page { @bottom-right { content: '第 ' counter(page) ' 页，共 ' counter(pages) ' 页'; } }");
  });

  it('keeps words that would end a CSS string inside it', () => {
    expect(pageFooterRule("p. {page}/{pages} 'draft' \\")).toBe("@page { @bottom-right { content: 'p. ' counter(page) '/' counter(pages) ' \\'draft\\' \\\\'; } }");
  });

  it('is no longer written in styles.css, whose @page box sets only its look', () => {
    const css = readFileSync(join(REPO_ROOT, 'renderer', 'styles.css'), 'utf8');
    const page = css.slice(css.indexOf('@page {'), css.indexOf('@media print'));
    expect(page).toContain('@bottom-right');
    expect(page).not.toMatch(/content\s*:/);
  });
});
