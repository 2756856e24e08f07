// What text from outside may hold before it is stored: one rule for the import and for every API channel that
// writes text, so that no channel stores what the import refuses.
import { z } from 'zod';

/** A cell opening like this is run as a formula when the exported table is opened in Excel or WPS (CSV injection). */
export const LOOKS_LIKE_FORMULA = /^[=+\-@]/;
export const FORMULA_MESSAGE = 'starts with = + - or @ like a spreadsheet formula; enter plain text or a value';

/** Control characters: SQLite's LIKE and C-string APIs stop at NUL, terminals and files misread the rest. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** The same, but a free-text field may break lines and hold tabs. */
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_MESSAGE = 'must not hold control characters';

/** Text used to look something up (a search, a name to find): no control characters. */
export const searchText = <T extends z.ZodType<string>>(schema: T) => schema.refine((value) => !CONTROL.test(value), CONTROL_MESSAGE);

/** Text that is stored and exported: no control characters (line breaks only if `multiline`) and no formula opening. */
export const storedText = <T extends z.ZodType<string>>(schema: T, options: { multiline?: boolean } = {}) =>
  schema
    .refine((value) => !(options.multiline ? CONTROL_BUT_LINES : CONTROL).test(value), CONTROL_MESSAGE)
    .refine((value) => !LOOKS_LIKE_FORMULA.test(value), FORMULA_MESSAGE);
