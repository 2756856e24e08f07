import { describe, expect, it } from 'vitest';
import { localName } from './localName';

describe('a record shown by its name in the locale', () => {
  it('takes the Chinese name in Chinese, whichever field holds it, and the English name in English', () => {
    const province = { nameZh: '甘肃省', nameEn: 'Gansu' };
    const reported = { name: '甘肃省', nameEn: 'Gansu' };
    expect(localName(province, 'zh-CN')).toBe('甘肃省');
    expect(localName(reported, 'zh-CN')).toBe('甘肃省');
    expect(localName(province, 'en')).toBe('Gansu');
    expect(localName(reported, 'en')).toBe('Gansu');
  });

  it('prefers nameZh where a record has a display name beside it', () => {
    expect(localName({ name: 'GS-01', nameZh: '甘肃省', nameEn: 'Gansu' }, 'zh-CN')).toBe('甘肃省');
  });
});
