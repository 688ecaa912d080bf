/**
 * A block's identity: the Yjs item id ("client:clock") of a top-level Y.XmlElement of the `content` fragment, stable
 * for the element's life. The one definition of block keys, used by the server (statuses, the lock on agreed text) and
 * the editor (margin, read-only blocks).
 */
import * as Y from 'yjs'
import { blockKeyPattern } from '../schema/blockStatus.ts'
import { contentField } from '../schema/contentField.ts'

/** The key of an item's id. */
export function keyOfId(id: Y.ID): string {
  return `${id.client}:${id.clock}`
}

/** The key of a top-level element (its own item's id); null for a type that is not integrated (no item). */
export function blockKeyOf(element: Pick<Y.AbstractType<unknown>, '_item'>): string | null {
  return element._item ? keyOfId(element._item.id) : null
}

/** The id a key names, or null when it is not a key. */
export function idOfKey(key: string): Y.ID | null {
  if (!blockKeyPattern.test(key)) return null
  const [client, clock] = key.split(':').map(Number)
  if (!Number.isSafeInteger(client) || !Number.isSafeInteger(clock)) return null
  return Y.createID(client!, clock!)
}

/** The blocks of a document in order: each top-level element of `content` with its key (none when `content` is not a fragment). */
export function topLevelBlocks(doc: Y.Doc): Array<{ key: string; element: Y.XmlElement | Y.XmlText }> {
  const blocks: Array<{ key: string; element: Y.XmlElement | Y.XmlText }> = []
  let fragment: Y.XmlFragment
  try {
    fragment = doc.getXmlFragment(contentField)
  } catch {
    // A client wrote `content` as another type: it holds no blocks.
    return blocks
  }
  for (const child of fragment.toArray()) {
    const key = blockKeyOf(child as Y.AbstractType<unknown>)
    if (key) blocks.push({ key, element: child as Y.XmlElement | Y.XmlText })
  }
  return blocks
}

/** The keys of a document's blocks, in order. */
export function blockKeys(doc: Y.Doc): string[] {
  return topLevelBlocks(doc).map((block) => block.key)
}
