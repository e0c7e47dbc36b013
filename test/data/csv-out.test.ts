import { describe, expect, it } from 'vitest';
import { csvField, safeCsvField } from '../../data/csv-out.ts';
import { csvText } from '../../renderer/app/csv.ts';

// Issue 17, defect 11. OWASP CSV Injection (owasp.org/www-community/attacks/CSV_Injection): a
// cell starting with = + - @, tab or CR is prefixed with a single quote and the field quoted.
// The full-width forms and a trigger after leading spaces are guarded the same way; a field
// holding ';' is quoted (semicolon locales split on it). Each expected field is written by hand.
const cases: [input: string, field: string][] = [
  ['a;b', '"a;b"'], // split into two cells in a semicolon locale before
  ['＝1+1', `"'＝1+1"`], // full-width equals sign (U+FF1D): not guarded before
  ['＋86 138', `"'＋86 138"`],
  ['－5', `"'－5"`],
  ['＠SUM(A1)', `"'＠SUM(A1)"`],
  [' =1+1', `"' =1+1"`], // the rejects CSV kept this as it was
  ['\u3000=1+1', `"'\u3000=1+1"`], // after an ideographic space
  ['=SUM(A1)', `"'=SUM(A1)"`],
  ['-1', `"'-1"`],
  ['\tx', `"'\tx"`],
  ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
  ['1-30', '1-30'], // a minus sign inside is no trigger
  ['plain', 'plain'],
  ['a,b', '"a,b"'],
  ['say "hi"', '"say ""hi"""'],
];

describe('CSV fields: formula guard and quoting (data/csv-out.ts and renderer/app/csv.ts)', () => {
  it.each(cases)('safeCsvField(%j) is %s', (input, field) => {
    expect(safeCsvField(input)).toBe(field);
  });

  it.each(cases)('the renderer writes %j as %s too', (input, field) => {
    expect(csvText(input)).toBe(field);
  });

  it('quotes a semicolon in our own text (headers) without guarding it', () => {
    expect(csvField('Rules; reasons')).toBe('"Rules; reasons"');
    expect(csvField('-1')).toBe('-1');
  });
});
