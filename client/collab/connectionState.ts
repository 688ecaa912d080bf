/** The document's connection as the user sees it, and the local changes the server has not had yet. */
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import { t } from '../i18n/i18n.ts'

export type SocketStatus = 'connecting' | 'connected' | 'disconnected'

export interface ConnectionState {
  socket: SocketStatus
  synced: boolean
  online: boolean
  everSynced: boolean
  /** Local transactions made while not connected, since the last sync. */
  unsynced: number
  /** Why the server closed the connection for good (the client stops reconnecting), if it did: its reason, in English. */
  closed: string | null
  /** The close code that came with it. */
  closedCode: number | null
}

export type ConnectionEvent =
  | { type: 'socket'; status: SocketStatus }
  | { type: 'synced'; synced: boolean }
  | { type: 'network'; online: boolean }
  | { type: 'local-change' }
  | { type: 'closed'; reason: string; code?: number }

export function initialConnectionState(online: boolean): ConnectionState {
  return { socket: 'disconnected', synced: false, online, everSynced: false, unsynced: 0, closed: null, closedCode: null }
}

export function nextConnectionState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'socket':
      return {
        ...state,
        socket: event.status,
        synced: event.status === 'connected' ? state.synced : false,
        closed: event.status === 'disconnected' ? state.closed : null,
        closedCode: event.status === 'disconnected' ? state.closedCode : null,
      }
    case 'synced':
      return event.synced ? { ...state, synced: true, everSynced: true, unsynced: 0 } : { ...state, synced: false }
    case 'network':
      return { ...state, online: event.online }
    case 'local-change':
      return state.socket === 'connected' ? state : { ...state, unsynced: state.unsynced + 1 }
    case 'closed':
      return { ...state, socket: 'disconnected', synced: false, closed: event.reason, closedCode: event.code ?? null }
  }
}

export type ConnectionKind = 'connected' | 'offline' | 'reconnecting' | 'connecting' | 'closed'

export interface ConnectionSummary {
  kind: ConnectionKind
  label: string
}

/** The message for each final close the server explains; another code shows the server's own reason. */
const closedMessages = new Map<number, string>([
  [CloseCode.signedOut.code, 'collab.closedSignedOut'],
  [CloseCode.memberRevoked.code, 'collab.closedRevoked'],
  [CloseCode.agreedTextLocked.code, 'collab.closedAgreedTextLocked'],
  [CloseCode.presenceTooLarge.code, 'collab.closedPresenceTooLarge'],
  [CloseCode.tooManyPresenceIds.code, 'collab.closedTooManyPresenceIds'],
])

function closedLabel(state: ConnectionState): string {
  const message = state.closedCode === null ? undefined : closedMessages.get(state.closedCode)
  if (message) return t(message)
  return state.closed ? t('collab.closedWithReason', { reason: state.closed }) : t('collab.closedByServer')
}

export function describeConnection(state: ConnectionState): ConnectionSummary {
  if (state.socket === 'connected' && state.synced) return { kind: 'connected', label: t('collab.connected') }
  if (state.closed !== null) return { kind: 'closed', label: closedLabel(state) }
  if (!state.online || (state.socket !== 'connected' && state.unsynced > 0)) {
    return { kind: 'offline', label: t('collab.offline', { count: state.unsynced }) }
  }
  if (!state.everSynced) return { kind: 'connecting', label: t('collab.connecting') }
  return { kind: 'reconnecting', label: t('collab.reconnecting') }
}
