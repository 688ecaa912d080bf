import { beforeEach, expect, test } from 'vitest'
import { ApiError } from '../api/http.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { commentError } from './commentErrors.ts'

beforeEach(async () => useMessagesForTests('es', await loadMessages('es')))

test('a refusal whose code the comments know is shown in the reader’s language; others keep their words', () => {
  const shown = commentError(new ApiError(403, 'not_your_comment', 'you may edit only your own comments'))
  expect(shown).toMatchObject({ status: 403, code: 'not_your_comment', message: 'Solo puede modificar o eliminar sus propias observaciones.' })
  const other = new ApiError(400, 'invalid_payload', 'body: too long')
  expect(commentError(other)).toBe(other)
})
