/**
 * UI text of one part of the app. Each key carries its Chinese and its English side by side, so a text without the
 * other language (or with a third) does not type-check.
 */
export type MessageTable = Record<string, { zh: string; en: string }>;
