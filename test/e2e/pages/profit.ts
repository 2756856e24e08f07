// Reading the profit screen's figures as numbers.

/** A shown amount ("-65.3万元", "1,234元") in CNY. */
export function moneyOf(text: string): number {
  const match = /(-?)([\d,.]+)(万元|元)/.exec(text);
  if (!match) throw new Error(`not money: ${text}`);
  const value = Number((match[2] as string).replaceAll(',', '')) * (match[3] === '万元' ? 10_000 : 1);
  return match[1] ? -value : value;
}
