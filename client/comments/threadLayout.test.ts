import { describe, expect, test } from 'vitest'
import type { Author, Thread } from '../api/comments.ts'
import type { Placement } from './anchors.ts'
import { groupThreads, layoutKey, upsertThread } from './threadLayout.ts'

const kenya: Author = { id: 7, name: 'Delegate of Kenya', role: 'delegation', delegation: 'Kenya', regionalGroup: 'african' }

function thread(id: string, createdAt: number, resolved = false): Thread {
  return {
    id,
    documentId: 'doc',
    anchor: { start: 'AA==', end: 'AA==', quote: `quote of ${id}` },
    author: kenya,
    stakeholder: false,
    createdAt,
    resolved: resolved ? { by: kenya, at: createdAt + 1 } : null,
    comments: [],
  }
}

const at = (from: number, to: number): Placement => ({ kind: 'attached', from, to })
const ids = (group: { thread: Thread }[]) => group.map(({ thread }) => thread.id)

describe('thread layout', () => {
  test('open threads follow the text, whatever order they were opened in', () => {
    const threads = [thread('late-para', 1), thread('first-para', 2), thread('same-start-longer', 3), thread('same-start-shorter', 4)]
    const placements = new Map([
      ['late-para', at(80, 90)],
      ['first-para', at(3, 10)],
      ['same-start-longer', at(20, 40)],
      ['same-start-shorter', at(20, 25)],
    ])
    expect(ids(groupThreads(threads, placements).open)).toEqual(['first-para', 'same-start-shorter', 'same-start-longer', 'late-para'])
  })

  test('threads at the same place are listed oldest first', () => {
    const placements = new Map([
      ['b', at(5, 9)],
      ['a', at(5, 9)],
    ])
    expect(ids(groupThreads([thread('b', 20), thread('a', 10)], placements).open)).toEqual(['a', 'b'])
  })

  test('detached threads go to their own group, never dropped; threads still loading stay open, after placed ones', () => {
    const threads = [thread('gone', 1), thread('here', 2), thread('loading', 3), thread('unplaced', 4)]
    const placements = new Map<string, Placement>([
      ['gone', { kind: 'detached' }],
      ['here', at(4, 8)],
      ['loading', { kind: 'pending' }],
    ])
    const groups = groupThreads(threads, placements)
    expect(ids(groups.open)).toEqual(['here', 'loading', 'unplaced'])
    expect(ids(groups.detached)).toEqual(['gone'])
    expect(groups.resolved).toEqual([])
  })

  test('resolved threads are apart, in text order with detached ones last', () => {
    const threads = [thread('resolved-gone', 1, true), thread('resolved-late', 2, true), thread('open', 3), thread('resolved-early', 4, true)]
    const placements = new Map<string, Placement>([
      ['resolved-gone', { kind: 'detached' }],
      ['resolved-late', at(50, 60)],
      ['open', at(30, 40)],
      ['resolved-early', at(1, 2)],
    ])
    const groups = groupThreads(threads, placements)
    expect(ids(groups.open)).toEqual(['open'])
    expect(ids(groups.resolved)).toEqual(['resolved-early', 'resolved-late', 'resolved-gone'])
  })

  test('the layout key changes with the order or a thread detaching, not with positions that keep the order', () => {
    const threads = [thread('a', 1), thread('b', 2)]
    const key = layoutKey(threads, new Map([['a', at(1, 5)], ['b', at(10, 15)]]))
    expect(layoutKey(threads, new Map([['a', at(3, 7)], ['b', at(30, 35)]]))).toBe(key)
    expect(layoutKey(threads, new Map([['a', at(20, 25)], ['b', at(10, 15)]]))).not.toBe(key)
    expect(layoutKey(threads, new Map<string, Placement>([['a', { kind: 'detached' }], ['b', at(10, 15)]]))).not.toBe(key)
  })

  test('a thread whose every comment its author deleted is withdrawn, as the server lists it', () => {
    const comment = { id: 'c1', threadId: 'w', author: kenya, body: '', createdAt: 1, editedAt: null, deleted: true }
    const withdrawn = { ...thread('w', 1), comments: [comment] }
    const partly = { ...thread('p', 2), comments: [comment, { ...comment, id: 'c2', body: 'still here', deleted: false }] }
    const groups = groupThreads([withdrawn, partly], new Map([['w', at(1, 2)], ['p', at(3, 4)]]))
    expect(ids(groups.open)).toEqual(['p'])
  })

  test('a thread event replaces the thread with its id, or adds a new one', () => {
    const first = thread('a', 1)
    const list = upsertThread([first, thread('b', 2)], { ...first, resolved: { by: kenya, at: 5 } })
    expect(list.map((item) => [item.id, item.resolved?.at ?? null])).toEqual([
      ['a', 5],
      ['b', null],
    ])
    expect(upsertThread(list, thread('c', 3)).map((item) => item.id)).toEqual(['a', 'b', 'c'])
  })
})
