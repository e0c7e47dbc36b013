import { describe, expect, it } from 'vitest';
import { displayWidth, textTable } from '../../cli/output.ts';

describe('text tables with Chinese names', () => {
  it('counts a CJK character, full-width bracket or full-width digit as two terminal columns', () => {
    expect(displayWidth('Senior A')).toBe(8);
    expect(displayWidth('优先A')).toBe(5);
    expect(displayWidth('工薪（Salaried）')).toBe(4 + 2 + 8 + 2);
    expect(displayWidth('１２')).toBe(4);
    expect(displayWidth('Net 净损失 5.00%')).toBe(4 + 6 + 6);
  });

  it('lines the figures up under their header whatever script the names are in', () => {
    const header = ['Segment', 'Loans', 'Balance'];
    const rows = [
      ['Salaried (工薪)', '4,120', '33,512,004.18'],
      ['Self-employed (个体经营)', '980', '9,001.00'],
      ['Student', '12', '1.00'],
    ];
    const { line } = textTable(header, rows);
    const lines = [header, ...rows].map(line);
    // Padded by terminal columns (工薪 is 4 of them): every line is as wide, the figures end in one column.
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(lines).toEqual([
      'Segment                   Loans        Balance',
      'Salaried (工薪)           4,120  33,512,004.18',
      'Self-employed (个体经营)    980       9,001.00',
      'Student                      12           1.00',
    ]);
  });
});
