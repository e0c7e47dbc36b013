import type { PartData } from '../xlsx-sheets.ts';
import { scanPart } from './scan-part.ts';
import { attribute } from './xml-scan.ts';

/**
 * Whether the workbook counts dates from 1904 (`<workbookPr date1904="1">`, ECMA-376 Part 1
 * §18.2.28; Excel for Mac before 2011 wrote such files): serial 0 is then 1904-01-01, 1,462 days
 * after the 1900 system's 1899-12-31 (xsd:boolean, so "1" or "true").
 */
class WorkbookHandler {
  collecting = false;
  date1904 = false;

  open(name: string, attributes: string): void {
    if (name === 'workbookPr') {
      const value = attribute(attributes, 'date1904');
      this.date1904 = value === '1' || value === 'true';
    }
  }

  close(): void {}
  text(): void {}
}

export async function readDate1904(path: string, part: PartData | undefined): Promise<boolean> {
  if (!part) return false;
  const handler = new WorkbookHandler();
  await scanPart(path, part, handler);
  return handler.date1904;
}
