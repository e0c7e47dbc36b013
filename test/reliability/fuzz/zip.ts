import { crc32, deflateRawSync } from 'node:zlib';

/** A part already deflated (the zip bomb's sheet is deflated as a stream, never held whole). */
export interface DeflatedPart {
  readonly deflated: Buffer;
  readonly crc: number;
  readonly size: number;
}

export interface ZipFile {
  readonly bytes: Buffer;
  /** Where each part's compressed data lies in `bytes`, [start, end). */
  readonly data: ReadonlyMap<string, readonly [number, number]>;
}

/**
 * A zip archive (PKWARE APPNOTE 6.3: local file headers, then the central directory and its end
 * record), every part deflated (method 8), no data descriptors. Written here rather than with a
 * library so the fuzzer knows where each part's deflate stream lies.
 */
export function zipParts(parts: ReadonlyMap<string, string | Buffer | DeflatedPart>): ZipFile {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  const data = new Map<string, readonly [number, number]>();
  let offset = 0;
  for (const [name, content] of parts) {
    const part = typeof content === 'string' || Buffer.isBuffer(content) ? deflated(Buffer.from(content)) : content;
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(part.size >>> 0, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.deflated.length, 20);
    entry.writeUInt32LE(part.size >>> 0, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    const start = offset + 30 + nameBytes.length;
    data.set(name, [start, start + part.deflated.length]);
    chunks.push(local, nameBytes, part.deflated);
    offset = start + part.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return { bytes: Buffer.concat([...chunks, directory, end]), data };
}

function deflated(content: Buffer): DeflatedPart {
  return { deflated: deflateRawSync(content), crc: crc32(content), size: content.length };
}

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A1-style column letters: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One row of a worksheet, every cell an inline string (ECMA-376 Part 1, §18.3.1.53 is, t="inlineStr"). */
export function sheetRow(cells: readonly string[], rowNumber: number): string {
  const xml = cells.map((cell, c) => `<c r="${columnName(c)}${rowNumber}" t="inlineStr"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`).join('');
  return `<row r="${rowNumber}">${xml}</row>`;
}

export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts of a minimal valid workbook (content types, package and workbook relationships, one sheet). */
export function workbookParts(sheetName: string, sheetXml: string | DeflatedPart): Map<string, string | DeflatedPart> {
  const ns = 'http://schemas.openxmlformats.org';
  return new Map<string, string | DeflatedPart>([
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
    ['xl/worksheets/sheet1.xml', sheetXml],
  ]);
}

/** A workbook of one sheet holding these rows (the first is the header). */
export function xlsxOfRows(rows: readonly (readonly string[])[], sheetName = 'loans'): Map<string, string | DeflatedPart> {
  return workbookParts(sheetName, SHEET_HEAD + rows.map((row, r) => sheetRow(row, r + 1)).join('') + SHEET_TAIL);
}
