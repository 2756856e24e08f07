import { describe, expect, it } from 'vitest';
import { MESSAGES } from './messages';

describe('UI messages', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES['zh-CN']).sort());
    for (const [locale, messages] of Object.entries(MESSAGES)) {
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('are Chinese by default and English in the English table', () => {
    expect(MESSAGES['zh-CN']['nav.dispatch']).toMatch(/[\u4e00-\u9fff]/);
    expect(MESSAGES.en['nav.dispatch']).toMatch(/^[\x20-\x7e]+$/);
  });
});
