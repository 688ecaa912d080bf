/**
 * A room's presence (awareness): who speaks for which client id, the limits on what one connection may
 * publish, and the identity the server stamps on every state.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import type { Connection } from './connection.ts'
import { presenceEntryProblem, readPresenceUpdate, writePresenceUpdate, type PresenceLimits } from './presenceLimits.ts'
import { fromOtherInstance } from './fanout.ts'
import { encodeAwareness } from './protocol.ts'

type CloseReason = { code: number; reason: string }

/** Presence names who is there from the server's own record of the member, whatever the client claims. */
function stampIdentity(update: Uint8Array, connection: Connection): Uint8Array {
  const { name, delegation, role } = connection.member
  return awarenessProtocol.modifyAwarenessUpdate(update, (state: unknown) =>
    state !== null && typeof state === 'object'
      ? { ...state, user: { ...((state as { user?: object }).user ?? {}), name, delegation, role } }
      : state,
  )
}

/**
 * How long the record (clock, last update) of a client id whose presence is gone is kept: an echo of its old state
 * within this time is still told apart (isEcho). Older records go, so a room open all day does not keep one for every
 * connection that ever came and left.
 */
const goneRecordMs = awarenessProtocol.outdatedTimeout
/** Records of gone client ids held before the first look through them. */
const goneRecordsBeforeSweep = 64

export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness
  /** Records of gone client ids at which they are next looked through: twice what the last look kept, so each departure costs O(1) on average. */
  private sweepAt = goneRecordsBeforeSweep
  /** Which connection speaks for each awareness client id. */
  private readonly owners = new Map<number, Connection>()
  /** Bytes of presence state each connection holds, by client id. */
  private readonly bytesHeld = new Map<Connection, Map<number, number>>()

  constructor(
    doc: Y.Doc,
    private readonly limits: PresenceLimits & { maxPresenceBytesPerConnection: number },
    /** Relays a change of presence: the frame for this room's connections, and the awareness update it holds. */
    private readonly broadcast: (frame: Uint8Array, origin: unknown, update: Uint8Array) => void,
    private readonly isMember: (connection: Connection) => boolean,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onUpdate)
  }

  private readonly onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed)
    if (changed.length === 0) return
    const connection = origin as Connection | null
    if (connection && this.isMember(connection)) {
      for (const id of added.concat(updated)) this.claim(id, connection)
      for (const id of removed) {
        connection.awarenessIds.delete(id)
        this.owners.delete(id)
        this.bytesHeld.get(connection)?.delete(id)
      }
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
    this.broadcast(encodeAwareness(update), origin, update)
  }

  private claim(id: number, connection: Connection): void {
    const owner = this.owners.get(id)
    if (owner === connection) return
    if (owner) {
      owner.awarenessIds.delete(id)
      this.bytesHeld.get(owner)?.delete(id)
    }
    this.owners.set(id, connection)
    connection.awarenessIds.add(id)
  }

  /**
   * Applies a presence update from a connection, or tells why the connection must be closed: a state too
   * large or too deep, too many client ids or too many bytes for one connection. A client id another
   * member speaks for is ignored (a reconnect of the same member may take its id over). The stock client sends
   * back every state it hears of: a state of another client id, no newer than the room's, is that echo,
   * and is left out (neither counted against this connection nor applied: an echoed removal removes nothing).
   */
  receive(connection: Connection, update: Uint8Array): CloseReason | null {
    const received = readPresenceUpdate(update)
    const entries = received.filter((entry) => !this.isEcho(connection, entry.clientId, entry.clock))
    if (entries.length === 0) return null
    if (entries.length < received.length) update = writePresenceUpdate(entries)
    const held = this.bytesHeld.get(connection) ?? new Map<number, number>()
    const after = new Map(held)
    for (const entry of entries) {
      const owner = this.owners.get(entry.clientId)
      if (owner && owner !== connection && owner.member.id !== connection.member.id) return null
      if (presenceEntryProblem(entry, this.limits)) return CloseCode.presenceTooLarge
      if (entry.json === 'null') after.delete(entry.clientId)
      else after.set(entry.clientId, entry.json.length)
    }
    const ids = new Set([...connection.awarenessIds, ...after.keys()])
    if (ids.size > this.limits.maxPresenceIdsPerConnection) return CloseCode.tooManyPresenceIds
    let bytes = 0
    for (const size of after.values()) bytes += size
    if (bytes > this.limits.maxPresenceBytesPerConnection) return CloseCode.presenceTooLarge
    awarenessProtocol.applyAwarenessUpdate(this.awareness, stampIdentity(update, connection), connection)
    // What the update left in place is what the connection now holds (an older clock changes nothing).
    const now = new Map<number, number>()
    for (const id of connection.awarenessIds) {
      const size = after.get(id) ?? held.get(id)
      if (size !== undefined) now.set(id, size)
    }
    this.bytesHeld.set(connection, now)
    return null
  }

  /** A state of a client id this connection does not speak for, no newer than what the room has had for it. */
  private isEcho(connection: Connection, clientId: number, clock: number): boolean {
    if (this.owners.get(clientId) === connection) return false
    const current = this.awareness.meta.get(clientId)?.clock
    return current !== undefined && clock <= current
  }

  /** Every current state, as one frame, or null when there is none. */
  statesFrame(): Uint8Array | null {
    const update = this.statesUpdate()
    return update && encodeAwareness(update)
  }

  /** Every current state, as one awareness update, or null when there is none. */
  statesUpdate(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length === 0) return null
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)
  }

  /** Presence another instance relayed (stamped there): applied as it is, owned by no connection here. */
  applyFromOtherInstance(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, fromOtherInstance)
  }

  /** Removes what a connection published (it left). */
  leave(connection: Connection): void {
    this.bytesHeld.delete(connection)
    if (connection.awarenessIds.size === 0) return
    for (const id of connection.awarenessIds) this.owners.delete(id)
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null)
    this.forgetGone()
  }

  /** Drops the records of client ids whose presence went more than `goneRecordMs` ago (y-protocols keeps them all). */
  private forgetGone(): void {
    const { meta, states } = this.awareness
    if (meta.size - states.size < this.sweepAt) return
    const now = Date.now()
    for (const [clientId, record] of meta) {
      if (clientId !== this.awareness.clientID && !states.has(clientId) && now - record.lastUpdated > goneRecordMs) meta.delete(clientId)
    }
    this.sweepAt = Math.max(goneRecordsBeforeSweep, 2 * (meta.size - states.size))
  }

  destroy(): void {
    this.awareness.destroy()
  }
}
