/** A document's records (comment threads, proposals): loaded once, then kept current from the server's live events. */
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api/http.ts'

export type LiveListLoad = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; error: Error }

export interface LiveList<T> {
  items: T[]
  load: LiveListLoad
  reload: () => void
  /**
   * Runs a change and shows the record the server answers with, unless a live event about it arrived meanwhile:
   * events come in the server's order, an answer may be overtaken by a later change.
   */
  change: (action: () => Promise<T>) => Promise<T>
}

/** Where the records come from; give a module-level constant, so the list is not fetched again on every render. */
export interface LiveSource<T> {
  list: (documentId: string) => Promise<T[]>
  /** Calls `onRecord` with each record an event brings, `onReconnect` when the stream came back after a break; returns the stop. */
  follow: (documentId: string, onRecord: (record: T) => void, onReconnect: () => void) => () => void
  /** The list with `record` added or replaced, in order. */
  upsert: (records: T[], record: T) => T[]
}

/** Tries of a listing the server put off (busy, or the member's share of its work taken), after the first. */
const maxRetries = 5
const firstRetryMs = 1000

/**
 * How long to wait before asking again for a listing that failed with `error` on try `attempt` (0 for the first
 * retry), or null to give up: only a listing the server put off (429, 503) is asked for again, each wait about twice
 * the last, give or take half (`random` in [0, 1)), so that pages put off together do not all come back together.
 */
export function listingRetryDelay(error: unknown, attempt: number, random: number = Math.random()): number | null {
  if (!(error instanceof ApiError) || (error.status !== 429 && error.status !== 503) || attempt >= maxRetries) return null
  return Math.round(firstRetryMs * 2 ** attempt * (0.5 + random))
}

export function useLiveList<T extends { id: string }>(documentId: string, { list, follow, upsert }: LiveSource<T>): LiveList<T> {
  const [items, setItems] = useState<T[]>([])
  const [load, setLoad] = useState<LiveListLoad>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  /** How many live events each record has had. */
  const eventCounts = useRef(new Map<string, number>())

  useEffect(() => {
    let current = true
    let retries = 0
    let retry: ReturnType<typeof setTimeout> | undefined
    const fetchAll = (): Promise<void> => {
      clearTimeout(retry)
      const before = new Map(eventCounts.current)
      const changedSince = (id: string) => (eventCounts.current.get(id) ?? 0) !== (before.get(id) ?? 0)
      return list(documentId).then(
        (loaded) => {
          if (!current) return
          retries = 0
          // A record that had an event while the list was on its way is newer in hand than in the list.
          setItems((previous) => previous.filter((item) => changedSince(item.id)).reduce(upsert, loaded))
          setLoad({ status: 'ready' })
        },
        (error: Error) => {
          if (!current) return
          // Put off by a busy server: asked again a little later, the list shown meanwhile (if any) kept.
          const delay = listingRetryDelay(error, retries)
          if (delay !== null) {
            retries++
            clearTimeout(retry)
            retry = setTimeout(() => void fetchAll(), delay)
            return
          }
          retries = 0
          setLoad((previous) => (previous.status === 'ready' ? previous : { status: 'failed', error }))
        },
      )
    }
    const stop = follow(
      documentId,
      (record) => {
        if (!current) return
        eventCounts.current.set(record.id, (eventCounts.current.get(record.id) ?? 0) + 1)
        setItems((previous) => upsert(previous, record))
      },
      () => void fetchAll(),
    )
    void fetchAll()
    return () => {
      current = false
      clearTimeout(retry)
      stop()
    }
  }, [documentId, attempt, list, follow, upsert])

  const reload = useCallback(() => {
    setLoad({ status: 'loading' })
    setAttempt((count) => count + 1)
  }, [])

  const change = useCallback(
    async (action: () => Promise<T>) => {
      const before = new Map(eventCounts.current)
      const record = await action()
      if ((eventCounts.current.get(record.id) ?? 0) === (before.get(record.id) ?? 0)) setItems((previous) => upsert(previous, record))
      return record
    },
    [upsert],
  )

  return { items, load, reload, change }
}
