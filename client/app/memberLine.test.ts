import { beforeAll, describe, expect, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { memberLine, nameWithDelegation } from './memberLine.ts'

beforeAll(async () => {
  useMessagesForTests('en', await loadMessages('en'))
})

describe('memberLine', () => {
  test('role and delegation', () => {
    expect(memberLine({ name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya' })).toBe('Co-facilitator, Kenya')
    expect(memberLine({ name: 'Amina Odhiambo', role: 'stakeholder', delegation: null })).toBe('Stakeholder')
  })

  test('the role is left out when the name or the delegation already says it', () => {
    expect(memberLine({ name: 'Secretariat', role: 'secretariat', delegation: 'UNODA secretariat' })).toBe('UNODA secretariat')
    expect(memberLine({ name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })).toBe('UNODA')
    expect(memberLine({ name: 'Head of the Delegation of Chile', role: 'delegation', delegation: 'Chile' })).toBe('')
  })

  test('the delegation is left out when the name already says it', () => {
    expect(memberLine({ name: 'Delegate of Kenya', role: 'cofacilitator', delegation: 'Kenya' })).toBe('Co-facilitator')
  })
})

describe('nameWithDelegation', () => {
  test('the delegation beside the name, in the language’s own brackets; the name alone without one', async () => {
    expect(nameWithDelegation({ name: 'Amina Odhiambo', delegation: 'Kenya' })).toBe('Amina Odhiambo (Kenya)')
    expect(nameWithDelegation({ name: 'Secretariat', delegation: null })).toBe('Secretariat')
    useMessagesForTests('zh', await loadMessages('zh'))
    try {
      expect(nameWithDelegation({ name: 'Amina Odhiambo', delegation: 'Kenya' })).toBe('Amina Odhiambo（Kenya）')
    } finally {
      useMessagesForTests('en', await loadMessages('en'))
    }
  })
})
