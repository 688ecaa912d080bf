/** A document's snapshots (newest first) and the retention policy, fetched again on each `snapshot` event. */
import { useCallback, useEffect, useRef, useState } from 'react'
import { SnapshotEvent } from '../../shared/schema/history.ts'
import { followDocumentEvents } from '../api/documentEvents.ts'
import { listSnapshots, type SnapshotRetention, type SnapshotSummary } from '../api/history.ts'

export interface HistoryState {
  /** Null until the first answer. */
  snapshots: SnapshotSummary[] | null
  retention: SnapshotRetention | null
  error: Error | null
  refresh: () => void
}

export function useHistory(documentId: string, onRestored?: (event: SnapshotEvent) => void): HistoryState {
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null)
  const [retention, setRetention] = useState<SnapshotRetention | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const latestRequest = useRef(0)
  const restored = useRef(onRestored)
  restored.current = onRestored

  const refresh = useCallback(() => {
    const request = ++latestRequest.current
    listSnapshots(documentId).then(
      (answer) => {
        if (request !== latestRequest.current) return
        setSnapshots(answer.snapshots)
        setRetention(answer.retention)
        setError(null)
      },
      (failure: unknown) => {
        if (request !== latestRequest.current) return
        setError(failure instanceof Error ? failure : new Error(String(failure)))
      },
    )
  }, [documentId])

  useEffect(() => {
    setSnapshots(null)
    refresh()
    const stop = followDocumentEvents(documentId, 'snapshot', {
      onEvent: (data) => {
        const event = SnapshotEvent.safeParse(data)
        if (!event.success) return
        refresh()
        if (event.data.change === 'restored') restored.current?.(event.data)
      },
      onReconnect: refresh,
    })
    return () => {
      stop()
      latestRequest.current++
    }
  }, [documentId, refresh])

  return { snapshots, retention, error, refresh }
}
