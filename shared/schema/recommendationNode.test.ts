import { Fragment, DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { bulletList, doc, heading, orderedList, paragraph, recommendation, text } from './draftBuilders.ts'
import { draftSchema } from './editorSchema.ts'
import { parseRefs, serializeRefs } from './recommendationNode.ts'

const id = '6f1c2a9e-3b1d-4c55-9a5e-0d3f5c1b2a77'

/** Just enough of an element for a parse rule's getAttrs. */
function fakeElement(attributes: Record<string, string>) {
  return { getAttribute: (name: string) => attributes[name] ?? null } as unknown as HTMLElement
}

describe('recommendation node in the draft schema', () => {
  it('round-trips a recommendation through ProseMirror JSON unchanged', () => {
    const json = recommendation(id, ['norm-g', 'cbm-7'], paragraph('States ', text('should', 'bold'), ' act.'), paragraph(text('And also', 'italic')))
    expect(draftSchema.nodeFromJSON(json).toJSON()).toEqual(json)
  })

  it('round-trips a whole draft with headings, lists and recommendations', () => {
    const json = doc(
      heading(1, 'Annual summary'),
      paragraph('The group met twice.'),
      bulletList('first', ['second'].map((item) => paragraph(item))),
      orderedList('one'),
      recommendation(id, ['il-sovereignty'], 'Recommend.'),
      paragraph(),
    )
    const node = draftSchema.nodeFromJSON(json)
    node.check()
    expect(node.toJSON()).toEqual(json)
  })

  it('requires an id and a list of refs', () => {
    expect(() => draftSchema.nodeFromJSON({ type: 'recommendation', content: [{ type: 'paragraph' }] })).toThrow(RangeError)
    expect(() =>
      draftSchema.nodeFromJSON({ type: 'recommendation', attrs: { id, refs: 'norm-g' }, content: [{ type: 'paragraph' }] }),
    ).toThrow(/refs/)
  })

  it('defaults refs to none, so validation reports an unlinked recommendation', () => {
    const node = draftSchema.nodes.recommendation.create({ id }, draftSchema.nodes.paragraph.create())
    expect(node.attrs.refs).toEqual([])
  })

  it('holds paragraphs only and cannot be empty or nest', () => {
    const type = draftSchema.nodes.recommendation
    expect(type.validContent(Fragment.empty)).toBe(false)
    expect(type.contentMatch.matchType(draftSchema.nodes.heading)).toBeNull()
    expect(type.contentMatch.matchType(type)).toBeNull()
    expect(type.contentMatch.matchType(draftSchema.nodes.paragraph)).not.toBeNull()
  })

  it('is an isolating, defining block', () => {
    const type = draftSchema.nodes.recommendation
    expect(type.isBlock).toBe(true)
    expect(type.spec.isolating).toBe(true)
    expect(type.spec.defining).toBe(true)
    expect(type.isInGroup('block')).toBe(true)
  })

  it('keeps its id and refs through the clipboard HTML (render, then parse)', () => {
    const node = draftSchema.nodeFromJSON(recommendation(id, ['norm-g', 'cbm-7'], 'Text.'))
    const [tag, attributes, hole] = draftSchema.nodes.recommendation.spec.toDOM!(node) as [string, Record<string, string>, number]
    expect([tag, attributes, hole]).toEqual(['section', { 'data-recommendation': '', 'data-id': id, 'data-refs': 'norm-g cbm-7' }, 0])

    const rule = draftSchema.nodes.recommendation.spec.parseDOM![0]
    expect(rule.tag).toBe('section[data-recommendation][data-id]')
    expect(rule.getAttrs!(fakeElement(attributes))).toEqual({ id, refs: ['norm-g', 'cbm-7'] })
  })

  it('is the rule ProseMirror uses to parse sections', () => {
    const rules = ProseMirrorDOMParser.fromSchema(draftSchema).rules
    expect(rules.some((rule) => 'tag' in rule && rule.tag === 'section[data-recommendation][data-id]')).toBe(true)
  })
})

describe('refs in HTML', () => {
  it('reads space-separated ids and writes them back', () => {
    expect(parseRefs(' norm-g   cbm-7 ')).toEqual(['norm-g', 'cbm-7'])
    expect(parseRefs(null)).toEqual([])
    expect(serializeRefs(parseRefs('norm-g cbm-7'))).toBe('norm-g cbm-7')
  })
})
