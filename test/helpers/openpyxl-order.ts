import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Rewrites an exceljs workbook the way openpyxl (and so pandas' `to_excel`) stores one:
 * openpyxl's ExcelWriter.write_data writes docProps, the theme, then every worksheet, then
 * sharedStrings and styles, and only then xl/workbook.xml with its relationships and the content
 * types — and its workbook relationships point at absolute part names (`Target=sheet.path`,
 * "/xl/worksheets/sheet1.xml"). Both made exceljs's streaming reader emit `Sheet1`, `Sheet2`….
 */
const OPENPYXL_ORDER = [
  /^docProps\//,
  /^xl\/theme\//,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\//,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/styles\.xml$/,
  /^_rels\/\.rels$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^\[Content_Types\]\.xml$/,
];

function rank(name: string): number {
  const index = OPENPYXL_ORDER.findIndex((pattern) => pattern.test(name));
  return index < 0 ? OPENPYXL_ORDER.length : index;
}

export async function reorderLikeOpenpyxl(path: string): Promise<void> {
  const source = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(source.files)
    .filter((name) => !source.files[name]?.dir)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
  const target = new JSZip();
  for (const name of names) {
    let text = await source.file(name)?.async('nodebuffer');
    if (!text) continue;
    if (name === 'xl/_rels/workbook.xml.rels') text = Buffer.from(text.toString('utf8').replace(/Target="(?!\/)([^"]+)"/g, 'Target="/xl/$1"'));
    target.file(name, text);
  }
  writeFileSync(path, await target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The zip's part names in stored order (to check the fixture really is in openpyxl's order). */
export function storedPartNames(path: string): string[] {
  const bytes = readFileSync(path);
  const names: string[] = [];
  for (let p = 0; p + 30 <= bytes.length;) {
    if (bytes.readUInt32LE(p) !== 0x04034b50) break;
    const nameLength = bytes.readUInt16LE(p + 26);
    names.push(bytes.toString('utf8', p + 30, p + 30 + nameLength));
    p += 30 + nameLength + bytes.readUInt16LE(p + 28) + bytes.readUInt32LE(p + 18);
  }
  return names;
}
