import { beforeAll, describe, expect, test } from 'vitest'
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { describeConnection, initialConnectionState, nextConnectionState, type ConnectionEvent, type ConnectionState } from './connectionState.ts'

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))

const play = (events: ConnectionEvent[], state: ConnectionState = initialConnectionState(true)) => events.reduce(nextConnectionState, state)
const label = (events: ConnectionEvent[], state?: ConnectionState) => describeConnection(play(events, state)).label

const connected: ConnectionEvent[] = [
  { type: 'socket', status: 'connecting' },
  { type: 'socket', status: 'connected' },
  { type: 'synced', synced: true },
]

describe('connection state', () => {
  test('connected once the first sync is done; "Connecting..." before it', () => {
    expect(label([{ type: 'socket', status: 'connecting' }])).toBe('Connecting...')
    expect(label([{ type: 'socket', status: 'connecting' }, { type: 'socket', status: 'connected' }])).toBe('Connecting...')
    expect(label(connected)).toBe('Connected')
  })

  test('offline counts the local changes made while disconnected', () => {
    const offline = [...connected, { type: 'network', online: false } as const, { type: 'socket', status: 'disconnected' } as const]
    expect(label(offline)).toBe('Offline - 0 unsynced changes')
    expect(label([...offline, { type: 'local-change' }])).toBe('Offline - 1 unsynced change')
    expect(label([...offline, { type: 'local-change' }, { type: 'local-change' }, { type: 'local-change' }])).toBe('Offline - 3 unsynced changes')
  })

  test('changes made while connected are not counted', () => {
    expect(play([...connected, { type: 'local-change' }, { type: 'local-change' }]).unsynced).toBe(0)
  })

  test('a lost socket without local changes is "Reconnecting..."; with changes it is offline', () => {
    const lost = [...connected, { type: 'socket', status: 'disconnected' } as const, { type: 'socket', status: 'connecting' } as const]
    expect(label(lost)).toBe('Reconnecting...')
    expect(label([...lost, { type: 'local-change' }])).toBe('Offline - 1 unsynced change')
  })

  test('the count resets when the document has synced again', () => {
    const offline = [...connected, { type: 'network', online: false } as const, { type: 'socket', status: 'disconnected' } as const, { type: 'local-change' } as const]
    const back = play([...offline, { type: 'network', online: true }, { type: 'socket', status: 'connecting' }, { type: 'socket', status: 'connected' }])
    expect(back.unsynced).toBe(1)
    expect(describeConnection(back).label).toBe('Reconnecting...')
    const synced = nextConnectionState(back, { type: 'synced', synced: true })
    expect(synced.unsynced).toBe(0)
    expect(describeConnection(synced).label).toBe('Connected')
  })

  test('a connection the server closed for good says so, with its reason, until a new socket opens', () => {
    const closed = play([...connected, { type: 'socket', status: 'disconnected' }, { type: 'closed', reason: 'membership revoked' }])
    expect(describeConnection(closed)).toEqual({ kind: 'closed', label: 'Disconnected: membership revoked' })
    expect(describeConnection(play([{ type: 'closed', reason: '' }])).label).toBe('Disconnected by the server')
    expect(describeConnection(nextConnectionState(closed, { type: 'socket', status: 'connecting' })).label).toBe('Reconnecting...')
  })

  test('a close the interface knows is explained in its own words, in the language in use', async () => {
    const { code, reason } = CloseCode.agreedTextLocked
    const closed = play([...connected, { type: 'socket', status: 'disconnected' }, { type: 'closed', reason, code }])
    expect(describeConnection(closed).label).toBe('Disconnected: agreed text is locked; your change was not kept. Load the document again.')
    useMessagesForTests('fr', await loadMessages('fr'))
    try {
      expect(describeConnection(closed).label).toMatch(/^Déconnecté/)
      expect(describeConnection(play([...connected, { type: 'network', online: false }, { type: 'socket', status: 'disconnected' }, { type: 'local-change' }])).label).toBe('Hors ligne - 1 modification non synchronisée')
    } finally {
      useMessagesForTests('en', await loadMessages('en'))
    }
  })
})
