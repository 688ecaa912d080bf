/** agreedBlocksTouched over real Y.Docs of drafts: what lands in or deletes from an agreed block is found, the rest is not. */
import { Node } from '@tiptap/pm/model'
import { prosemirrorJSONToYDoc, updateYFragment } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { blockKeys } from '../../shared/collab/blockKey.ts'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { contentField } from '../../shared/schema/contentField.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { mutateUpdate } from '../../tests/helpers/updateMutation.ts'
import { agreedBlocksTouched } from './agreedLock.ts'
import { checkUpdate } from './updateCheck.ts'

const draft = doc(
  heading(1, 'Recommendations'),
  paragraph('States should cooperate to protect critical infrastructure.'),
  paragraph('The group met twice in 2027.'),
  recommendation('rec-1', ['norm-g'], 'States should designate a national point of contact.'),
  recommendation('rec-2', ['cbm-7'], 'States should share information on incidents.'),
)

function roomDoc(): Y.Doc {
  const built = prosemirrorJSONToYDoc(draftSchema, draft, contentField)
  const room = new Y.Doc()
  room.clientID = 1
  Y.applyUpdate(room, Y.encodeStateAsUpdate(built))
  return room
}

/** A client's copy of the room's document that then makes an edit; returns the edit's update. */
function editOf(room: Y.Doc, edit: (content: Y.XmlFragment, copy: Y.Doc) => void, clientID = 77): Uint8Array {
  const copy = new Y.Doc()
  copy.clientID = clientID
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room))
  const before = Y.encodeStateVector(copy)
  copy.transact(() => edit(copy.getXmlFragment(contentField), copy))
  return Y.encodeStateAsUpdate(copy, before)
}

const element = (content: Y.XmlFragment, index: number) => content.get(index) as Y.XmlElement
/** The text of a paragraph, or of a recommendation's first paragraph. */
const textOf = (block: Y.XmlElement): Y.XmlText => {
  const first = block.get(0)
  return first instanceof Y.XmlText ? first : textOf(first as Y.XmlElement)
}

describe('agreedBlocksTouched', () => {
  const room = roomDoc()
  const keys = blockKeys(room)
  const [, agreedParagraph, openParagraph, agreedRecommendation, openRecommendation] = keys as [string, string, string, string, string]
  const agreed = new Set([agreedParagraph, agreedRecommendation])
  const touched = (update: Uint8Array) => {
    // Only consistent updates reach the lock check.
    expect(checkUpdate(update, (client) => Y.getState(room.store, client)).verdict).toBe('consistent')
    return agreedBlocksTouched(update, room, agreed)
  }

  it('keys blocks by their top-level element, the same on every copy', () => {
    expect(keys).toHaveLength(5)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(room))
    expect(blockKeys(copy)).toEqual(keys)
  })

  it('finds text typed, formatted or deleted inside an agreed paragraph', () => {
    expect(touched(editOf(room, (content) => textOf(element(content, 1)).insert(5, 'not ')))).toEqual([agreedParagraph])
    expect(touched(editOf(room, (content) => textOf(element(content, 1)).format(0, 6, { bold: {} })))).toEqual([agreedParagraph])
    expect(touched(editOf(room, (content) => textOf(element(content, 1)).delete(0, 7)))).toEqual([agreedParagraph])
  })

  it('lets edits in open blocks through', () => {
    expect(touched(editOf(room, (content) => textOf(element(content, 2)).insert(0, 'In brief, ')))).toEqual([])
    expect(touched(editOf(room, (content) => textOf(element(content, 4)).delete(0, 7)))).toEqual([])
    expect(touched(editOf(room, (content) => element(content, 4).setAttribute('refs', ['cbm-7', 'norm-g'] as unknown as string)))).toEqual([])
    expect(touched(editOf(room, (content) => element(content, 0).setAttribute('level', 2 as unknown as string)))).toEqual([])
  })

  it('finds a change of an agreed recommendation’s links (an attribute of the element) and of its nested paragraph', () => {
    expect(touched(editOf(room, (content) => element(content, 3).setAttribute('refs', ['norm-a'] as unknown as string)))).toEqual([agreedRecommendation])
    expect(touched(editOf(room, (content) => textOf(element(content, 3)).insert(0, 'All ')))).toEqual([agreedRecommendation])
    // A new paragraph inside the agreed recommendation, with text of its own.
    const nested = editOf(room, (content) => {
      const added = new Y.XmlElement('paragraph')
      element(content, 3).insert(1, [added])
      added.insert(0, [new Y.XmlText('A second paragraph.')])
    })
    expect(touched(nested)).toEqual([agreedRecommendation])
  })

  it('finds the deletion of an agreed block itself, and of a range of blocks holding one', () => {
    expect(touched(editOf(room, (content) => content.delete(1, 1)))).toEqual([agreedParagraph])
    expect(touched(editOf(room, (content) => content.delete(2, 1)))).toEqual([])
    expect(touched(editOf(room, (content) => content.delete(0, 5))).sort()).toEqual([agreedParagraph, agreedRecommendation].sort())
  })

  it('lets new blocks in between agreed ones, with their content, through', () => {
    const inserted = editOf(room, (content) => {
      const added = new Y.XmlElement('paragraph')
      content.insert(2, [added])
      added.insert(0, [new Y.XmlText('A new paragraph after the agreed one.')])
      textOf(added).insert(0, 'Indeed, ')
    })
    expect(touched(inserted)).toEqual([])
  })

  it('ignores the whole state sent again on a resync, deletions made before agreement included', () => {
    const history = roomDoc()
    const earlier = editOf(history, (content) => textOf(element(content, 1)).delete(0, 7), 40)
    Y.applyUpdate(history, earlier)
    const keysThen = blockKeys(history)
    const client = new Y.Doc()
    client.clientID = 41
    Y.applyUpdate(client, Y.encodeStateAsUpdate(history))
    // The whole state, deletions inside the now agreed paragraph included.
    const whole = Y.encodeStateAsUpdate(client)
    expect(agreedBlocksTouched(whole, history, new Set([keysThen[1]!]))).toEqual([])
  })

  it('finds an agreed paragraph changed through the editor binding, and leaves agreed ones alone when another changes', () => {
    const current = () => Node.fromJSON(draftSchema, draft)
    const viaEditor = (change: (json: typeof draft) => void) =>
      editOf(room, (content, copy) => {
        const json = structuredClone(draft)
        change(json)
        updateYFragment(copy, content, Node.fromJSON(draftSchema, json), { mapping: new Map(), isOMark: new Map() })
      })
    expect(current().childCount).toBe(5)
    expect(touched(viaEditor((json) => (json.content![2]!.content![0]!.text = 'The group met three times in 2027.')))).toEqual([])
    expect(touched(viaEditor((json) => (json.content![1]!.content![0]!.text = 'States may cooperate.')))).toEqual([agreedParagraph])
  })

  it('answers at once for a document with nothing agreed', () => {
    expect(agreedBlocksTouched(editOf(room, (content) => textOf(element(content, 1)).insert(0, 'x')), room, new Set())).toEqual([])
  })

  it('never misses a change to an agreed block, over random edits and mutated updates (a seeded fuzz)', () => {
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
    /** Every block's content with its attributes, as XML: what an agreed block must keep. */
    const blockXml = (doc: Y.Doc) => doc.getXmlFragment(contentField).toArray().map((node) => [(node as Y.XmlElement)._item!.id, node.toString()] as const)
    const agreedXml = (doc: Y.Doc, keysAgreed: ReadonlySet<string>) =>
      blockXml(doc)
        .filter(([id]) => keysAgreed.has(`${id.client}:${id.clock}`))
        .map(([, xml]) => xml)
    /** Any text of the document, at any depth. */
    const someText = (content: Y.XmlFragment): Y.XmlText => pick([...content.createTreeWalker((node) => node instanceof Y.XmlText)] as Y.XmlText[])
    const edits: Array<(content: Y.XmlFragment) => void> = [
      (content) => someText(content).insert(Math.floor(random() * 5), 'x'),
      (content) => someText(content).delete(Math.floor(random() * 5), 1 + Math.floor(random() * 4)),
      (content) => someText(content).format(0, 3, { italic: {} }),
      (content) => pick(content.toArray() as Y.XmlElement[]).setAttribute('refs', ['norm-a'] as unknown as string),
      (content) => content.delete(Math.floor(random() * content.length), 1),
      (content) => content.insert(Math.floor(random() * (content.length + 1)), [new Y.XmlElement('paragraph')]),
      (content) => {
        const target = pick(content.toArray() as Y.XmlElement[])
        const added = new Y.XmlElement('paragraph')
        target.insert(target.length, [added])
        added.insert(0, [new Y.XmlText('nested')])
      },
    ]
    let refused = 0
    let allowed = 0
    for (let round = 0; round < 300; round++) {
      const room = roomDoc()
      const roundKeys = blockKeys(room)
      const agreedNow = new Set(roundKeys.filter(() => random() < 0.5))
      const before = agreedXml(room, agreedNow)
      let update = editOf(room, (content) => {
        for (let n = 1 + Math.floor(random() * 3); n > 0; n--) pick(edits)(content)
      }, 100 + round)
      if (random() < 0.3) update = mutateUpdate(update, random, [1, 100 + round])
      let verdict: string
      try {
        verdict = checkUpdate(update, (client) => Y.getState(room.store, client)).verdict
      } catch {
        continue
      }
      if (verdict !== 'consistent') continue
      const touched = agreedBlocksTouched(update, room, agreedNow)
      if (touched.length > 0) {
        refused++
        continue
      }
      allowed++
      Y.applyUpdate(room, update)
      expect(agreedXml(room, agreedNow), `round ${round}`).toEqual(before)
    }
    // Both kinds happened: the property was tested, not skipped.
    expect(refused).toBeGreaterThan(50)
    expect(allowed).toBeGreaterThan(50)
  })
})
