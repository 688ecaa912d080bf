import { beforeAll, expect, test } from 'vitest'
import { ApiError } from '../api/http.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { procedureErrorMessage } from './stageErrors.ts'

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))

test('a refused procedure names the times the server gave, in New York time', () => {
  const past = new ApiError(422, 'deadline_past', 'the deadline … is not in the future', { deadline: '2026-11-29T15:00:00.000Z', serverTime: '2026-11-29T15:02:00.000Z' })
  expect(procedureErrorMessage(past)).toBe(
    "The deadline 29 November 2026, 10:00 New York time is not in the future by the server's clock, which reads 29 November 2026, 10:02 New York time.",
  )
  const running = new ApiError(409, 'procedure_running', 'a silence procedure on Rev.1 runs until …', { procedureId: 3, deadline: '2026-11-29T15:00:30.000Z' })
  expect(procedureErrorMessage(running)).toBe('A procedure runs on this document until 29 November 2026, 10:00:30 New York time: one procedure at a time.')
})

test('without the details it expects, the general message for the code; an unknown code, the server’s words', () => {
  expect(procedureErrorMessage(new ApiError(409, 'procedure_running', 'x'))).toBe('A procedure is already running on this document: one procedure at a time.')
  expect(procedureErrorMessage(new ApiError(400, 'invalid_payload', 'reason must not be empty'))).toBe('reason must not be empty')
})
