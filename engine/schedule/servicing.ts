/**
 * Servicing fee (strip) for one period, on the beginning balance:
 *   fee = balance × strip × year fraction   (30/360 month: strip / 12 × balance)
 * Investors then receive interest at the net rate = gross − strip, so gross interest = net
 * interest + servicing fee (Fabozzi, The Handbook of Mortgage-Backed Securities: the
 * pass-through rate is the WAC less servicing and guarantee fees).
 */
export function servicingFee(balance: number, stripAnnual: number, yearFraction = 1 / 12): number {
  return balance * stripAnnual * yearFraction;
}
