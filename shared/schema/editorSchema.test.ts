import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { builtInCatalogue } from '../framework/builtInCatalogue.ts'
import { bulletList, doc, heading, paragraph, recommendation, text } from './draftBuilders.ts'
import { draftExtensions, draftSchema } from './editorSchema.ts'
import { validateDraft } from './validateDraft.ts'

describe('draftSchema', () => {
  it('has the nodes of a UN draft and the recommendation block, and nothing else', () => {
    expect(Object.keys(draftSchema.nodes).sort()).toEqual(
      ['alternative', 'alternatives', 'bulletList', 'doc', 'heading', 'listItem', 'orderedList', 'paragraph', 'recommendation', 'text'].sort(),
    )
    expect(draftSchema.nodes.codeBlock).toBeUndefined()
  })

  it('formats text in bold and italic, and brackets contested text', () => {
    expect(Object.keys(draftSchema.marks).sort()).toEqual(['bold', 'bracket', 'italic'])
  })

  it('lets recommendations stand at the top level of the document', () => {
    expect(draftSchema.nodes.doc.contentMatch.matchType(draftSchema.nodes.recommendation)).not.toBeNull()
  })

  it('lets a block of alternatives stand where a paragraph does, and nowhere inside a recommendation', () => {
    expect(draftSchema.nodes.doc.contentMatch.matchType(draftSchema.nodes.alternatives)).not.toBeNull()
    expect(draftSchema.nodes.recommendation.contentMatch.matchType(draftSchema.nodes.alternatives)).toBeNull()
    expect(draftSchema.nodes.doc.contentMatch.matchType(draftSchema.nodes.alternative)).toBeNull()
  })

  it('offers heading levels 1-3', () => {
    const starterKit = draftExtensions.find((extension) => extension.name === 'starterKit')
    expect(starterKit?.options.heading).toEqual({ levels: [1, 2, 3] })
  })

  it('leaves undo and redo to collaboration', () => {
    const starterKit = draftExtensions.find((extension) => extension.name === 'starterKit')
    expect(starterKit?.options.undoRedo).toBe(false)
  })

  it('builds the same schema again from the extensions, without a DOM', () => {
    expect(typeof document).toBe('undefined')
    const again = getSchema(draftExtensions)
    expect(Object.keys(again.nodes)).toEqual(Object.keys(draftSchema.nodes))
  })
})

describe('a draft in the Yjs document that collaboration stores', () => {
  const draft = doc(
    heading(1, 'Recommendations'),
    paragraph('The group ', text('agreed', 'bold'), ':'),
    bulletList('one point'),
    recommendation('6f1c2a9e-3b1d-4c55-9a5e-0d3f5c1b2a77', ['norm-g', 'cbm-7'], 'Protect infrastructure.'),
  )

  function replicate(json: typeof draft): Y.Doc {
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(draftSchema, json, 'content')))
    return replica
  }

  it('comes back through the schema unchanged, recommendation id and refs included', () => {
    const root = yXmlFragmentToProseMirrorRootNode(replicate(draft).getXmlFragment('content'), draftSchema)
    expect(root.toJSON()).toEqual(draft)
  })

  it('reads back without the schema, as the server does, and validates the same', () => {
    const json = yDocToProsemirrorJSON(replicate(draft), 'content')
    expect(json.content[3]).toEqual(draft.content![3])
    expect(validateDraft(json, builtInCatalogue)).toEqual({ valid: true, problems: [], negotiation: { brackets: 0, alternatives: 0 }, submittable: true })
  })
})
