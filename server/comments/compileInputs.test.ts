import { describe, expect, test } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import type { AnchorPlacement } from '../../shared/anchor/placeAnchor.ts'
import type { Author, Comment, Thread } from './commentStore.ts'
import { compileInputs } from './compileInputs.ts'

const model = toDraftModel(
  doc(heading(1, 'Summary'), paragraph('First.'), paragraph(), paragraph('Second.'), recommendation('r1', ['norm-g'], 'States should.')),
  builtInCatalogue,
)

const kenya: Author = { id: 1, name: 'Delegate of Kenya', role: 'delegation', delegation: 'Kenya', regionalGroup: 'african' }
const ngo: Author = { id: 2, name: 'Access Now', role: 'stakeholder', delegation: 'Access Now', regionalGroup: null }

function comment(author: Author, body: string, at: number, deleted = false): Comment {
  return { id: `c${at}`, threadId: 't', author, body: deleted ? '' : body, createdAt: at, editedAt: null, deleted }
}

function thread(id: string, comments: Comment[], resolved = false): Thread {
  return {
    id,
    documentId: 'd',
    anchor: { start: 'AQ==', end: 'AQ==', quote: `quote of ${id}` },
    author: comments[0].author,
    stakeholder: comments[0].author.role === 'stakeholder',
    createdAt: comments[0].createdAt,
    resolved: resolved ? { by: kenya, at: 9 } : null,
    comments,
  }
}

describe('compiled inputs', () => {
  test('one input per thread, placed at its block, with its replies and nothing deleted', () => {
    const placements: Record<string, AnchorPlacement> = {
      a: { detached: false, path: [3, 0] },
      b: { detached: false, path: [4, 0, 0] },
      c: { detached: true },
      d: { detached: false, path: [0, 0] },
      e: { detached: false, path: [2] },
      gone: { detached: false, path: [1, 0] },
    }
    const inputs = compileInputs(
      [
        thread('a', [comment(kenya, 'Kenya proposes.', 1), comment(ngo, 'Deleted reply.', 2, true), comment(ngo, 'Input.', 3)], true),
        thread('b', [comment(ngo, 'Deleted opening.', 4, true), comment(kenya, 'Kenya still speaks.', 5)]),
        thread('c', [comment(kenya, 'On deleted text.', 6)]),
        thread('d', [comment(kenya, 'On the heading.', 7)]),
        thread('e', [comment(kenya, 'In the empty paragraph.', 8)]),
        thread('gone', [comment(kenya, 'All deleted.', 9, true)]),
      ],
      (t) => placements[t.id],
      model,
    )
    expect(inputs.map((input) => [input.threadId, input.location, input.locationOrder, input.detached])).toEqual([
      ['a', 'Paragraph 2', 2, false],
      ['b', 'R1', 3, false],
      ['c', 'Detached', 4, true],
      ['d', 'Heading: Summary', 0, false],
      ['e', 'Paragraph 1', 1, false],
    ])
    expect(inputs[0]).toMatchObject({
      author: { name: 'Delegate of Kenya', delegation: 'Kenya', role: 'delegation', regionalGroup: 'african' },
      body: 'Kenya proposes.',
      quote: 'quote of a',
      resolved: true,
      stakeholder: false,
      replies: [{ author: { name: 'Access Now', delegation: 'Access Now', role: 'stakeholder' }, body: 'Input.', createdAt: 3 }],
    })
    expect(inputs[1]).toMatchObject({ author: { name: 'Delegate of Kenya' }, body: 'Kenya still speaks.', stakeholder: false, replies: [] })
    expect(inputs[2]).toMatchObject({ quote: 'quote of c', body: 'On deleted text.' })
  })
})
