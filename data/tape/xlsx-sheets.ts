import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/**
 * The workbook's sheets as the spreadsheet names them, each with the worksheet part that holds
 * it, read from the zip's central directory before streaming. exceljs's streaming reader names a
 * sheet `Sheet<n>` whenever it meets the worksheet part before `xl/workbook.xml` (openpyxl, and so
 * pandas' `to_excel`, stores the workbook part last) or cannot follow the relationship (openpyxl
 * writes absolute targets such as `/xl/worksheets/sheet1.xml`). So a sheet is matched by its part
 * (ECMA-376 Part 1 §18.2.19: `<sheet name r:id>` → the relationship's Target), never by the name
 * exceljs emits. Reading is synchronous over two small parts: it cannot hang.
 */
export interface SheetPart {
  readonly name: string;
  /** n of `xl/worksheets/sheet<n>.xml`, the part exceljs's reader reports as it meets it. */
  readonly partNo: string;
}

interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly crc32: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/** The central directory's entries by name (APPNOTE.TXT §4.3.12, §4.3.16). */
function centralDirectory(fd: number): Map<string, ZipEntry> {
  const size = fstatSync(fd).size;
  const tailStart = Math.max(0, size - 65_557);
  const tail = readAt(fd, tailStart, size - tailStart);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no zip central directory (the file is not a complete XLSX workbook)');
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirOffset === 0xffffffff) throw new Error('workbooks over 4 GB (ZIP64) are not supported');
  const dir = readAt(fd, dirOffset, dirSize);
  const entries = new Map<string, ZipEntry>();
  for (let p = 0; p + 46 <= dir.length && dir.readUInt32LE(p) === CENTRAL;) {
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name, {
      method: dir.readUInt16LE(p + 10),
      crc32: dir.readUInt32LE(p + 16),
      compressedSize: dir.readUInt32LE(p + 20),
      uncompressedSize: dir.readUInt32LE(p + 24),
      localOffset: dir.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const LOCAL = 0x04034b50;

function dataStart(fd: number, entry: ZipEntry): number {
  const header = readAt(fd, entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new Error(`a part's local zip header at byte ${entry.localOffset} is missing or damaged`);
  return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

function partText(fd: number, entry: ZipEntry): string {
  const data = readAt(fd, dataStart(fd, entry), entry.compressedSize);
  if (entry.method === 0) return data.toString('utf8');
  if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: 64 << 20 }).toString('utf8');
  throw new Error(`unsupported zip compression method ${entry.method}`);
}

function xmlText(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, code: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number.parseInt(code.slice(1), 10));
    return named[code.toLowerCase()] ?? '';
  });
}

/** Attributes of every `<tag …>` (any namespace prefix), local names as keys. */
function elements(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)>`, 'g'))) {
    const attributes: Record<string, string> = {};
    for (const [, qualified = '', , value = ''] of (match[1] ?? '').matchAll(/([\w.:-]+)\s*=\s*("|')(.*?)\2/g)) {
      const local = qualified.startsWith('xmlns') ? qualified : qualified.slice(qualified.indexOf(':') + 1);
      attributes[local] = xmlText(value);
    }
    found.push(attributes);
  }
  return found;
}

/** A relationship's Target as a part name: absolute (`/xl/…`) or relative to `xl/`. */
function partName(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.' && step !== '') parts.push(step);
  }
  return parts.join('/');
}

/** The workbook's sheets in tab order, each with its worksheet part number. */
export function readSheetParts(path: string): SheetPart[] {
  const fd = openSync(path, 'r');
  try {
    const entries = centralDirectory(fd);
    const workbook = entries.get('xl/workbook.xml');
    const rels = entries.get('xl/_rels/workbook.xml.rels');
    if (!workbook || !rels) throw new Error('xl/workbook.xml or its relationships are missing');
    const targets = new Map(elements(partText(fd, rels), 'Relationship').map((rel) => [rel['Id'] ?? '', partName(rel['Target'] ?? '')]));
    const sheets: SheetPart[] = [];
    for (const sheet of elements(partText(fd, workbook), 'sheet')) {
      const part = targets.get(sheet['id'] ?? '') ?? '';
      const partNo = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part)?.[1];
      if (partNo !== undefined && sheet['name'] !== undefined) sheets.push({ name: sheet['name'], partNo });
    }
    return sheets;
  } finally {
    closeSync(fd);
  }
}

/** Where a part's stored bytes lie in the file, and how they are compressed (0 stored, 8 deflate). */
export interface PartData {
  readonly name: string;
  readonly method: number;
  readonly start: number;
  readonly compressedSize: number;
  /** The part's size and CRC-32 as the central directory states them (APPNOTE.TXT §4.4.7, §4.4.9). */
  readonly uncompressedSize: number;
  readonly crc32: number;
}

/** The named parts the workbook holds (those it lacks are left out), located through the central directory. */
export function partData(path: string, names: readonly string[]): PartData[] {
  const fd = openSync(path, 'r');
  try {
    const entries = centralDirectory(fd);
    return names.flatMap((name) => {
      const entry = entries.get(name);
      return entry ? [{ name, method: entry.method, start: dataStart(fd, entry), compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize, crc32: entry.crc32 }] : [];
    });
  } finally {
    closeSync(fd);
  }
}
