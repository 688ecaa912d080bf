import { expect, test } from 'vitest'
import { isMembershipChange } from './membershipChange.ts'

test('only the server closing with 4501 is a membership change; a revocation, a restart or our own close is not', () => {
  expect(isMembershipChange({ code: 4501 })).toBe(true)
  expect(isMembershipChange({ code: 4403 })).toBe(false)
  expect(isMembershipChange({ code: 1001 })).toBe(false)
  expect(isMembershipChange({ code: 4500 })).toBe(false)
  expect(isMembershipChange(null)).toBe(false)
})
