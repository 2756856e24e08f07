// The core behind the API: each domain's handlers, merged. The types make a channel without a handler, or a handler
// in a domain that does not declare its channel, a compile error.
import type { Channel } from '../../shared/api/index';
import { financeHandlers } from '../finance/handlers';
import { importHandlers } from '../import/handlers';
import { networkHandlers } from '../network/handlers';
import { referenceHandlers } from '../reference/handlers';
import { dispatchHandlers } from '../routing/dispatch/handlers';
import { appHandlers, dataHandlers } from '../store/handlers';
import { handlerContext, type Handler, type HandlerOptions } from './context';

export type Handlers = { [C in Channel]: Handler<C> };

export function createHandlers(options: HandlerOptions): Handlers {
  const context = handlerContext(options);
  return {
    ...appHandlers(context),
    ...referenceHandlers(context),
    ...dispatchHandlers(context),
    ...financeHandlers(context),
    ...networkHandlers(context),
    ...importHandlers(context),
    ...dataHandlers(context),
  };
}
