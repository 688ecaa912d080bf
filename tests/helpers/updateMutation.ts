/**
 * Decodable but mutated document updates, for fuzzing: a real update is decoded, one of its ids, origins,
 * parents or deletions is changed, and the result is encoded again with Yjs's own struct writers.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

type Struct = Y.Item | Y.GC | Y.Skip
type Random = () => number

/** Encodes structs and a delete set as a v1 update (the inverse of Y.decodeUpdate). */
export function encodeDecodedUpdate(structs: Struct[], ds: Map<number, Array<{ clock: number; len: number }>>): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const groups = new Map<number, Struct[]>()
  for (const struct of structs) {
    const group = groups.get(struct.id.client)
    if (group) group.push(struct)
    else groups.set(struct.id.client, [struct])
  }
  encoding.writeVarUint(encoder.restEncoder, groups.size)
  for (const [client, group] of groups) {
    encoding.writeVarUint(encoder.restEncoder, group.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, group[0].id.clock)
    for (const struct of group) struct.write(encoder, 0)
  }
  encoding.writeVarUint(encoder.restEncoder, ds.size)
  for (const [client, deletions] of ds) {
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, deletions.length)
    for (const { clock, len } of deletions) {
      encoder.writeDsClock(clock)
      encoder.writeDsLen(len)
    }
  }
  return encoder.toUint8Array()
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]

/** A nearby or far-off number: mutations that stay plausible as often as they go wild. */
function nudge(random: Random, value: number): number {
  const r = random()
  if (r < 0.4) return Math.max(0, value + Math.floor(random() * 5) - 2)
  if (r < 0.7) return value + 1 + Math.floor(random() * 100)
  return Math.floor(random() * 2 ** 31)
}

/** One mutation of a decodable update; `clients` are client ids worth naming (those the document knows). */
export function mutateUpdate(update: Uint8Array, random: Random, clients: readonly number[] = []): Uint8Array {
  const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: { clients: Map<number, Array<{ clock: number; len: number }>> } }
  const deletions = new Map([...ds.clients].map(([client, list]) => [client, list.map(({ clock, len }) => ({ clock, len }))]))
  const someClient = (fallback: number) => (clients.length > 0 && random() < 0.6 ? pick(random, clients) : nudge(random, fallback))
  const items = structs.filter((struct): struct is Y.Item => struct instanceof Y.Item)
  const kind = Math.floor(random() * 7)
  if (items.length > 0 && kind < 5) {
    const item = pick(random, items)
    const someId = (base: Y.ID | null) =>
      Y.createID(random() < 0.5 ? someClient(base?.client ?? item.id.client) : item.id.client, nudge(random, base?.clock ?? item.id.clock))
    switch (kind) {
      case 0:
        item.id = Y.createID(someClient(item.id.client), item.id.clock)
        break
      case 1:
        item.id = Y.createID(item.id.client, nudge(random, item.id.clock))
        break
      case 2:
        item.origin = random() < 0.1 ? null : someId(item.origin)
        break
      case 3:
        item.rightOrigin = random() < 0.1 ? null : someId(item.rightOrigin)
        break
      case 4:
        // A parent named by id applies only when neither origin is set.
        item.origin = null
        item.rightOrigin = null
        ;(item as { parent: unknown }).parent =
          random() < 0.2 ? pick(random, ['content', 'other', '']) : someId(item.parent instanceof Y.ID ? item.parent : null)
        break
    }
  } else if (kind === 5 || items.length === 0) {
    const client = someClient(structs[0]?.id.client ?? 1)
    const list = deletions.get(client) ?? []
    list.push({ clock: nudge(random, list.at(-1)?.clock ?? 0), len: 1 + Math.floor(random() * 10) })
    deletions.set(client, list)
  } else {
    // Drop a struct from the middle: what follows it has a gap.
    structs.splice(Math.floor(random() * structs.length), 1)
  }
  // An item with neither origin needs a parent to be written at all.
  for (const item of items) if (item.origin === null && item.rightOrigin === null && item.parent === null) (item as { parent: unknown }).parent = 'content'
  return encodeDecodedUpdate(structs, deletions)
}
