import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from '../framework/builtInCatalogue.ts'
import type { DraftNodeJson } from '../schema/draftJson.ts'
import { bulletList, doc, heading, paragraph, recommendation } from '../schema/draftBuilders.ts'
import { toDraftModel } from '../model/toDraftModel.ts'
import type { Comparison } from './comparison.ts'
import { compareDrafts } from './compareDrafts.ts'

const draft = (...blocks: DraftNodeJson[]) => toDraftModel(doc(...blocks), builtInCatalogue)

/** The redline in brief: change, kind, number before -> after (R for recommendations), text of the later version. */
function outline(comparison: Comparison): string[] {
  return comparison.blocks.map(({ change, kind, before, after, moved }) => {
    const number = (block: typeof before) =>
      block && 'number' in block ? `${block.kind === 'recommendation' ? 'R' : '§'}${block.number}` : '-'
    return `${change} ${kind} ${number(before)}>${number(after)} ${(after ?? before)!.text}${moved ? ' (moved)' : ''}`
  })
}

const noChanges = {
  paragraphsAdded: 0,
  paragraphsRemoved: 0,
  paragraphsChanged: 0,
  paragraphsMoved: 0,
  recommendationsAdded: 0,
  recommendationsRemoved: 0,
  recommendationsChanged: 0,
  recommendationsRenumbered: 0,
}

const rev0 = [
  heading(1, 'Recommendations of the working group'),
  paragraph('The group met four times.'),
  recommendation('r-one', ['norm-a'], 'States should protect critical infrastructure.'),
  paragraph('Capacity building remains essential.'),
  recommendation('r-two', ['cbm-1', 'norm-c'], 'States should share points of contact.'),
  recommendation('r-three', ['norm-g'], 'States should report incidents.'),
  recommendation('r-four', ['norm-f'], 'States should respect human rights online.'),
]

describe('compareDrafts', () => {
  it('finds nothing changed between identical versions', () => {
    const comparison = compareDrafts(draft(...rev0), draft(...rev0))
    expect(comparison.blocks.map((block) => block.change)).toEqual(Array(7).fill('unchanged'))
    expect(comparison.blocks[1].segments).toEqual([{ op: 'equal', text: 'The group met four times.' }])
    expect(comparison.blocks[2].refs).toEqual({ kept: [expect.objectContaining({ id: 'norm-a' })], added: [], removed: [] })
    expect(comparison.recommendations.map(({ id, changes, summary }) => [id, changes, summary])).toEqual([
      ['r-one', [], 'unchanged'],
      ['r-two', [], 'unchanged'],
      ['r-three', [], 'unchanged'],
      ['r-four', [], 'unchanged'],
    ])
    expect(comparison.summary).toEqual(noChanges)
  })

  it('compares two empty drafts, and an empty draft with a written one', () => {
    expect(compareDrafts(draft(), draft())).toEqual({ blocks: [], recommendations: [], summary: noChanges })
    const written = compareDrafts(draft(), draft(paragraph('First words.'), recommendation('r-one', ['norm-a'], 'Do it.')))
    expect(outline(written)).toEqual(['added paragraph ->§1 First words.', 'added recommendation ->R1 Do it.'])
    expect(written.blocks.map((block) => block.segments)).toEqual([
      [{ op: 'insert', text: 'First words.' }],
      [{ op: 'insert', text: 'Do it.' }],
    ])
    expect(written.summary).toEqual({ ...noChanges, paragraphsAdded: 1, recommendationsAdded: 1 })
    const erased = compareDrafts(draft(paragraph('First words.')), draft())
    expect(erased.blocks).toEqual([expect.objectContaining({ change: 'removed', segments: [{ op: 'delete', text: 'First words.' }] })])
  })

  it('shows a text edit inside a recommendation word by word', () => {
    const rev1 = rev0.map((block) =>
      block === rev0[5] ? recommendation('r-three', ['norm-g'], 'States should promptly report serious incidents.') : block,
    )
    const comparison = compareDrafts(draft(...rev0), draft(...rev1))
    const edited = comparison.blocks[5]
    expect(edited).toMatchObject({ change: 'changed', kind: 'recommendation' })
    expect(edited.moved).toBeUndefined()
    expect(edited.segments).toEqual([
      { op: 'equal', text: 'States should ' },
      { op: 'insert', text: 'promptly ' },
      { op: 'equal', text: 'report ' },
      { op: 'insert', text: 'serious ' },
      { op: 'equal', text: 'incidents.' },
    ])
    expect(comparison.recommendations[2]).toEqual({
      id: 'r-three',
      changes: ['text'],
      before: { number: 3, refs: [expect.objectContaining({ id: 'norm-g' })], text: 'States should report incidents.' },
      after: { number: 3, refs: [expect.objectContaining({ id: 'norm-g' })], text: 'States should promptly report serious incidents.' },
      summary: 'text changed',
    })
    expect(comparison.summary).toEqual({ ...noChanges, recommendationsChanged: 1 })
  })

  it('shows a recommendation renumbered by one inserted before it as renumbered only', () => {
    const inserted = recommendation('r-new', ['norm-b'], 'States should publish their positions.')
    const rev1 = [...rev0.slice(0, 6), inserted, rev0[6]]
    const comparison = compareDrafts(draft(...rev0), draft(...rev1))
    expect(outline(comparison).slice(5)).toEqual([
      'unchanged recommendation R3>R3 States should report incidents.',
      'added recommendation ->R4 States should publish their positions.',
      'unchanged recommendation R4>R5 States should respect human rights online.',
    ])
    expect(comparison.recommendations.map(({ id, changes, summary }) => [id, changes, summary])).toEqual([
      ['r-one', [], 'unchanged'],
      ['r-two', [], 'unchanged'],
      ['r-three', [], 'unchanged'],
      ['r-new', ['added'], 'added as R4'],
      ['r-four', ['renumbered'], 'R4 is now R5'],
    ])
    expect(comparison.recommendations[3]).toMatchObject({ before: null, after: { number: 4 } })
    expect(comparison.blocks[6].refs).toEqual({ kept: [], added: [expect.objectContaining({ id: 'norm-b' })], removed: [] })
    expect(comparison.summary).toEqual({ ...noChanges, recommendationsAdded: 1, recommendationsRenumbered: 1 })
  })

  it('lists the links kept, added and removed, in the later order', () => {
    const rev1 = rev0.map((block) =>
      block === rev0[4] ? recommendation('r-two', ['norm-c', 'norm-h', 'cbm-2'], 'States should share points of contact.') : block,
    )
    const comparison = compareDrafts(draft(...rev0), draft(...rev1))
    const relinked = comparison.blocks[4]
    expect(relinked.change).toBe('changed')
    expect(relinked.segments).toEqual([{ op: 'equal', text: 'States should share points of contact.' }])
    expect(relinked.refs).toEqual({
      kept: [expect.objectContaining({ id: 'norm-c', label: 'Norm c', status: 'known' })],
      added: [expect.objectContaining({ id: 'norm-h' }), expect.objectContaining({ id: 'cbm-2', label: 'CBM 2' })],
      removed: [expect.objectContaining({ id: 'cbm-1' })],
    })
    expect(comparison.recommendations[1]).toMatchObject({ id: 'r-two', changes: ['links'], summary: 'links changed' })
    expect(comparison.summary).toEqual({ ...noChanges, recommendationsChanged: 1 })
  })

  it('takes a change in the order of links as a change of links', () => {
    const before = draft(recommendation('r-one', ['norm-a', 'norm-b'], 'Text.'))
    const after = draft(recommendation('r-one', ['norm-b', 'norm-a'], 'Text.'))
    const comparison = compareDrafts(before, after)
    expect(comparison.recommendations[0].changes).toEqual(['links'])
    expect(comparison.blocks[0].refs).toEqual({
      kept: [expect.objectContaining({ id: 'norm-b' }), expect.objectContaining({ id: 'norm-a' })],
      added: [],
      removed: [],
    })
  })

  it('keeps later paragraphs unchanged when one is added or removed before them, though their numbers shift', () => {
    const before = draft(paragraph('Alpha words here.'), paragraph('Bravo words here.'), paragraph('Charlie words here.'), paragraph('Delta words.'))
    const after = draft(
      paragraph('Alpha words here.'),
      paragraph('A wholly new paragraph.'),
      paragraph('Bravo words here.'),
      paragraph('Delta words.'),
      bulletList('Echo item one.'),
    )
    const comparison = compareDrafts(before, after)
    expect(outline(comparison)).toEqual([
      'unchanged paragraph §1>§1 Alpha words here.',
      'added paragraph ->§2 A wholly new paragraph.',
      'unchanged paragraph §2>§3 Bravo words here.',
      'removed paragraph §3>- Charlie words here.',
      'unchanged paragraph §4>§4 Delta words.',
      'added paragraph ->§5 Echo item one.',
    ])
    expect(comparison.summary).toEqual({ ...noChanges, paragraphsAdded: 2, paragraphsRemoved: 1 })
  })

  it('pairs an edited paragraph as changed, and a rewritten one as removed and added', () => {
    const before = draft(
      heading(2, 'Norms'),
      paragraph('States should cooperate on ICT security.'),
      paragraph('The chair thanked the delegations.'),
    )
    const after = draft(
      heading(2, 'Norms of behaviour'),
      paragraph('States should actively cooperate on ICT security and resilience.'),
      paragraph('A fresh text on a different subject.'),
    )
    const comparison = compareDrafts(before, after)
    expect(outline(comparison)).toEqual([
      'changed heading ->- Norms of behaviour',
      'changed paragraph §1>§1 States should actively cooperate on ICT security and resilience.',
      'removed paragraph §2>- The chair thanked the delegations.',
      'added paragraph ->§2 A fresh text on a different subject.',
    ])
    expect(comparison.blocks[0].segments).toEqual([{ op: 'equal', text: 'Norms ' }, { op: 'insert', text: 'of behaviour' }])
    expect(comparison.blocks[1].segments).toEqual([
      { op: 'equal', text: 'States should ' },
      { op: 'insert', text: 'actively ' },
      { op: 'equal', text: 'cooperate on ICT security ' },
      { op: 'insert', text: 'and resilience' },
      { op: 'equal', text: '.' },
    ])
    expect(comparison.summary).toEqual({ ...noChanges, paragraphsAdded: 1, paragraphsRemoved: 1, paragraphsChanged: 1 })
  })

  it('shows a paragraph moved elsewhere once, where it now stands, marked moved, also when edited on the way', () => {
    const before = draft(
      paragraph('Opening remarks of the chair.'),
      paragraph('States discussed the protection of critical infrastructure at length.'),
      paragraph('Capacity-building should be demand-driven and sustainable.'),
      paragraph('Closing remarks.'),
    )
    const after = draft(
      paragraph('Opening remarks of the chair.'),
      paragraph('Capacity-building should be demand-driven, sustainable and gender-responsive.'),
      paragraph('Closing remarks.'),
      paragraph('States discussed the protection of critical infrastructure at length.'),
    )
    const comparison = compareDrafts(before, after)
    expect(outline(comparison)).toEqual([
      'unchanged paragraph §1>§1 Opening remarks of the chair.',
      'changed paragraph §3>§2 Capacity-building should be demand-driven, sustainable and gender-responsive.',
      'unchanged paragraph §4>§3 Closing remarks.',
      'unchanged paragraph §2>§4 States discussed the protection of critical infrastructure at length. (moved)',
    ])
    expect(comparison.summary).toEqual({ ...noChanges, paragraphsChanged: 1, paragraphsMoved: 1 })

    const movedAndEdited = compareDrafts(
      draft(paragraph('A first paragraph.'), paragraph('States should share information on ICT incidents with each other.'), paragraph('A last paragraph.')),
      draft(paragraph('A first paragraph.'), paragraph('A last paragraph.'), paragraph('States should share information on ICT incidents with each other promptly.')),
    )
    expect(outline(movedAndEdited).at(-1)).toBe('changed paragraph §2>§3 States should share information on ICT incidents with each other promptly. (moved)')
    expect(movedAndEdited.blocks.at(-1)!.segments.filter((segment) => segment.op !== 'equal').map((segment) => segment.text.trim())).toEqual(['promptly'])
    expect(movedAndEdited.summary).toEqual({ ...noChanges, paragraphsChanged: 1, paragraphsMoved: 1 })
  })

  it('pairs moved paragraphs by best likeness overall, not first come', () => {
    const base = 'Delegations discussed confidence-building measures and points of contact for the exchange of information'
    const comparison = compareDrafts(
      draft(paragraph('Top.'), paragraph(`${base} aa bb cc.`), paragraph(`${base} dd ee ff.`), paragraph('Middle.'), paragraph('Bottom.')),
      draft(paragraph('Top.'), paragraph('Middle.'), paragraph('Bottom.'), paragraph(`${base} dd ee ff aa bb.`), paragraph(`${base} dd ee ff gg.`)),
    )
    const moved = comparison.blocks.filter((block) => block.moved)
    expect(moved.map((block) => [block.before!.text.slice(base.length), block.after!.text.slice(base.length)])).toEqual([
      [' aa bb cc.', ' dd ee ff aa bb.'],
      [' dd ee ff.', ' dd ee ff gg.'],
    ])
    expect(comparison.summary).toMatchObject({ paragraphsMoved: 2, paragraphsAdded: 0, paragraphsRemoved: 0 })
  })

  it('pairs an edited paragraph across a paragraph added before it in the same run of changes', () => {
    const before = draft(paragraph('Start.'), paragraph('Delegations agreed on the text.'), paragraph('End.'))
    const after = draft(paragraph('Start.'), paragraph('Something else entirely new.'), paragraph('Delegations agreed on the final text.'), paragraph('End.'))
    expect(outline(compareDrafts(before, after))).toEqual([
      'unchanged paragraph §1>§1 Start.',
      'added paragraph ->§2 Something else entirely new.',
      'changed paragraph §2>§3 Delegations agreed on the final text.',
      'unchanged paragraph §3>§4 End.',
    ])
  })

  it('does not pair a heading with a paragraph of the same text', () => {
    const comparison = compareDrafts(draft(heading(2, 'Capacity building')), draft(paragraph('Capacity building')))
    expect(outline(comparison)).toEqual(['removed heading ->- Capacity building', 'added paragraph ->§1 Capacity building'])
  })

  it('shows a moved recommendation once, where it now stands, never as removed and added', () => {
    const rev1 = [rev0[0], rev0[1], rev0[6], rev0[2], rev0[3], rev0[4], rev0[5]]
    const comparison = compareDrafts(draft(...rev0), draft(...rev1))
    expect(outline(comparison)).toEqual([
      'unchanged heading ->- Recommendations of the working group',
      'unchanged paragraph §1>§1 The group met four times.',
      'unchanged recommendation R4>R1 States should respect human rights online. (moved)',
      'unchanged recommendation R1>R2 States should protect critical infrastructure.',
      'unchanged paragraph §2>§2 Capacity building remains essential.',
      'unchanged recommendation R2>R3 States should share points of contact.',
      'unchanged recommendation R3>R4 States should report incidents.',
    ])
    expect(comparison.recommendations.map(({ id, summary }) => [id, summary])).toEqual([
      ['r-four', 'R4 is now R1'],
      ['r-one', 'R1 is now R2'],
      ['r-two', 'R2 is now R3'],
      ['r-three', 'R3 is now R4'],
    ])
    expect(comparison.summary).toEqual({ ...noChanges, recommendationsRenumbered: 4 })
  })

  it('shows a recommendation moved and edited as changed where it now stands', () => {
    const before = draft(recommendation('r-one', [], 'First.'), paragraph('Middle.'), recommendation('r-two', ['norm-a'], 'Second one.'))
    const after = draft(recommendation('r-two', ['norm-b'], 'Second one, amended.'), recommendation('r-one', [], 'First.'), paragraph('Middle.'))
    const comparison = compareDrafts(before, after)
    expect(outline(comparison)).toEqual([
      'changed recommendation R2>R1 Second one, amended. (moved)',
      'unchanged recommendation R1>R2 First.',
      'unchanged paragraph §1>§1 Middle.',
    ])
    expect(comparison.blocks[0].segments).toEqual([
      { op: 'equal', text: 'Second one' },
      { op: 'insert', text: ', amended' },
      { op: 'equal', text: '.' },
    ])
    expect(comparison.recommendations.map(({ id, changes, summary }) => [id, changes, summary])).toEqual([
      ['r-two', ['renumbered', 'text', 'links'], 'R2 is now R1; text and links changed'],
      ['r-one', ['renumbered'], 'R1 is now R2'],
    ])
  })

  it('places a removed recommendation where it stood and lists it after the later ones', () => {
    const rev1 = rev0.filter((block) => block !== rev0[4])
    const comparison = compareDrafts(draft(...rev0), draft(...rev1))
    expect(outline(comparison).slice(3)).toEqual([
      'unchanged paragraph §2>§2 Capacity building remains essential.',
      'removed recommendation R2>- States should share points of contact.',
      'unchanged recommendation R3>R2 States should report incidents.',
      'unchanged recommendation R4>R3 States should respect human rights online.',
    ])
    expect(comparison.blocks[4].refs).toEqual({
      kept: [],
      added: [],
      removed: [expect.objectContaining({ id: 'cbm-1' }), expect.objectContaining({ id: 'norm-c' })],
    })
    expect(comparison.recommendations.map(({ id, summary }) => [id, summary])).toEqual([
      ['r-one', 'unchanged'],
      ['r-three', 'R3 is now R2'],
      ['r-four', 'R4 is now R3'],
      ['r-two', 'removed (was R2)'],
    ])
    expect(comparison.recommendations[3]).toMatchObject({ changes: ['removed'], after: null, before: { number: 2 } })
    expect(comparison.summary).toEqual({ ...noChanges, recommendationsRemoved: 1, recommendationsRenumbered: 2 })
  })

  it('matches recommendations by id, not by text: a new id in the place of an old one is removed and added', () => {
    const before = draft(recommendation('r-old', ['norm-a'], 'Same words.'))
    const after = draft(recommendation('r-fresh', ['norm-a'], 'Same words.'))
    const comparison = compareDrafts(before, after)
    expect(outline(comparison)).toEqual(['removed recommendation R1>- Same words.', 'added recommendation ->R1 Same words.'])
    expect(comparison.recommendations.map(({ id, summary }) => [id, summary])).toEqual([
      ['r-fresh', 'added as R1'],
      ['r-old', 'removed (was R1)'],
    ])
  })

  it('compares recommendations without an id as plain blocks by position, and leaves them out of the table', () => {
    const withoutId = (refs: string[], text: string) => ({ ...recommendation('x', refs, text), attrs: { refs } })
    const before = draft(withoutId(['norm-a'], 'An unnamed recommendation.'), paragraph('Text.'))
    const after = draft(withoutId(['norm-a', 'norm-b'], 'An unnamed recommendation, edited.'), paragraph('Text.'))
    const comparison = compareDrafts(before, after)
    expect(outline(comparison)).toEqual([
      'changed recommendation R1>R1 An unnamed recommendation, edited.',
      'unchanged paragraph §1>§1 Text.',
    ])
    expect(comparison.blocks[0].refs).toEqual({ kept: [expect.objectContaining({ id: 'norm-a' })], added: [expect.objectContaining({ id: 'norm-b' })], removed: [] })
    expect(comparison.recommendations).toEqual([])
    expect(compareDrafts(before, before).blocks.map((block) => block.change)).toEqual(['unchanged', 'unchanged'])
  })

  it('pairs the occurrences of a duplicated id in order, without failing', () => {
    const before = draft(recommendation('r-dup', [], 'Original.'), recommendation('r-dup', [], 'Pasted copy.'))
    const after = draft(recommendation('r-dup', [], 'Original.'))
    const comparison = compareDrafts(before, after)
    expect(outline(comparison)).toEqual(['unchanged recommendation R1>R1 Original.', 'removed recommendation R2>- Pasted copy.'])
    expect(comparison.recommendations.map(({ id, summary }) => [id, summary])).toEqual([
      ['r-dup', 'unchanged'],
      ['r-dup', 'removed (was R2)'],
    ])
  })

  it('counts the changes between two large versions', () => {
    const large = (revision: 0 | 1): DraftNodeJson[] => {
      const blocks: DraftNodeJson[] = []
      for (let section = 0; section < 60; section += 1) {
        if (section % 10 === 0) blocks.push(heading(2, `Section ${section / 10 + 1}`))
        for (let line = 0; line < 5; line += 1) {
          const n = section * 5 + line
          if (revision === 1 && n % 50 === 7) continue
          const edited = revision === 1 && n % 25 === 3 ? ' as amended in the second round' : ''
          blocks.push(paragraph(`Paragraph ${n} recalls that delegations discussed topic ${n} at length${edited}.`))
          if (revision === 1 && n % 100 === 42) blocks.push(paragraph(`An entirely new observation number ${n}.`))
        }
        const id = `r-${section}`
        if (revision === 1 && section % 20 === 5) continue
        const refs = revision === 1 && section % 15 === 1 ? ['norm-b'] : ['norm-a']
        const text = revision === 1 && section % 12 === 2 ? `Recommendation ${section}, sharpened.` : `Recommendation ${section}.`
        blocks.push(recommendation(id, refs, text))
        if (revision === 1 && section % 30 === 10) blocks.push(recommendation(`r-new-${section}`, [], `New recommendation ${section}.`))
      }
      return blocks
    }
    const before = draft(...large(0))
    const after = draft(...large(1))
    expect(before.blocks.filter((block) => block.kind === 'paragraph')).toHaveLength(300)
    const comparison = compareDrafts(before, after)
    expect(comparison.summary).toEqual({
      paragraphsAdded: 3,
      paragraphsRemoved: 6,
      paragraphsChanged: 12,
      paragraphsMoved: 0,
      recommendationsAdded: 2,
      recommendationsRemoved: 3,
      recommendationsChanged: 9,
      recommendationsRenumbered: 34,
    })
    expect(comparison.blocks.filter((block) => block.change === 'unchanged')).toHaveLength(6 + (300 - 6 - 12) + (57 - 9))
    expect(comparison.recommendations).toHaveLength(62)
  })
})
