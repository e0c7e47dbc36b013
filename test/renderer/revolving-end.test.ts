/**
 * The Deal screen's note of when and why revolving ended, one template a language (walkthrough:
 * "2027-07-26, 因触发事件 (cdr)" — English punctuation inside Chinese; Chinese writes ，and （）).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';
import { translator } from '../../renderer/app/i18n.tsx';
import { revolvingEndNote } from '../../renderer/areas/deal/revolving-end.ts';

beforeAll(() => loadCatalogue('zh-CN'));

describe('revolving end note', () => {
  it('writes Chinese with its full-width comma and brackets, English with its own', () => {
    const byTrigger = { period: 13, paymentDate: '2027-07-26', reason: 'trigger', trigger: 'cdr' } as const;
    const scheduled = { period: 13, paymentDate: '2027-07-26', reason: 'scheduled' } as const;
    expect(revolvingEndNote(byTrigger, translator('zh-CN'))).toBe('2027-07-26，因触发事件（cdr）');
    expect(revolvingEndNote(scheduled, translator('zh-CN'))).toBe('2027-07-26，按计划');
    expect(revolvingEndNote(byTrigger, translator('en'))).toBe('2027-07-26, by a trigger (cdr)');
    expect(revolvingEndNote(scheduled, translator('en'))).toBe('2027-07-26, as scheduled');
  });
});
