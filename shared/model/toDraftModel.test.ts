import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from '../framework/builtInCatalogue.ts'
import { mergeCatalogue } from '../framework/mergeCatalogue.ts'
import { bulletList, doc, heading, orderedList, paragraph, recommendation, text } from '../schema/draftBuilders.ts'
import type { DraftNodeJson } from '../schema/draftJson.ts'
import { validateDraft } from '../schema/validateDraft.ts'
import { type DraftBlock, paragraphsOf, recommendationsOf } from './draftModel.ts'
import { toDraftModel } from './toDraftModel.ts'

function numbering(...blocks: DraftNodeJson[]): string[] {
  return toDraftModel(doc(...blocks), builtInCatalogue).blocks.map(describeBlock)
}

function describeBlock(block: DraftBlock): string {
  if (block.kind === 'heading') return `h${block.level} ${block.text}`
  if (block.kind === 'paragraph') return `${block.number}. ${block.text}`
  return `R${block.number} ${block.text}`
}

describe('toDraftModel numbering', () => {
  it('numbers paragraphs and recommendations separately, skipping headings', () => {
    expect(
      numbering(
        heading(1, 'I. Introduction'),
        paragraph('First.'),
        paragraph('Second.'),
        heading(2, 'II. Recommendations'),
        recommendation('r-a', ['norm-g'], 'Do A.'),
        paragraph('Third.'),
        recommendation('r-b', ['cbm-7'], 'Do B.'),
      ),
    ).toEqual(['h1 I. Introduction', '1. First.', '2. Second.', 'h2 II. Recommendations', 'R1 Do A.', '3. Third.', 'R2 Do B.'])
  })

  it('renumbers the recommendations after one inserted before them, keeping their ids', () => {
    const before = doc(paragraph('Intro.'), recommendation('r-a', ['norm-a'], 'A'), recommendation('r-b', ['norm-b'], 'B'))
    const after = doc(
      paragraph('Intro.'),
      recommendation('r-new', ['norm-c'], 'New'),
      recommendation('r-a', ['norm-a'], 'A'),
      recommendation('r-b', ['norm-b'], 'B'),
    )
    const numbers = (json: typeof before) =>
      recommendationsOf(toDraftModel(json, builtInCatalogue)).map((block) => [block.id, block.number])
    expect(numbers(before)).toEqual([
      ['r-a', 1],
      ['r-b', 2],
    ])
    expect(numbers(after)).toEqual([
      ['r-new', 1],
      ['r-a', 2],
      ['r-b', 3],
    ])
    expect(paragraphsOf(toDraftModel(after, builtInCatalogue)).map((block) => block.number)).toEqual([1])
  })

  it('renumbers paragraphs after one inserted before them', () => {
    expect(numbering(paragraph('New.'), paragraph('Old one.'), paragraph('Old two.'))).toEqual(['1. New.', '2. Old one.', '3. Old two.'])
  })

  it('counts each item of a top-level list as a numbered paragraph, with its nested list inside it', () => {
    expect(
      numbering(
        paragraph('Lead-in.'),
        bulletList('a', [paragraph('b'), orderedList('b.1', 'b.2')]),
        orderedList('c'),
        paragraph('After.'),
      ),
    ).toEqual(['1. Lead-in.', '2. a', '3. b\n(a) b.1\n(b) b.2', '4. c', '5. After.'])
  })

  it('letters sub-paragraphs (a), (b), (c) and their own sub-paragraphs (i), (ii), by position', () => {
    const model = toDraftModel(
      doc(
        orderedList([
          paragraph('The group recommends that States:'),
          orderedList('designate a point of contact;', [paragraph('share:'), orderedList('national policies;', 'incidents;')], [paragraph()], 'report annually.'),
        ]),
        bulletList('Next paragraph.'),
      ),
      builtInCatalogue,
    )
    const [first, second] = paragraphsOf(model)
    expect(first.lines.map((line) => line.text)).toEqual([
      'The group recommends that States:',
      '(a) designate a point of contact;',
      '(b) share:',
      '(i) national policies;',
      '(ii) incidents;',
      // The empty item (c) prints nothing, and the next keeps the letter the editor shows.
      '(d) report annually.',
    ])
    expect(first.lines.map((line) => [line.label, line.level])).toEqual([
      [undefined, undefined],
      ['(a)', 1],
      ['(b)', 1],
      ['(i)', 2],
      ['(ii)', 2],
      ['(d)', 1],
    ])
    expect(first.lines[1].runs[0]).toEqual({ text: '(a) ', bold: false, italic: false })
    expect(second.number).toBe(2)
    expect(second.text).toBe('Next paragraph.')
  })

  it('gives each line the level of the sub-paragraph it belongs to; the numbered paragraph\'s own lines have none', () => {
    const [block] = paragraphsOf(
      toDraftModel(doc(bulletList([paragraph('Lead:'), orderedList([paragraph('share:'), orderedList('policies;'), paragraph('and more;')]), paragraph('Close.')])), builtInCatalogue),
    )
    expect(block.lines.map((line) => [line.text, line.label, line.level])).toEqual([
      ['Lead:', undefined, undefined],
      ['(a) share:', '(a)', 1],
      ['(i) policies;', '(i)', 2],
      ['and more;', undefined, 1],
      ['Close.', undefined, undefined],
    ])
  })

  it('leaves nested bulleted lists unlettered', () => {
    expect(numbering(bulletList([paragraph('Lead'), bulletList('x', 'y')]))).toEqual(['1. Lead\nx\ny'])
  })

  it('tells where a numbered paragraph came from', () => {
    const model = toDraftModel(doc(paragraph('p'), bulletList('b'), orderedList('o')), builtInCatalogue)
    expect(paragraphsOf(model).map((block) => [block.source, block.path])).toEqual([
      ['paragraph', [0]],
      ['bulletList', [1, 0]],
      ['orderedList', [2, 0]],
    ])
  })

  it('gives empty paragraphs no number', () => {
    expect(numbering(paragraph('One.'), paragraph(), paragraph('  '), paragraph('Two.'))).toEqual(['1. One.', '2. Two.'])
  })

  it('numbers a recommendation nested in a list item in document order, as validateDraft does', () => {
    const draft = doc(
      recommendation('r-1', ['norm-a'], 'first'),
      bulletList([paragraph('item'), recommendation('r-2', ['norm-b'], 'nested')], 'next item'),
      recommendation('r-3', ['norm-c'], 'last'),
    )
    expect(toDraftModel(draft, builtInCatalogue).blocks.map(describeBlock)).toEqual([
      'R1 first',
      '1. item',
      'R2 nested',
      '2. next item',
      'R3 last',
    ])
    const nested = recommendationsOf(toDraftModel(draft, builtInCatalogue))[1]
    expect(nested.path).toEqual([1, 0, 1])

    const broken = doc(
      recommendation('r-1', ['norm-a'], 'first'),
      bulletList([paragraph('item'), recommendation('r-2', [], 'nested')]),
    )
    expect(validateDraft(broken, builtInCatalogue).problems[0]).toMatchObject({ recommendationId: 'r-2', recommendationNumber: 2 })
  })
})

describe('toDraftModel content', () => {
  it('resolves refs through the catalogue with label, title and status', () => {
    const catalogue = mergeCatalogue(builtInCatalogue, { version: 't', elements: [{ id: 'cbm-8', retired: true }] })
    const [block] = recommendationsOf(toDraftModel(doc(recommendation('r', ['norm-g', 'cbm-8', 'x-1'], 'Text')), catalogue))
    expect(block.refs).toEqual([
      { id: 'norm-g', status: 'known', label: 'Norm g', title: builtInCatalogue.elements.find((e) => e.id === 'norm-g')!.title, pillar: 'norms' },
      { id: 'cbm-8', status: 'retired', label: 'CBM 8', title: builtInCatalogue.elements.find((e) => e.id === 'cbm-8')!.title, pillar: 'cbms' },
      { id: 'x-1', status: 'unknown', label: 'x-1' },
    ])
  })

  it('gives a recommendation its plain text, paragraph by paragraph', () => {
    const [block] = recommendationsOf(
      toDraftModel(doc(recommendation('r', ['norm-a'], paragraph('States ', text('should', 'bold'), ' act.'), 'Second.')), builtInCatalogue),
    )
    expect(block.text).toBe('States should act.\nSecond.')
    expect(block.paragraphs.map((line) => line.text)).toEqual(['States should act.', 'Second.'])
    expect(block.paragraphs[0].runs).toEqual([
      { text: 'States ', bold: false, italic: false },
      { text: 'should', bold: true, italic: false },
      { text: ' act.', bold: false, italic: false },
    ])
  })

  it('keeps a recommendation without an id, as null', () => {
    const noId = { ...recommendation('x', ['norm-a'], 'text'), attrs: { refs: ['norm-a'] } }
    expect(recommendationsOf(toDraftModel(doc(noId), builtInCatalogue))[0]).toMatchObject({ id: null, number: 1 })
  })

  it('keeps formatting of paragraphs and heading levels', () => {
    const model = toDraftModel(doc(heading(3, 'Sub'), paragraph(text('Note', 'italic'), ' well')), builtInCatalogue)
    expect(model.blocks[0]).toMatchObject({ kind: 'heading', level: 3, text: 'Sub', path: [0] })
    expect(model.blocks[1]).toMatchObject({
      kind: 'paragraph',
      number: 1,
      lines: [{ text: 'Note well', runs: [{ text: 'Note', bold: false, italic: true }, { text: ' well', bold: false, italic: false }] }],
    })
  })

  it('stores no numbers in the document: the same JSON gives the same model', () => {
    const draft = doc(paragraph('a'), recommendation('r', ['norm-a'], 'b'))
    const copy = structuredClone(draft)
    expect(toDraftModel(draft, builtInCatalogue)).toEqual(toDraftModel(draft, builtInCatalogue))
    expect(draft).toEqual(copy)
  })
})
