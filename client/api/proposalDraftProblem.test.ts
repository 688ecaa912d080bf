/** A proposal the shared schema refuses is stated in the reader's language: what to fix, never the schema's English. */
import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { contentField } from '../../shared/schema/contentField.ts'
import { maxRefs, proposalPayloads } from '../../shared/schema/proposals.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { errorMessage } from './errorMessage.ts'
import { ApiError } from './http.ts'
import { proposalDraftProblem } from './proposalDraftProblem.ts'
import { propose, type ProposalDraft } from './proposals.ts'

const ydoc = new Y.Doc()
ydoc.getXmlFragment(contentField).insert(0, [new Y.XmlText('States should cooperate.')])
const position = toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(ydoc.getXmlFragment(contentField).get(0) as Y.XmlText, 3)))
const anchor = { start: position, end: position, quote: '' }
const refs = (count: number) => Array.from({ length: count }, (_, index) => `norm-${index}`)

const { CreateProposal } = proposalPayloads()
const problem = (draft: unknown) => {
  const parsed = CreateProposal.safeParse(draft)
  if (parsed.success) throw new Error('the draft was accepted')
  return proposalDraftProblem(parsed.error.issues)
}

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))
afterAll(async () => useMessagesForTests('en', await loadMessages('en')))

describe('what the propose form can send wrong, said in English', () => {
  test('text: blank, too long', () => {
    expect(CreateProposal.safeParse({ kind: 'insert', anchor, text: 'x', explanation: null }).success).toBe(true)
    expect(problem({ kind: 'insert', anchor, text: '   ', explanation: null })).toBe('Write the text you propose.')
    expect(problem({ kind: 'replace', anchor, text: 'x'.repeat(10_001), explanation: null })).toBe('The proposed text is too long: it may have at most 10,000 characters.')
  })

  test('links: none, too many, one that names nothing', () => {
    expect(problem({ kind: 'relink', recommendationId: 'r-1', refs: [], explanation: null })).toBe('A recommendation must link to at least one framework element: add a link.')
    expect(problem({ kind: 'recommendation', anchor, text: 'Designate a contact.', refs: refs(maxRefs + 1), explanation: null })).toBe(
      `A recommendation may link to at most ${maxRefs} framework elements: remove some links.`,
    )
    expect(problem({ kind: 'relink', recommendationId: 'r-1', refs: [' '], explanation: null })).toMatch(/^One of the links does not name a framework element/)
  })

  test('explanation too long, the place in the text lost, no recommendation to relink', () => {
    expect(problem({ kind: 'delete', anchor, explanation: 'x'.repeat(2_001) })).toBe('The explanation is too long: it may have at most 2,000 characters.')
    expect(problem({ kind: 'delete', anchor: { start: 'not a position', end: position, quote: '' }, explanation: null })).toMatch(/^The place in the text could not be identified/)
    expect(problem({ kind: 'relink', recommendationId: '', refs: ['norm-g'], explanation: null })).toBe('Place the cursor in the recommendation whose framework links you propose to change.')
  })

  test('anything else: one general message', () => {
    expect(problem({ kind: 'amend' })).toBe('The proposal cannot be sent as it stands: check each field and try again.')
  })
})

test('in Arabic, French and Chinese, with the numbers as the language writes them', async () => {
  const tooLong = { kind: 'replace', anchor, text: 'x'.repeat(10_001), explanation: null }
  const tooMany = { kind: 'relink', recommendationId: 'r-1', refs: refs(maxRefs + 1), explanation: null }
  useMessagesForTests('ar', await loadMessages('ar'))
  expect(problem(tooLong)).toBe('النص المقترح أطول مما ينبغي: الحد الأقصى 10,000 حرف.')
  expect(problem(tooMany)).toBe('لا يجوز أن ترتبط التوصية بأكثر من 20 عنصرًا من عناصر الإطار: احذف بعض الروابط.')
  useMessagesForTests('fr', await loadMessages('fr'))
  expect(problem(tooLong)).toBe('Le texte proposé est trop long\u00a0: il ne peut dépasser 10\u202f000 caractères.')
  useMessagesForTests('zh', await loadMessages('zh'))
  expect(problem(tooMany)).toBe('一项建议最多关联20 个框架要素：请删除部分关联。')
  useMessagesForTests('en', await loadMessages('en'))
})

test('propose refuses a wrong draft before sending, with the message the form shows and the schema issues kept for the console', async () => {
  const fetch = vi.spyOn(globalThis, 'fetch')
  const debug = vi.spyOn(console, 'debug').mockImplementation(() => {})
  try {
    const draft = { kind: 'replace', anchor, text: 'x'.repeat(10_001), explanation: null } satisfies ProposalDraft
    const failure = await propose('d', draft).then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(ApiError)
    expect(errorMessage(failure)).toBe('The proposed text is too long: it may have at most 10,000 characters.')
    expect(errorMessage(failure)).not.toContain('text:')
    expect((failure as ApiError).details).toEqual([expect.objectContaining({ path: ['text'], code: 'too_big' })])
    expect(debug).toHaveBeenCalled()
    expect(fetch).not.toHaveBeenCalled()
  } finally {
    fetch.mockRestore()
    debug.mockRestore()
  }
})
