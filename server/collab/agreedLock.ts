/**
 * Whether a document update touches agreed text: which of the agreed blocks (top-level elements of `content`, by key)
 * its new structs land in (text, marks, attributes such as a recommendation's `refs`, nested blocks) and its deletions
 * remove content of, the agreed element itself included. Judged from the decoded update and the room's document
 * before anything is applied (pure, no I/O); call it only on an update checkUpdate has found consistent.
 */
import * as Y from 'yjs'
import { keyOfId } from '../../shared/collab/blockKey.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import { contentField } from '../../shared/schema/contentField.ts'

type Struct = Y.Item | Y.GC | Y.Skip

/** Where the agreed blocks of each document are kept: asked for every update the relay receives, so answered from memory. */
export interface AgreedBlocks {
  agreed(documentId: string): ReadonlySet<string>
}

const nothingAgreed: ReadonlySet<string> = new Set()
export const noAgreedBlocks: AgreedBlocks = { agreed: () => nothingAgreed }

/** The permission-denied reason a sender of a refused update reads. */
export function agreedTextReason(blocks: readonly string[]): string {
  return `agreed ad referendum: ${blocks.length === 1 ? 'this block is' : 'these blocks are'} locked (${blocks.join(', ')}); your change was not kept`
}

/** A change on the server's behalf (a restored revision, an accepted proposal) would alter agreed text: nothing was changed. */
export class AgreedTextLocked extends ApiError {
  constructor(readonly blocks: readonly string[]) {
    super(
      409,
      'agreed_text_locked',
      `the change would alter text agreed ad referendum (block${blocks.length === 1 ? '' : 's'} ${blocks.join(', ')}); nothing was changed. A co-facilitator can reopen agreed text first`,
      { blocks: [...blocks] },
    )
  }
}

/** The structs of an update by client, in clock order, to find the one an id falls in. */
class UpdateStructs {
  private readonly byClient = new Map<number, Struct[]>()

  constructor(structs: readonly Struct[]) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client)
      if (list) list.push(struct)
      else this.byClient.set(struct.id.client, [struct])
    }
  }

  find(id: Y.ID): Struct | null {
    const list = this.byClient.get(id.client)
    if (!list) return null
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const struct = list[middle]!
      if (id.clock < struct.id.clock) high = middle - 1
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1
      else return struct
    }
    return null
  }
}

/** Finds the top-level block of `content` that content of the room's document or of an update is, or lies in. */
class BlockFinder {
  /** The block key of what a stored parent type holds, per parent type (most structs share theirs). */
  private readonly byParent = new Map<Y.AbstractType<unknown>, string | null>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly root: Y.AbstractType<unknown>,
    private readonly inUpdate: UpdateStructs,
  ) {}

  /** The top-level block a stored item is or lies in; null outside `content`. */
  blockOfStored(item: Y.Item): string | null {
    const parent = item.parent as Y.AbstractType<unknown> | null
    if (!(parent instanceof Y.AbstractType)) return null
    if (parent === this.root) return keyOfId(item.id)
    return this.blockWithin(parent)
  }

  /** The top-level block a stored type lies in (the type of a top-level element: that element). */
  private blockWithin(parent: Y.AbstractType<unknown>): string | null {
    const known = this.byParent.get(parent)
    if (known !== undefined) return known
    const owner = parent._item
    const key = owner ? this.blockOfStored(owner) : null
    this.byParent.set(parent, key)
    return key
  }

  /** The top-level block a new item of the update lies in; null when it is a block of its own or outside `content`. */
  containerOfNew(item: Y.Item): string | null {
    const parent = item.parent as unknown
    // A root's own child: a new block of `content` (or content of another root): no agreed block holds it.
    if (typeof parent === 'string') return null
    if (parent instanceof Y.ID) return this.blockOfId(parent)
    const neighbour = item.origin ?? item.rightOrigin
    return neighbour ? this.containerOfId(neighbour) : null
  }

  private blockOfNew(item: Y.Item): string | null {
    if ((item.parent as unknown) === contentField) return keyOfId(item.id)
    return this.containerOfNew(item)
  }

  private stored(id: Y.ID): Y.Item | null | undefined {
    if (id.clock >= Y.getState(this.doc.store, id.client)) return undefined
    const struct = Y.getItem(this.doc.store, id)
    return struct instanceof Y.Item ? struct : null
  }

  /** The top-level block the content with this id is or lies in: stored, or new in the update. */
  private blockOfId(id: Y.ID): string | null {
    const stored = this.stored(id)
    if (stored !== undefined) return stored === null ? null : this.blockOfStored(stored)
    const struct = this.inUpdate.find(id)
    return struct instanceof Y.Item ? this.blockOfNew(struct) : null
  }

  /** The top-level block that holds the content with this id, not counting that content itself. */
  private containerOfId(id: Y.ID): string | null {
    const stored = this.stored(id)
    if (stored !== undefined) {
      const parent = stored?.parent as Y.AbstractType<unknown> | null | undefined
      return parent instanceof Y.AbstractType && parent !== this.root ? this.blockWithin(parent) : null
    }
    const struct = this.inUpdate.find(id)
    return struct instanceof Y.Item ? this.containerOfNew(struct) : null
  }
}

/**
 * The agreed blocks `update` would change, each once, in the order found; empty when it changes none (or the document
 * has no agreed block). `agreed` holds block keys ("client:clock").
 */
export function agreedBlocksTouched(update: Uint8Array, doc: Y.Doc, agreed: ReadonlySet<string>): string[] {
  if (agreed.size === 0) return []
  const root = doc.share.get(contentField)
  // No content fragment yet: nothing can be agreed in it.
  if (!root) return []
  const { structs, ds } = Y.decodeUpdate(update)
  const finder = new BlockFinder(doc, root as Y.AbstractType<unknown>, new UpdateStructs(structs))
  const touched = new Set<string>()

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    // Already held (sent again on a resync): changes nothing.
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
    const key = finder.containerOfNew(struct)
    if (key !== null && agreed.has(key)) touched.add(key)
  }

  for (const [client, deletions] of ds.clients) {
    const stored = doc.store.clients.get(client)
    if (!stored) continue
    const held = Y.getState(doc.store, client)
    for (const { clock, len } of deletions) {
      const end = Math.min(clock + len, held)
      if (clock >= end) continue
      for (let i = Y.findIndexSS(stored, clock); i < stored.length && stored[i]!.id.clock < end; i++) {
        const item = stored[i]
        // Deleting what is deleted already changes nothing (every resync sends the whole delete set again).
        if (!(item instanceof Y.Item) || item.deleted) continue
        const key = finder.blockOfStored(item)
        if (key !== null && agreed.has(key)) touched.add(key)
      }
    }
  }
  return [...touched]
}
