import { describe, expect, it } from 'vitest';
import { notATapeReason } from '../../data/tape/binary.ts';

// Magic numbers from each format's specification (see data/tape/binary.ts for the sources).
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
const TEXT = new TextEncoder().encode('借据号,本金\nA1,100\n');

describe('files that are not tapes', () => {
  it('names a JPEG in either format', () => {
    expect(notATapeReason(JPEG, 'csv', false)).toBe('a JPEG image');
    expect(notATapeReason(JPEG, 'xlsx', false)).toBe('a JPEG image');
  });

  it('a ZIP named .csv is refused with a hint; named .xlsx it is left to the XLSX reader', () => {
    expect(notATapeReason(ZIP, 'csv', false)).toMatch(/^a ZIP archive \(an XLSX workbook is one/);
    expect(notATapeReason(ZIP, 'xlsx', false)).toBeNull();
  });

  it('text is a tape; NUL bytes are refused unless the text is UTF-16', () => {
    expect(notATapeReason(TEXT, 'csv', false)).toBeNull();
    const withNul = Uint8Array.from([...TEXT, 0]);
    expect(notATapeReason(withNul, 'csv', false)).toMatch(/^a binary file/);
    expect(notATapeReason(withNul, 'csv', true)).toBeNull();
  });
});
