/** A document's comment threads: loaded once, then kept current from the server's `thread` events. */
import { useCallback, useEffect, useRef, useState } from 'react'
import { followThreads, listThreads, type Thread } from '../api/comments.ts'
import { upsertThread } from './threadLayout.ts'

export type ThreadsLoad = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; error: Error }

export interface DocumentThreads {
  threads: Thread[]
  load: ThreadsLoad
  reload: () => void
  /**
   * Runs a change and shows the thread the server answers with, unless a live event about that thread arrived
   * meanwhile: events come in the server's order, an answer may be overtaken by a later change.
   */
  change: (action: () => Promise<Thread>) => Promise<Thread>
}

export function useThreads(documentId: string): DocumentThreads {
  const [threads, setThreads] = useState<Thread[]>([])
  const [load, setLoad] = useState<ThreadsLoad>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  /** How many live events each thread has had. */
  const eventCounts = useRef(new Map<string, number>())

  useEffect(() => {
    let current = true
    const fetchAll = () => {
      const before = new Map(eventCounts.current)
      const changedSince = (id: string) => (eventCounts.current.get(id) ?? 0) !== (before.get(id) ?? 0)
      return listThreads(documentId).then(
        (loaded) => {
          if (!current) return
          // A thread that had an event while the list was on its way is newer in hand than in the list.
          setThreads((previous) => {
            const newer = previous.filter((thread) => changedSince(thread.id))
            return newer.reduce(upsertThread, loaded)
          })
          setLoad({ status: 'ready' })
        },
        (error: Error) => current && setLoad((previous) => (previous.status === 'ready' ? previous : { status: 'failed', error })),
      )
    }
    const stop = followThreads(
      documentId,
      (thread) => {
        if (!current) return
        eventCounts.current.set(thread.id, (eventCounts.current.get(thread.id) ?? 0) + 1)
        setThreads((previous) => upsertThread(previous, thread))
      },
      () => void fetchAll(),
    )
    void fetchAll()
    return () => {
      current = false
      stop()
    }
  }, [documentId, attempt])

  const reload = useCallback(() => {
    setLoad({ status: 'loading' })
    setAttempt((count) => count + 1)
  }, [])

  const change = useCallback(async (action: () => Promise<Thread>) => {
    const before = new Map(eventCounts.current)
    const thread = await action()
    if ((eventCounts.current.get(thread.id) ?? 0) === (before.get(thread.id) ?? 0)) setThreads((previous) => upsertThread(previous, thread))
    return thread
  }, [])

  return { threads, load, reload, change }
}
