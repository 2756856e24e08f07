// Terminal tables with Chinese names: CJK characters take two columns.

export const displayWidth = (text: string) => [...text].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
export const padStart = (text: string, n: number) => ' '.repeat(Math.max(0, n - displayWidth(text))) + text;
export const padEnd = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - displayWidth(text)));
