/** A document's stage and procedures, kept current from its `stage`, `objection` and `deadline` events; what is new to the member. */
import { useCallback, useEffect, useRef, useState } from 'react'
import { newestOnly } from '../api/newestOnly.ts'
import { followProcedures, listProcedures, markStageSeen, type DeadlineEvent, type ProcedureList, type Stage } from '../api/procedures.ts'

export interface StageState {
  list: ProcedureList | null
  /** The stage: from the list once loaded, the document's answer until then. */
  stage: Stage
  error: Error | null
  /** The server's clock minus the browser's, from the last answer: deadlines follow the server's clock. */
  serverOffset: number
  /** The latest `deadline` event: a deadline is near. */
  approaching: DeadlineEvent | null
  panelOpen: boolean
  setPanelOpen: (open: boolean) => void
  reload: () => void
}

export function useStage(documentId: string, initialStage: Stage): StageState {
  const [list, setList] = useState<ProcedureList | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [serverOffset, setServerOffset] = useState(0)
  const [approaching, setApproaching] = useState<DeadlineEvent | null>(null)
  const [panelOpen, setPanelOpenState] = useState(false)
  const panelOpenRef = useRef(false)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    // Events can come close together: only the answer to the latest fetch is shown. While the panel is open the member
    // is looking: what arrives is seen, and is marked so before the answer counts as read.
    const fetchNewest = newestOnly(async () => {
      const loaded = await listProcedures(documentId)
      const offset = loaded.serverTime - Date.now()
      if (!panelOpenRef.current || loaded.unseen === 0) return { loaded, offset }
      await markStageSeen(documentId).catch(() => undefined)
      return { loaded: { ...loaded, unseen: 0 }, offset }
    })
    const fetchList = () =>
      fetchNewest().then(
        (answer) => {
          if (!current || !answer) return
          setServerOffset(answer.value.offset)
          setError(null)
          setList(answer.value.loaded)
        },
        (failure: Error) => current && setError(failure),
      )
    const stop = followProcedures(documentId, () => void fetchList(), (event) => current && setApproaching(event))
    void fetchList()
    return () => {
      current = false
      stop()
    }
  }, [documentId, attempt])

  const setPanelOpen = useCallback(
    (open: boolean) => {
      panelOpenRef.current = open
      setPanelOpenState(open)
      if (!open) return
      setList((shown) => (shown ? { ...shown, unseen: 0 } : shown))
      void markStageSeen(documentId).catch(() => undefined)
    },
    [documentId],
  )
  const reload = useCallback(() => setAttempt((count) => count + 1), [])

  return { list, stage: list?.stage ?? initialStage, error, serverOffset, approaching, panelOpen, setPanelOpen, reload }
}

/** The server's clock, ticking every second while `running`. */
export function useServerNow(serverOffset: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now() + serverOffset)
  useEffect(() => {
    setNow(Date.now() + serverOffset)
    if (!running) return
    const timer = setInterval(() => setNow(Date.now() + serverOffset), 1000)
    return () => clearInterval(timer)
  }, [serverOffset, running])
  return now
}
