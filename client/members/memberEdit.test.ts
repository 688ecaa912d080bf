import { beforeAll, describe, expect, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { changeSummary, draftOf, hasChanges, memberChanges } from './memberEdit.ts'

const maria = { role: 'delegation' as const, delegation: 'Brazil', regionalGroup: 'latin-american-caribbean' as const }
const robot = { role: 'secretariat' as const, delegation: null, regionalGroup: null }

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))

describe('editing a member', () => {
  test('the form starts from the member as they are; nothing changed, nothing is sent', () => {
    expect(draftOf(maria)).toEqual({ role: 'delegation', delegation: 'Brazil', regionalGroup: 'latin-american-caribbean' })
    expect(draftOf(robot)).toEqual({ role: 'secretariat', delegation: '', regionalGroup: '' })
    expect(memberChanges(maria, draftOf(maria))).toEqual({})
    expect(hasChanges(memberChanges(robot, draftOf(robot)))).toBe(false)
  })

  test('only what changed is sent, the delegation trimmed', () => {
    expect(memberChanges(maria, { ...draftOf(maria), role: 'stakeholder' })).toEqual({ role: 'stakeholder' })
    expect(memberChanges(maria, { ...draftOf(maria), delegation: '  Brazil ' })).toEqual({})
    expect(memberChanges(maria, { role: 'cofacilitator', delegation: 'Federative Republic of Brazil', regionalGroup: 'weog' })).toEqual({
      role: 'cofacilitator',
      delegation: 'Federative Republic of Brazil',
      regionalGroup: 'weog',
    })
    expect(memberChanges(robot, { ...draftOf(robot), regionalGroup: 'african' })).toEqual({ regionalGroup: 'african' })
  })

  test('an emptied delegation is sent empty, for the server to refuse; one never set and left empty is not sent', () => {
    expect(memberChanges(maria, { ...draftOf(maria), delegation: '  ' })).toEqual({ delegation: '' })
    expect(memberChanges(robot, { ...draftOf(robot), delegation: ' ' })).toEqual({})
  })

  test('the sentence after saving names the new role, or says the details were corrected', () => {
    expect(changeSummary('Maria Souza', { role: 'stakeholder' })).toBe(
      "Maria Souza's role is now Stakeholder: documents they have open reconnect with what the new role may do.",
    )
    expect(changeSummary('Maria Souza', { regionalGroup: 'weog' })).toBe("Maria Souza's details are corrected.")
  })
})
