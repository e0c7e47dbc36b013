/**
 * One read of an XLSX tape's sheet in a fresh process by the named reader — every row turned into
 * its cells' text, nothing stored — printing wall time, CPU time, peak RSS and rows as JSON.
 * Usage: node test/bench/xlsx-read-child.ts stream|exceljs TAPE.xlsx
 */
import { readXlsxFile, type XlsxReaderName } from '../../data/tape/xlsx.ts';
import { peakRssMb } from './peak-rss.ts';

const [reader, file] = process.argv.slice(2);
if ((reader !== 'stream' && reader !== 'exceljs') || !file) throw new Error('usage: xlsx-read-child.ts stream|exceljs TAPE.xlsx');
const started = performance.now();
let rows = 0;
let cells = 0;
await readXlsxFile(file, {
  reader: reader satisfies XlsxReaderName,
  onHeader: () => undefined,
  onRow: (fields) => {
    rows++;
    cells += fields.length;
  },
});
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssMb: peakRssMb(), rows, cells })}\n`);
