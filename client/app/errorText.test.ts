import { afterAll, beforeAll, expect, test } from 'vitest'
import { ApiError } from '../api/http.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { errorText } from './errorText.ts'

beforeAll(async () => {
  useMessagesForTests('es', await loadMessages('es'))
})
afterAll(async () => {
  useMessagesForTests('en', await loadMessages('en'))
})

test('a failure whose code the interface knows is said in the reader’s language', () => {
  expect(errorText(new ApiError(0, 'network_error', 'the server cannot be reached; check your connection'))).toBe(
    'no es posible comunicarse con el servidor; compruebe su conexión',
  )
  expect(errorText(new ApiError(503, 'shutting_down', 'the server is shutting down'))).toBe('el servidor se está reiniciando; vuelva a intentarlo en un momento')
})

test('any other failure keeps the words it came with', () => {
  expect(errorText(new ApiError(422, 'revision_label_taken', 'there is already a revision "Rev.1"'))).toBe('there is already a revision "Rev.1"')
  expect(errorText(new Error('boom'))).toBe('boom')
  expect(errorText('plain')).toBe('plain')
})
