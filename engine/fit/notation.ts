/**
 * A CPR curve by month on book in the vector notation of docs/vector-notation.md: rates in percent
 * at `digits` decimals, runs of one value written `x for n`, read by loan age, the last value held
 * flat after it ("8.25 for 3, 9.1 12 CPR by age"). Months with no estimate (no balance could
 * prepay) take the month before's value, 0 at the start; trailing ones are dropped.
 */
export function cprByAgeNotation(cpr: readonly (number | null)[], digits: number): string {
  let end = cpr.length;
  while (end > 0 && cpr[end - 1] === null) end--;
  const values: string[] = [];
  let previous = 0;
  for (let i = 0; i < Math.max(1, end); i++) {
    previous = cpr[i] ?? previous;
    values.push(plain((previous * 100).toFixed(digits)));
  }
  const steps: string[] = [];
  for (let i = 0; i < values.length;) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[i]) j++;
    const run = j - i + 1;
    steps.push(run > 1 ? `${values[i]} for ${run},` : (values[i] ?? '0'));
    i = j + 1;
  }
  return `${steps.join(' ').replace(/,$/, '')} CPR by age`;
}

/** '8.250' → '8.25', '3.000' → '3'. */
function plain(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
