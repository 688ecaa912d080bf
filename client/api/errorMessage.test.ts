import { beforeAll, expect, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { errorMessage, translatedErrorCodes } from './errorMessage.ts'
import { ApiError } from './http.ts'

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))

test('a known code is said in the interface language, whatever the server wrote', async () => {
  const error = new ApiError(409, 'cannot_revoke_self', 'you cannot revoke your own membership')
  expect(errorMessage(error)).toBe('You cannot revoke your own access.')
  useMessagesForTests('fr', await loadMessages('fr'))
  try {
    expect(errorMessage(error)).toBe('Vous ne pouvez pas révoquer votre propre accès.')
    expect(errorMessage(new ApiError(0, 'network_error', 'the server cannot be reached'))).toMatch(/^Le serveur est inaccessible/)
  } finally {
    useMessagesForTests('en', await loadMessages('en'))
  }
})

test("an unknown code keeps the server's words; a bare HTTP failure is named by its status", () => {
  expect(errorMessage(new ApiError(400, 'invalid_payload', 'name: must not be empty'))).toBe('name: must not be empty')
  expect(errorMessage(new ApiError(418, 'http_418', "I'm a teapot"))).toBe('The server answered with an error (HTTP 418). Try again later.')
  expect(errorMessage(new ApiError(502, 'http_502', 'Bad Gateway'))).toBe('The server is not available right now. Try again in a moment.')
  expect(errorMessage(new Error('plain'))).toBe('plain')
  expect(errorMessage('text')).toBe('text')
})

test('every code stated in the interface has its message in every language', async () => {
  for (const language of ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const) {
    const messages = await loadMessages(language)
    for (const code of translatedErrorCodes) expect(messages[`api.errors.${code}`], `${language} ${code}`).toBeTruthy()
  }
})
