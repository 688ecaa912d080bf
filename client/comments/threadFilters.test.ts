import { beforeEach, expect, test } from 'vitest'
import type { Author, Comment, Thread } from '../api/comments.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { commentingDelegations, defaultThreadFilters, isNarrowed, matchesFilters, tabTitle, unseenCount } from './threadFilters.ts'

beforeEach(async () => useMessagesForTests('en', await loadMessages('en')))

const kenya: Author = { id: 7, name: 'Delegate of Kenya', role: 'delegation', delegation: 'Kenya', regionalGroup: 'african' }
const brazil: Author = { id: 8, name: 'Delegate of Brazil', role: 'delegation', delegation: 'Brazil', regionalGroup: 'latin-american-caribbean' }
const ngo: Author = { id: 9, name: 'Access Now', role: 'stakeholder', delegation: null, regionalGroup: null }

const comment = (id: string, author: Author, createdAt: number, deleted = false): Comment => ({ id, threadId: 't', author, body: deleted ? '' : 'text', createdAt, editedAt: null, deleted })

function thread(id: string, author: Author, comments: Comment[], resolved = false): Thread {
  return {
    id,
    documentId: 'doc',
    anchor: { start: 'AA==', end: 'AA==', quote: id },
    author,
    stakeholder: author.role === 'stakeholder',
    createdAt: comments[0]?.createdAt ?? 0,
    resolved: resolved ? { by: kenya, at: 99 } : null,
    comments,
  }
}

const byKenya = thread('by-kenya', kenya, [comment('k1', kenya, 10)])
const brazilReplied = thread('brazil-replied', kenya, [comment('k2', kenya, 11), comment('b1', brazil, 20)])
const input = thread('input', ngo, [comment('n1', ngo, 30)])
const resolved = thread('resolved', brazil, [comment('b2', brazil, 12)], true)
const brazilDeleted = thread('brazil-deleted', kenya, [comment('k3', kenya, 13), comment('b3', brazil, 40, true)])
const all = [byKenya, brazilReplied, input, resolved, brazilDeleted]
const shown = (filters: Partial<typeof defaultThreadFilters>, memberId = kenya.id) =>
  all.filter((t) => matchesFilters(t, { ...defaultThreadFilters, ...filters }, memberId)).map((t) => t.id)

test('open only by default; resolved ones when asked', () => {
  expect(shown({})).toEqual(['by-kenya', 'brazil-replied', 'input', 'brazil-deleted'])
  expect(shown({ openOnly: false })).toContain('resolved')
  expect(isNarrowed(defaultThreadFilters)).toBe(false)
})

test('mine: threads the member opened or replied in (a deleted reply does not count)', () => {
  expect(shown({ mine: true }, brazil.id)).toEqual(['brazil-replied'])
  expect(shown({ mine: true, openOnly: false }, brazil.id)).toEqual(['brazil-replied', 'resolved'])
  expect(isNarrowed({ ...defaultThreadFilters, mine: true })).toBe(true)
})

test('by delegation: threads in which the delegation spoke', () => {
  expect(shown({ delegation: 'Brazil' })).toEqual(['brazil-replied'])
  expect(shown({ delegation: 'Kenya' })).toEqual(['by-kenya', 'brazil-replied', 'brazil-deleted'])
  expect(commentingDelegations(all)).toEqual(['Brazil', 'Kenya'])
})

test('stakeholder input only', () => {
  expect(shown({ stakeholderInput: true })).toEqual(['input'])
})

test('new since the member last looked: others’ comments after that time, not deleted ones, not one’s own', () => {
  expect(unseenCount(all, 11, kenya.id)).toBe(3) // b1, n1, b2 (b3 is deleted; k3 is Kenya's own)
  expect(unseenCount(all, 25, kenya.id)).toBe(1)
  expect(unseenCount(all, 25, ngo.id)).toBe(0)
  expect(unseenCount(all, null, kenya.id)).toBe(0)
})

test('the tab title names the document, with the count of new comments when there are any', () => {
  expect(tabTitle('Annual summary', 0, 'DTG drafting workspace')).toBe('Annual summary · DTG drafting workspace')
  expect(tabTitle('Annual summary', 4, 'DTG drafting workspace')).toBe('(4) Annual summary · DTG drafting workspace')
})

test('the tab title follows the language, the document title kept as it is', async () => {
  useMessagesForTests('zh', await loadMessages('zh'))
  expect(tabTitle('Annual summary', 2, '专题工作组起草工作区')).toBe('（2）Annual summary · 专题工作组起草工作区')
  expect(tabTitle('Annual summary', 0, '专题工作组起草工作区')).toBe('Annual summary · 专题工作组起草工作区')
})
