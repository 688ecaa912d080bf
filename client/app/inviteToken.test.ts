import { expect, test } from 'vitest'
import { inviteTokenFromHash } from './inviteToken.ts'

test('the invite token is read from the fragment, and only from #invite=', () => {
  expect(inviteTokenFromHash('#invite=abc-123_XYZ')).toBe('abc-123_XYZ')
  expect(inviteTokenFromHash('invite=abc')).toBe('abc')
  expect(inviteTokenFromHash('#invite=')).toBeNull()
  expect(inviteTokenFromHash('#/documents/x')).toBeNull()
  expect(inviteTokenFromHash('')).toBeNull()
})
