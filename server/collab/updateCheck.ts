/**
 * Whether a document update would integrate completely into a document, judged from the decoded update and
 * the document's state vector alone, before anything touches the document (pure, no I/O).
 *
 * Yjs keeps what it cannot integrate as pending structs or a pending delete set, serves them to newcomers
 * and writes them into compacted state that then no longer loads. An update is accepted only when every
 * struct follows on from what the document (or the update itself, in some order) holds, every reference
 * (origin, right origin, parent) names something that exists by then, and every deletion names content
 * that exists once the update is in.
 */
import * as Y from 'yjs'
import { ProtocolError } from './protocol.ts'

export type UpdateCheck =
  | { verdict: 'empty' }
  /**
   * `fresh`: the update changes the document and repeats none of its structs: every struct is new to it (each client's
   * first one starts exactly where the document's state for that client ends), and an update of deletions alone
   * deletes something the document still holds (as `deletesLive` tells; without it, such an update is not fresh).
   */
  | { verdict: 'consistent'; fresh: boolean }
  /** The update needs content the document does not have (yet): a gap, a reference or a deletion past its state. */
  | { verdict: 'inconsistent'; problem: string }

type Struct = Y.Item | Y.GC | Y.Skip

interface Need {
  client: number
  clock: number
}

/** The references a struct needs to exist before it integrates. */
function referencesOf(struct: Struct): Array<Y.ID> {
  if (!(struct instanceof Y.Item)) return []
  const refs: Y.ID[] = []
  if (struct.origin) refs.push(struct.origin)
  if (struct.rightOrigin) refs.push(struct.rightOrigin)
  if (struct.parent instanceof Y.ID) refs.push(struct.parent)
  return refs
}

/**
 * Decodes `update` (throwing ProtocolError when it does not decode) and tells whether it integrates fully
 * into a document whose state for each client is `stateOf(client)`. `deletesLive(client, clock, len)`: whether the
 * document holds anything not yet deleted in that range (asked only for an update of deletions alone, within the
 * document's state).
 */
export function checkUpdate(
  update: Uint8Array,
  stateOf: (client: number) => number,
  deletesLive?: (client: number, clock: number, len: number) => boolean,
): UpdateCheck {
  let decoded: { structs: Struct[]; ds: ReturnType<typeof Y.decodeUpdate>['ds'] }
  try {
    decoded = Y.decodeUpdate(update)
  } catch (error) {
    throw new ProtocolError(`malformed document update: ${(error as Error).message}`)
  }
  const { structs, ds } = decoded
  if (structs.length === 0 && ds.clients.size === 0) return { verdict: 'empty' }

  // The structs of each client, in clock order, and how far each client has got.
  const byClient = new Map<number, Struct[]>()
  for (const struct of structs) {
    if (struct instanceof Y.Skip) return { verdict: 'inconsistent', problem: 'the update has a gap (skip struct)' }
    const list = byClient.get(struct.id.client)
    if (list) {
      const last = list[list.length - 1]
      if (struct.id.clock !== last.id.clock + last.length) {
        return { verdict: 'inconsistent', problem: `the structs of client ${struct.id.client} are not contiguous` }
      }
      list.push(struct)
    } else byClient.set(struct.id.client, [struct])
  }
  const state = new Map<number, number>()
  let fresh = true
  for (const [client, list] of byClient) {
    const clock = stateOf(client)
    state.set(client, clock)
    if (list[0].id.clock !== clock) fresh = false
  }
  const stateNow = (client: number): number => {
    let clock = state.get(client)
    if (clock === undefined) {
      clock = stateOf(client)
      state.set(client, clock)
    }
    return clock
  }

  // Integrate in any order the references allow: each client advances until it needs another's struct.
  const next = new Map<number, number>()
  const waiting = new Map<number, Array<{ client: number; need: Need }>>()
  const ready: number[] = [...byClient.keys()]
  for (const client of ready) next.set(client, 0)
  while (ready.length > 0) {
    const client = ready.pop()!
    const list = byClient.get(client)!
    let i = next.get(client)!
    let blocked: Need | null = null
    for (; i < list.length && !blocked; ) {
      const struct = list[i]
      if (struct.id.clock > stateNow(client)) {
        return { verdict: 'inconsistent', problem: `client ${client} starts at clock ${struct.id.clock}, the document holds ${stateNow(client)}` }
      }
      for (const ref of referencesOf(struct)) {
        if (ref.client === client) {
          if (ref.clock >= struct.id.clock) {
            return { verdict: 'inconsistent', problem: `struct ${client}:${struct.id.clock} refers to its own client's later clock ${ref.clock}` }
          }
        } else if (ref.clock >= stateNow(ref.client)) {
          blocked = { client: ref.client, clock: ref.clock }
          break
        }
      }
      if (blocked) break
      state.set(client, Math.max(stateNow(client), struct.id.clock + struct.length))
      i++
    }
    next.set(client, i)
    if (blocked) {
      const list = waiting.get(blocked.client)
      const entry = { client, need: blocked }
      if (list) list.push(entry)
      else waiting.set(blocked.client, [entry])
    }
    const waiters = waiting.get(client)
    if (waiters) {
      const reached = stateNow(client)
      const still = waiters.filter((waiter) => waiter.need.clock >= reached)
      for (const waiter of waiters) if (waiter.need.clock < reached) ready.push(waiter.client)
      if (still.length > 0) waiting.set(client, still)
      else waiting.delete(client)
    }
  }
  for (const [client, list] of byClient) {
    if (next.get(client)! < list.length) {
      const struct = list[next.get(client)!]
      return { verdict: 'inconsistent', problem: `struct ${client}:${struct.id.clock} refers to content the document does not have` }
    }
  }

  for (const [client, deletions] of ds.clients) {
    const reached = stateNow(client)
    for (const { clock, len } of deletions) {
      if (clock + len > reached) {
        return { verdict: 'inconsistent', problem: `the update deletes ${client}:${clock}+${len}, the document holds ${client} up to ${reached}` }
      }
    }
  }
  if (fresh && structs.length === 0) fresh = deletesLive !== undefined && deletesAnyLive(ds, deletesLive)
  return { verdict: 'consistent', fresh }
}

function deletesAnyLive(ds: ReturnType<typeof Y.decodeUpdate>['ds'], deletesLive: (client: number, clock: number, len: number) => boolean): boolean {
  for (const [client, deletions] of ds.clients) {
    for (const { clock, len } of deletions) if (deletesLive(client, clock, len)) return true
  }
  return false
}

/**
 * Whether `doc` holds anything not yet deleted among the structs of `client` from `clock` for `len` (all within what
 * the document holds of that client): the first live one found ends the search.
 */
export function holdsLive(doc: Y.Doc, client: number, clock: number, len: number): boolean {
  const structs = doc.store.clients.get(client)
  if (!structs || len <= 0) return false
  for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i].id.clock < clock + len; i++) {
    if (!structs[i].deleted) return true
  }
  return false
}

/**
 * Whether an update only repeats deletions `doc` already holds: what a client answers to the server's sync step 1 when
 * it holds nothing new, since the answer carries its whole delete set. An update with structs is told from its first
 * byte (the number of clients whose structs it carries) and not decoded; a deletion past what the document holds, or of
 * content still there, is a change. The caller bounds the update's size: decoding it is work in proportion to it.
 */
export function repeatsKnownDeletions(update: Uint8Array, doc: Y.Doc): boolean {
  if (update.length === 0 || update[0] !== 0) return false
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch (error) {
    throw new ProtocolError(`malformed document update: ${(error as Error).message}`)
  }
  if (decoded.structs.length > 0) return false
  for (const [client, deletions] of decoded.ds.clients) {
    const state = Y.getState(doc.store, client)
    // Merged first: ranges repeated or overlapping (as a crafted answer may send) are searched once.
    for (const { clock, len } of mergedRanges(deletions)) if (clock + len > state || holdsLive(doc, client, clock, len)) return false
  }
  return true
}

/** Deletion ranges sorted by clock, those that overlap or touch merged into one. */
export function mergedRanges(deletions: ReadonlyArray<{ clock: number; len: number }>): Array<{ clock: number; len: number }> {
  const sorted = [...deletions].sort((a, b) => a.clock - b.clock)
  const merged: Array<{ clock: number; len: number }> = []
  for (const { clock, len } of sorted) {
    const last = merged[merged.length - 1]
    if (last && clock <= last.clock + last.len) last.len = Math.max(last.len, clock + len - last.clock)
    else merged.push({ clock, len })
  }
  return merged
}

/** Whether an update is the empty one (no structs, no deletions), read from its first bytes without decoding it. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}
