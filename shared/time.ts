// Local wall-clock time in China (Asia/Shanghai, UTC+8, no daylight saving), stored as 'YYYY-MM-DD HH:MM'.
// Internally a local time is a count of minutes since 1970-01-01 00:00 local, so arithmetic needs no time zone.

const CHINA_OFFSET_MINUTES = 8 * 60;
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseLocal(text: string): number {
  const m = LOCAL_PATTERN.exec(text);
  if (!m) throw new Error(`Not a local time 'YYYY-MM-DD HH:MM': ${text}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(ms);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) throw new Error(`Not a valid time: ${text}`);
  return ms / 60_000;
}

export function formatLocal(minutes: number): string {
  const d = new Date(Math.round(minutes) * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Minutes of local midnight starting the day 'YYYY-MM-DD'. */
export function parseLocalDate(text: string): number {
  if (!DATE_PATTERN.test(text)) throw new Error(`Not a date 'YYYY-MM-DD': ${text}`);
  return parseLocal(`${text} 00:00`);
}

export function isLocalDate(text: string): boolean {
  try {
    parseLocalDate(text);
    return true;
  } catch {
    return false;
  }
}

/** The local time in China of an instant, 'YYYY-MM-DD HH:MM'. */
export function chinaDateTime(instant: Date): string {
  return formatLocal(Math.floor(instant.getTime() / 60_000) + CHINA_OFFSET_MINUTES);
}

/** Today's date in China for an instant. */
export function chinaDate(instant: Date): string {
  return chinaDateTime(instant).slice(0, 10);
}

export const MINUTES_PER_DAY = 24 * 60;
