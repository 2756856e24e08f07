// UI text, kept beside the part of the app that shows it and merged here into one table per locale. Simplified
// Chinese is the default.
import type { Locale } from '../../../shared/format';
import { APP_MESSAGES } from '../app/messages';
import { DATA_MESSAGES } from '../features/data/messages';
import { DISPATCH_MESSAGES } from '../features/dispatch/messages';
import { NETWORK_MESSAGES } from '../features/network/messages';
import { PROFIT_MESSAGES } from '../features/profit/messages';
import { COMMON_MESSAGES } from './commonMessages';
import type { MessageTable } from './messageTable';

/** Every part's table. A key belongs to exactly one of them (the tests check it: a merge would silently keep one). */
export const MESSAGE_TABLES: readonly MessageTable[] = [APP_MESSAGES, COMMON_MESSAGES, DISPATCH_MESSAGES, NETWORK_MESSAGES, PROFIT_MESSAGES, DATA_MESSAGES];

const ALL = { ...APP_MESSAGES, ...COMMON_MESSAGES, ...DISPATCH_MESSAGES, ...NETWORK_MESSAGES, ...PROFIT_MESSAGES, ...DATA_MESSAGES };

export type MessageKey = keyof typeof ALL;

function inLanguage(language: keyof MessageTable[string]): Record<MessageKey, string> {
  return Object.fromEntries(Object.entries(ALL).map(([key, texts]) => [key, texts[language]])) as Record<MessageKey, string>;
}

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': inLanguage('zh'), en: inLanguage('en') };
