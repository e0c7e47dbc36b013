/**
 * Files that are not loan tapes at all: a picture, a PDF or an archive chosen by mistake would
 * otherwise be decoded as a GB18030 "CSV" of garbage. They are recognised by their magic numbers
 * (the fixed first bytes each format's specification starts with) or, for text tapes, by NUL
 * bytes, which no CSV in UTF-8 or GB18030 contains (UTF-16 text, which does, is recognised first).
 */

/** How many bytes from the start of a file `notATapeReason` looks at. */
export const BINARY_SAMPLE_BYTES = 4096;

interface Signature {
  readonly magic: readonly number[];
  readonly looksLike: string;
}

// Magic numbers: PNG (RFC 2083 §3.1: 89 50 4E 47 0D 0A 1A 0A), JPEG (JFIF/Exif SOI + marker: FF D8 FF),
// PDF ("%PDF-", ISO 32000-1 §7.5.2), ZIP local file header or empty archive ("PK\3\4", "PK\5\6",
// PKWARE APPNOTE §4.3.7/§4.3.16), OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1, [MS-CFB] §2.2), which is
// what Excel 97–2003 .xls workbooks are.
const SIGNATURES: readonly Signature[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], looksLike: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image' },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], looksLike: 'a PDF document' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], looksLike: 'an Excel 97–2003 workbook (.xls): save it as .xlsx or CSV in Excel' },
];
const ZIP_MAGICS: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}

/**
 * What the file looks like when it is not a tape of the format its name says, else null.
 * `head` is the file's first bytes (about BINARY_SAMPLE_BYTES); `utf16` says the text is UTF-16
 * (by BOM, detection or the user's choice), where NUL bytes are normal.
 */
export function notATapeReason(head: Uint8Array, format: 'csv' | 'xlsx', utf16: boolean): string | null {
  for (const { magic, looksLike } of SIGNATURES) if (startsWith(head, magic)) return looksLike;
  const zip = ZIP_MAGICS.some((magic) => startsWith(head, magic));
  if (format === 'xlsx') return null; // an XLSX is a ZIP; whether it holds a workbook is the XLSX reader's to say
  if (zip) return 'a ZIP archive (an XLSX workbook is one: if this is a workbook, give the file the .xlsx extension)';
  if (!utf16 && head.includes(0)) return 'a binary file (it holds NUL bytes, which a CSV text file does not)';
  return null;
}
