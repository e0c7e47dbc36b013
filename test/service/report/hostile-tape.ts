import { readFileSync, writeFileSync } from 'node:fs';
import { writeSampleTape } from '../../../data/sample/write.ts';

/**
 * Strings a spreadsheet would run as formulas if written carelessly (OWASP "CSV injection"):
 * each must come back from the workbook as the same text, never as a formula.
 */
export const HOSTILE = ['=HYPERLINK("http://evil.example","click")', '@SUM(1)', '+1', '-1', '=1+1', "=cmd|' /C calc'!A0", '\t=1'] as const;

/** A CSV parser-safe field: quoted, inner quotes doubled. */
const quoted = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/**
 * The sample consumer tape (English headers, UTF-8) with hostile text in every loan id (as a
 * prefix, ids stay unique), province and product: the report's strats show provinces and products.
 */
export async function writeHostileTape(path: string, loans: number, seed: number): Promise<void> {
  await writeSampleTape({ loans, seed, out: path, format: 'csv', headers: 'en', encoding: 'utf-8' });
  const [header, ...rows] = readFileSync(path, 'utf8').split('\r\n');
  const hostile = rows
    .filter((line) => line !== '')
    .map((line, i) => {
      const cells = line.split(',');
      const pick = HOSTILE[i % HOSTILE.length] ?? '';
      cells[0] = quoted(`${pick}#${cells[0] ?? ''}`);
      cells[2] = quoted(pick);
      cells[15] = quoted(HOSTILE[(i + 1) % HOSTILE.length] ?? '');
      return cells.join(',');
    });
  writeFileSync(path, `${[header, ...hostile].join('\r\n')}\r\n`);
}
