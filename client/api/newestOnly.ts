/**
 * A request made again and again (a list fetched on each event) whose answers are kept only from the newest: an
 * answer, or a failure, to an earlier request that arrives after a later one was made is dropped. Two requests in
 * flight can be answered out of order, and a slow answer read before the event must not replace the one read after it.
 */
export function newestOnly<T>(load: () => Promise<T>): () => Promise<{ value: T } | null> {
  let made = 0
  return async () => {
    const mine = ++made
    try {
      const value = await load()
      return mine === made ? { value } : null
    } catch (error) {
      if (mine === made) throw error
      return null
    }
  }
}
