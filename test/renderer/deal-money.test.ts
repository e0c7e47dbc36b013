import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoneyIn, formatYuan } from '../../messages/numbers.ts';
import { readDealFile, type DealFile } from '../../service/files/deal-file.ts';
import { dealView, formatMoney } from '../../renderer/areas/deal/model.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

/**
 * Money on the Deal screen carries the deal's currency, as its file states it (`currency`, ISO 4217):
 * CNY is written ¥, USD $, 2 decimals grouped by thousands — the one formatter the Pool screen's yuan
 * use too (messages/numbers.ts); a file that states none shows the amount alone, as the Excel report
 * writes its money cells ("deal currency" on its Summary).
 */

function template(id: string): DealFile {
  return readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', `${id}.json`), 'utf8')));
}

describe('an amount in the deal’s currency', () => {
  it('writes ¥ for CNY and $ for USD, the amount alone without a currency, — for no number', () => {
    expect(formatMoneyIn(1_234_567.5, 'CNY')).toBe('¥1,234,567.50');
    expect(formatMoneyIn(1_234_567.5, 'USD')).toBe('$1,234,567.50');
    expect(formatMoneyIn(1_234_567.5, undefined)).toBe('1,234,567.50');
    expect(formatMoneyIn(Number.NaN, 'USD')).toBe('—');
    expect(formatMoneyIn(null, 'CNY')).toBe('—');
    // The Pool screen's yuan and the report's unsigned amounts are the same formatter.
    expect(formatYuan(0.5)).toBe(formatMoneyIn(0.5, 'CNY'));
    expect(formatAmount(2500)).toBe('2,500.00');
    expect(formatMoney(2500, 'USD')).toBe('$2,500.00');
  });

  it('states the templates’ own amounts in their currency in the structure in words: the US auto deal in $, the consumer deal in ¥', () => {
    const us = template('us-auto-oc-turbo');
    expect(us.currency).toBe('USD');
    const usView = dealView(us);
    expect(usView.currency).toBe('USD');
    // Its reserve's initial deposit (5,000,000) and its trustee's fixed fee (2,500 a period), from the file.
    expect(usView.reserve).toContain('initial deposit $5,000,000.00');
    expect(usView.fees.map((f) => f.basis)).toContain('$2,500.00 each period');

    const cn = template('cn-consumer-revolving');
    expect(cn.currency).toBe('CNY');
    const cnView = dealView(cn);
    expect(cnView.reserve).toContain('initial deposit ¥3,560,000.00');
    expect(cnView.reserve).toContain('floor ¥500,000.00');

    // The same deal stating no currency: the amounts alone.
    const { currency: _currency, ...unstated } = us;
    expect(dealView(unstated).reserve).toContain('initial deposit 5,000,000.00');
  });
});
