/**
 * The open document's record and what the member may do with it, fetched again when the server reconnects the member
 * because their standing changed (4501), when the connection comes back after any break (a change made meanwhile
 * sends no 4501 to a closed socket), and when the document's stage changes (once submitted, its text is closed).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { followDocumentEvents } from '../api/documentEvents.ts'
import { getDocument } from '../api/documents.ts'
import type { DocumentDetail } from '../api/types.ts'
import type { CollabSession } from '../collab/openCollabSession.ts'
import { t } from '../i18n/i18n.ts'
import { accessChangeNotice } from './accessNotice.ts'
import { onMembershipChanged } from './membershipChange.ts'

export interface DocumentAccess {
  detail: DocumentDetail
  /** A sentence about the latest change of the member's permissions here, until dismissed. */
  notice: string | null
  dismissNotice: () => void
}

export function useDocumentAccess(initial: DocumentDetail, { provider }: CollabSession): DocumentAccess {
  const [detail, setDetail] = useState(initial)
  const [notice, setNotice] = useState<string | null>(null)
  const shown = useRef(initial)
  const documentId = initial.document.id

  useEffect(() => {
    let mounted = true
    let asked = 0
    const refresh = async () => {
      const attempt = ++asked
      let next: DocumentDetail
      try {
        next = await getDocument(documentId)
      } catch {
        // Offline, or the session ended (the shell hears of that): the next reconnection asks again.
        return
      }
      if (!mounted || attempt !== asked) return
      const submittedNow = next.stage.kind === 'submitted' && shown.current.stage.kind !== 'submitted'
      const sentence = submittedNow ? t('access.submittedClosed') : accessChangeNotice(shown.current.permissions, next.permissions)
      shown.current = next
      setDetail(next)
      if (sentence) setNotice(sentence)
    }

    let broken = false
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'disconnected') broken = true
    }
    const onSync = (synced: boolean) => {
      if (!synced || !broken) return
      broken = false
      void refresh()
    }
    const stop = onMembershipChanged((changed) => {
      if (changed === documentId) void refresh()
    })
    const stopStage = followDocumentEvents(documentId, 'stage', { onEvent: () => void refresh(), onReconnect: () => void refresh() })
    provider.on('status', onStatus)
    provider.on('sync', onSync)
    return () => {
      mounted = false
      stop()
      stopStage()
      provider.off('status', onStatus)
      provider.off('sync', onSync)
    }
  }, [documentId, provider])

  const dismissNotice = useCallback(() => setNotice(null), [])
  return { detail, notice, dismissNotice }
}
