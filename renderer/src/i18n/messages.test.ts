import { describe, expect, it } from 'vitest';
import type { MessageTable } from './messageTable';
import { MESSAGE_TABLES, MESSAGES } from './messages';

// A text without its English does not type-check (`tsc -p renderer` fails if this line ever compiles).
// @ts-expect-error en is missing
const incomplete = { 'x.y': { zh: '只有中文' } } satisfies MessageTable;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI messages', () => {
  it('define every key in one table only', () => {
    const keys = MESSAGE_TABLES.flatMap((table) => Object.keys(table));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(Object.keys(MESSAGES['zh-CN']).sort()).toEqual([...keys].sort());
  });

  it('have the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES['zh-CN']).sort());
    for (const [locale, messages] of Object.entries(MESSAGES)) {
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('carry the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(MESSAGES['zh-CN'])) {
      expect(placeholders(MESSAGES.en[key as keyof typeof MESSAGES.en]), key).toEqual(placeholders(text));
    }
    expect(placeholders(MESSAGES.en['scenario.confirmDelete'])).toEqual(['name']);
  });

  it('are Chinese by default and English in the English table', () => {
    expect(MESSAGES['zh-CN']['nav.dispatch']).toMatch(/[\u4e00-\u9fff]/);
    expect(MESSAGES.en['nav.dispatch']).toMatch(/^[\x20-\x7e]+$/);
  });
});
