// One API channel as it is declared: the schema its argument must pass (checked at the core's edge, so that every
// transport refuses bad input alike) and the type of its result, written together so that neither can be forgotten.
import type { z } from 'zod';

/** The key of a channel's result type: it exists for the compiler only and is never set. */
export declare const resultType: unique symbol;

export interface ChannelSpec<Schema extends z.ZodTypeAny = z.ZodTypeAny, Result = unknown> {
  readonly schema: Schema;
  readonly [resultType]: Result;
}

/** `channel(schema).returns<Result>()`: a channel taking what `schema` accepts and answering a `Result`. */
export function channel<Schema extends z.ZodTypeAny>(schema: Schema) {
  return { returns: <Result>() => ({ schema }) as ChannelSpec<Schema, Result> };
}
