/** Follows a collaboration session's socket, sync, network and local changes as a ConnectionState. */
import { useEffect, useReducer } from 'react'
import type * as Y from 'yjs'
import { initialConnectionState, nextConnectionState, type ConnectionState, type SocketStatus } from './connectionState.ts'
import type { CollabSession } from './openCollabSession.ts'
import { forgetUnsynced, reportUnsynced } from './unsyncedChanges.ts'

export function useConnectionState({ doc, provider }: CollabSession): ConnectionState {
  const [state, dispatch] = useReducer(nextConnectionState, navigator.onLine, initialConnectionState)

  useEffect(() => {
    const onStatus = ({ status }: { status: SocketStatus }) => dispatch({ type: 'socket', status })
    const onSync = (synced: boolean) => dispatch({ type: 'synced', synced })
    const onClosed = ({ code, reason }: { code: number; reason: string }) => dispatch({ type: 'closed', reason, code })
    // Counted only while the socket is down (connected, the server has each change at once): a keystroke while
    // connected schedules no render.
    const onTransaction = (transaction: Y.Transaction) => {
      if (transaction.local && transaction.changed.size > 0 && !provider.wsconnected) dispatch({ type: 'local-change' })
    }
    const onOnline = () => dispatch({ type: 'network', online: true })
    const onOffline = () => dispatch({ type: 'network', online: false })

    dispatch({ type: 'socket', status: provider.wsconnected ? 'connected' : provider.wsconnecting ? 'connecting' : 'disconnected' })
    dispatch({ type: 'synced', synced: provider.synced })
    provider.on('status', onStatus)
    provider.on('sync', onSync)
    provider.on('closed', onClosed)
    doc.on('afterTransaction', onTransaction)
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOffline)
    return () => {
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.off('closed', onClosed)
      doc.off('afterTransaction', onTransaction)
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
    }
  }, [doc, provider])

  // Signing out asks first when the server has not had every change.
  useEffect(() => reportUnsynced(provider, state.unsynced), [provider, state.unsynced])
  useEffect(() => () => forgetUnsynced(provider), [provider])

  return state
}
