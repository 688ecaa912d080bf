import { beforeEach, expect, test } from 'vitest'
import { ApiError } from '../api/http.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { proposalError } from './proposalErrors.ts'

beforeEach(async () => useMessagesForTests('fr', await loadMessages('fr')))

test('a refusal whose code the area knows is shown in the reader’s language, with its status, code and details', () => {
  const shown = proposalError(new ApiError(409, 'proposal_decided', 'this proposal is no longer open: it was accepted by Ana', { by: 'Ana' }))
  expect(shown).toBeInstanceOf(ApiError)
  expect(shown).toMatchObject({ status: 409, code: 'proposal_decided', details: { by: 'Ana' } })
  expect((shown as ApiError).message).toBe('Cette proposition n’est plus ouverte\u00a0: une décision a déjà été prise à son sujet.')
})

test('other refusals and other failures keep the words they came with', () => {
  const unknown = new ApiError(422, 'unknown_ref', 'refs: "norm-z" is not in the framework catalogue')
  expect(proposalError(unknown)).toBe(unknown)
  const failure = new Error('boom')
  expect(proposalError(failure)).toBe(failure)
})
