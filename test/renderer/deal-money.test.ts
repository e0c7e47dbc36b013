import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoneyIn, formatYuan } from '../../messages/numbers.ts';
import { messagesZhCN } from '../../messages/messages-zh-CN.ts';
import { registerCatalogue, sayCodedIn } from '../../messages/say.ts';
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

  it('puts a negative amount’s minus before the currency sign (-¥1,234.50), in the hyphen-minus every number of the app uses, and reads an amount that rounds to zero as 0.00', () => {
    // As accounts write a debit: the sign of the amount, then its currency, then the figure.
    expect(formatMoneyIn(-1_234.5, 'CNY')).toBe('-¥1,234.50');
    expect(formatMoneyIn(-1_234.5, 'USD')).toBe('-$1,234.50');
    expect(formatMoneyIn(-1_234.5, undefined)).toBe('-1,234.50');
    expect(formatYuan(-0.5)).toBe('-¥0.50');
    // The minus is the one Intl's en-US and toFixed write (U+002D), as the percentages beside it.
    expect(formatMoneyIn(-7, 'CNY').codePointAt(0)).toBe(0x2d);
    // Float noise under half a cent is no amount at all, not a negative zero.
    expect(formatMoneyIn(-0.001, 'CNY')).toBe('¥0.00');
    expect(formatMoneyIn(-0, 'USD')).toBe('$0.00');
    expect(formatMoney(-2500, 'USD')).toBe('-$2,500.00');
    // A coded message says its amounts the same way in Chinese (messages/say.ts: a param named …Amount is money).
    registerCatalogue('zh-CN', messagesZhCN);
    const said = sayCodedIn(
      'zh-CN',
      { code: 'dealWarning.unquotableYield', params: { note: 'A', repaidAmount: -1_234.5, originalAmount: 10_000 }, message: '' },
      { money: (x) => formatMoneyIn(x, 'CNY') },
    );
    expect(said).toContain('只偿付了 -¥1,234.50（原始本金 ¥10,000.00）');
    expect(said).not.toContain('¥-');
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
