import type { Locale } from '../../../shared/format';

/**
 * A record with a Chinese and an English name. Records from the store call the Chinese one `nameZh`; the reports
 * (P&L, network plan) call it `name`, as their CLI output does.
 */
export type Named = { nameEn: string } & ({ nameZh: string } | { name: string });

/** The name a record is shown by in the locale. */
export function localName(record: Named, locale: Locale): string {
  if (locale !== 'zh-CN') return record.nameEn;
  return 'nameZh' in record ? record.nameZh : record.name;
}
