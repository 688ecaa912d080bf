import { describe, expect, test } from 'vitest'
import { editSessionGapMs, editSessions, type EditActivity } from './editSessions.ts'

const minute = 60_000
const at = (minutes: number) => Date.UTC(2026, 2, 2, 9, 0) + minutes * minute
const stretch = (memberId: number, documentId: string, from: number, to = from): EditActivity => ({ memberId, documentId, firstAt: at(from), lastAt: at(to) })
const spans = (activity: EditActivity[]) => editSessions(activity).map(({ first, start, end }) => [first.memberId, first.documentId, (start - at(0)) / minute, (end - at(0)) / minute])

describe('editSessions', () => {
  test('a member typing steadily on one document is one session, however many updates', () => {
    const typing = Array.from({ length: 40 }, (_, index) => stretch(1, 'doc-a', index, index + 0.9))
    expect(spans(typing)).toEqual([[1, 'doc-a', 0, 39.9]])
  })

  test('a pause of 5 minutes or more starts another session; a shorter one does not', () => {
    expect(editSessionGapMs).toBe(5 * minute)
    expect(spans([stretch(1, 'doc-a', 0, 1), stretch(1, 'doc-a', 5.9), stretch(1, 'doc-a', 11), stretch(1, 'doc-a', 16)])).toEqual([
      [1, 'doc-a', 0, 5.9],
      [1, 'doc-a', 11, 11],
      [1, 'doc-a', 16, 16],
    ])
    expect(spans([stretch(1, 'doc-a', 0, 1), stretch(1, 'doc-a', 6)])).toEqual([
      [1, 'doc-a', 0, 1],
      [1, 'doc-a', 6, 6],
    ])
  })

  test('two members, or one member on two documents, at the same time are separate sessions', () => {
    expect(spans([stretch(1, 'doc-a', 0, 3), stretch(2, 'doc-a', 1, 2), stretch(1, 'doc-b', 2, 4)])).toEqual([
      [1, 'doc-a', 0, 3],
      [1, 'doc-b', 2, 4],
      [2, 'doc-a', 1, 2],
    ])
  })

  test('the order given does not matter', () => {
    const activity = [stretch(1, 'doc-a', 20), stretch(1, 'doc-a', 0, 2), stretch(1, 'doc-a', 4)]
    expect(spans(activity)).toEqual([
      [1, 'doc-a', 0, 4],
      [1, 'doc-a', 20, 20],
    ])
    expect(spans([...activity].reverse())).toEqual(spans(activity))
  })

  test('no activity, no session', () => {
    expect(editSessions([])).toEqual([])
  })
})
