import { useState } from 'react';
import type { DealFile, DealRunResult, PriceYieldConvention, PriceYieldResult } from '../../../service/api/contract.ts';
import { useApp } from '../../app/context.tsx';
import { formatPct } from '../../app/format.ts';
import { formatMoney } from './model.ts';
import { noteSchedule } from './note-schedule.ts';

/** Each quote convention as the tranche table names it (docs/deals.md, "Yield conventions"). */
const CONVENTIONS: readonly { readonly value: PriceYieldConvention; readonly label: string }[] = [
  { value: 'chinaInterbank', label: 'China interbank (CFETS): compounded at the payment frequency, simple in the final period' },
  { value: 'annualEffective', label: 'Annual effective, ACT/365 (XIRR)' },
  { value: 'bondEquivalent', label: 'Bond-equivalent (semi-annual, SIFMA)' },
  { value: 'mortgageEquivalent', label: 'Mortgage-equivalent (monthly, SIFMA)' },
];

const SHORT: Readonly<Record<PriceYieldConvention, string>> = {
  chinaInterbank: 'China interbank',
  annualEffective: 'annual effective',
  bondEquivalent: 'bond-equivalent',
  mortgageEquivalent: 'mortgage-equivalent',
};

/** Price → yield or yield → price for one coupon note of the run, on a settlement date: clean, dirty and accrued with the conventions named. */
export function PriceYieldPanel({ run, deal }: { run: DealRunResult; deal: DealFile }) {
  const { api } = useApp();
  const couponNotes = deal.notes.filter((n) => n.coupon.type !== 'none' && run.tranches.some((t) => t.id === n.id));
  const [noteId, setNoteId] = useState(couponNotes[0]?.id ?? '');
  const [settlement, setSettlement] = useState(run.closingDate);
  const [convention, setConvention] = useState<PriceYieldConvention>('chinaInterbank');
  const [given, setGiven] = useState<'price' | 'yield'>('price');
  const [value, setValue] = useState('100');
  const [result, setResult] = useState<PriceYieldResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (couponNotes.length === 0) return null;

  async function compute(): Promise<void> {
    const note = noteSchedule(run, deal, noteId);
    const x = Number(value.replace('%', '').trim());
    if (!note) return;
    if (value.trim() === '' || !Number.isFinite(x)) {
      setError(given === 'price' ? 'Give a clean price in percent of face, e.g. 99.5' : 'Give a yield in percent, e.g. 3.1');
      return;
    }
    try {
      const answer = await api.call('deal.priceYield', { note, settlementDate: settlement, convention, ...(given === 'price' ? { cleanPrice: x } : { yield: x / 100 }) });
      setResult(answer);
      setError(null);
    } catch (caught) {
      setResult(null);
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <section className="panel price-yield-panel" aria-label="Price and yield" data-testid="price-yield-panel">
      <h3>Price / yield of a note</h3>
      <div className="size-fields">
        <label>
          Note
          <select aria-label="Price/yield note" value={noteId} onChange={(e) => setNoteId(e.target.value)}>
            {couponNotes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name ?? n.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Settlement
          <input aria-label="Settlement date" type="date" value={settlement} onChange={(e) => setSettlement(e.target.value)} />
        </label>
        <label>
          Convention
          <select aria-label="Yield convention" value={convention} onChange={(e) => setConvention(e.target.value as PriceYieldConvention)}>
            {CONVENTIONS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Given
          <select aria-label="Price or yield given" value={given} onChange={(e) => setGiven(e.target.value === 'yield' ? 'yield' : 'price')}>
            <option value="price">clean price (% of face) → yield</option>
            <option value="yield">yield (%) → price</option>
          </select>
        </label>
        <label>
          {given === 'price' ? 'Clean price (%)' : 'Yield (%)'}
          <input aria-label="Price or yield" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} size={8} />
        </label>
        <button type="button" onClick={() => void compute()}>
          Compute
        </button>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <dl className="price-yield-result" data-testid="price-yield-result">
          <dt>Yield ({SHORT[result.convention]})</dt>
          <dd data-testid="py-yield">{formatPct(result.yield, 4)}</dd>
          <dt>Clean price (净价, % of face)</dt>
          <dd data-testid="py-clean">{result.cleanPrice.toFixed(4)}</dd>
          <dt>Dirty price (全价, % of face)</dt>
          <dd data-testid="py-dirty">{result.dirtyPrice.toFixed(4)}</dd>
          <dt>Accrued interest</dt>
          <dd data-testid="py-accrued">
            {result.accruedPct.toFixed(4)}% = {formatMoney(result.accrued)} on face {formatMoney(result.face)} · {result.accrualDays} days {result.dayCount} from {result.previousPaymentDate} at{' '}
            {formatPct(result.couponRate)}
          </dd>
          <dt>Same price in every convention</dt>
          <dd>{CONVENTIONS.map((c) => `${SHORT[c.value]} ${formatPct(result.yields[c.value], 4)}`).join(' · ')}</dd>
        </dl>
      ) : null}
    </section>
  );
}
