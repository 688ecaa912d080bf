/** How many local changes of the open documents the server has not had yet, as their connection indicators count them. */

const counts = new Map<object, number>()
const listeners = new Set<() => void>()

/** Records a session's count (keyed by its provider); 0 or forgetting it removes it. */
export function reportUnsynced(source: object, count: number): void {
  if ((counts.get(source) ?? 0) === count) return
  if (count > 0) counts.set(source, count)
  else counts.delete(source)
  for (const listener of listeners) listener()
}

export function forgetUnsynced(source: object): void {
  reportUnsynced(source, 0)
}

/** The changes not yet acknowledged by the server, over every open document. */
export function unsyncedChanges(): number {
  let total = 0
  for (const count of counts.values()) total += count
  return total
}

/** For useSyncExternalStore: calls `listener` whenever the total may have changed. */
export function subscribeUnsynced(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
