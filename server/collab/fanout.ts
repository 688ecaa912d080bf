/** How rooms reach the other instances serving the same documents; in process (one instance) there is nothing to reach. */
import type { StoredDocument } from '../store/store.ts'

/** The origin of changes applied to a room's document that another instance stored and relayed: not stored again. */
export const fromOtherInstance = Symbol('another instance')

/** What a room that catches up from the store is: the part of Room the fan-out uses. */
export interface CatchingUp {
  readonly id: string
  /** Before the store is read: log entries learnt of from now on are kept whatever the read holds. */
  beginCatchUp(): void
  catchUp(stored: StoredDocument): void
}

export interface RoomFanout {
  /** Whether other instances may serve the same documents. */
  readonly shared: boolean
  /** An update of this instance's, stored and relayed here, for the others. */
  stored(documentId: string, seq: number, update: Uint8Array): void
  /** Presence changed here (stamped, as relayed to this instance's connections). */
  awareness(documentId: string, update: Uint8Array): void
  /** A room is ready here: the presence others hold for its document is asked for. */
  ready(documentId: string): void
  /** Reads what the store holds into the room: updates other instances stored that have not arrived (yet). */
  catchUp(room: CatchingUp, reason?: 'refused' | 'compaction'): Promise<void>
  /** A lock over every instance, or null when another holds it; released by calling the function returned. */
  lock(name: string, ttlMs: number): Promise<(() => Promise<void>) | null>
}

export const standalone: RoomFanout = {
  shared: false,
  stored() {},
  awareness() {},
  ready() {},
  catchUp: async () => {},
  lock: async () => async () => {},
}
