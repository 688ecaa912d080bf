/** The document's connection as the user sees it, and the local changes the server has not had yet. */

export type SocketStatus = 'connecting' | 'connected' | 'disconnected'

export interface ConnectionState {
  socket: SocketStatus
  synced: boolean
  online: boolean
  everSynced: boolean
  /** Local transactions made while not connected, since the last sync. */
  unsynced: number
  /** Why the server closed the connection for good (the client stops reconnecting), if it did. */
  closed: string | null
}

export type ConnectionEvent =
  | { type: 'socket'; status: SocketStatus }
  | { type: 'synced'; synced: boolean }
  | { type: 'network'; online: boolean }
  | { type: 'local-change' }
  | { type: 'closed'; reason: string }

export function initialConnectionState(online: boolean): ConnectionState {
  return { socket: 'disconnected', synced: false, online, everSynced: false, unsynced: 0, closed: null }
}

export function nextConnectionState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'socket':
      return {
        ...state,
        socket: event.status,
        synced: event.status === 'connected' ? state.synced : false,
        closed: event.status === 'disconnected' ? state.closed : null,
      }
    case 'synced':
      return event.synced ? { ...state, synced: true, everSynced: true, unsynced: 0 } : { ...state, synced: false }
    case 'network':
      return { ...state, online: event.online }
    case 'local-change':
      return state.socket === 'connected' ? state : { ...state, unsynced: state.unsynced + 1 }
    case 'closed':
      return { ...state, socket: 'disconnected', synced: false, closed: event.reason }
  }
}

export type ConnectionKind = 'connected' | 'offline' | 'reconnecting' | 'connecting' | 'closed'

export interface ConnectionSummary {
  kind: ConnectionKind
  label: string
}

function changes(count: number): string {
  return `${count} unsynced ${count === 1 ? 'change' : 'changes'}`
}

export function describeConnection(state: ConnectionState): ConnectionSummary {
  if (state.socket === 'connected' && state.synced) return { kind: 'connected', label: 'Connected' }
  if (state.closed !== null) return { kind: 'closed', label: state.closed ? `Disconnected: ${state.closed}` : 'Disconnected by the server' }
  if (!state.online || (state.socket !== 'connected' && state.unsynced > 0)) {
    return { kind: 'offline', label: `Offline - ${changes(state.unsynced)}` }
  }
  if (!state.everSynced) return { kind: 'connecting', label: 'Connecting...' }
  return { kind: 'reconnecting', label: 'Reconnecting...' }
}
