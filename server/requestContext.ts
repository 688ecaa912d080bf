/** The request being handled, carried across awaits, so that every log line written on its behalf names its id. */
import { AsyncLocalStorage } from 'node:async_hooks'

export interface RequestContext {
  requestId: string
}

const storage = new AsyncLocalStorage<RequestContext>()

/** Runs `fn` as part of the request; log lines written inside (after any await, too) carry its id. */
export function withRequest<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn)
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId
}
