/** How a member is named: with their delegation beside the name, and the header's line about the signed-in member. */
import type { SignedInMember } from '../api/types.ts'
import { t } from '../i18n/i18n.ts'
import { roleLabel } from './roleLabels.ts'

const says = (text: string | null, word: string) => text !== null && text.toLowerCase().includes(word.toLowerCase())

/** "Amina Odhiambo (Kenya)", or the name alone: a person as a sentence or a label names them. */
export function nameWithDelegation(person: { name: string; delegation: string | null }): string {
  return person.delegation ? t('app.nameWithDelegation', { name: person.name, delegation: person.delegation }) : person.name
}

/** What the header says about the signed-in member after their name: role and delegation, neither repeating what is already shown. */
export function memberLine(member: Pick<SignedInMember, 'name' | 'role' | 'delegation'>): string {
  const role = roleLabel(member.role)
  // "Secretariat" signed in for "UNODA secretariat" reads "UNODA secretariat", not "Secretariat, UNODA secretariat".
  // Names are often English whatever the interface's language: the role's own word counts too.
  const named = (text: string | null) => says(text, role) || says(text, member.role)
  const showRole = !(named(member.name) || named(member.delegation))
  const delegation = member.delegation && !says(member.name, member.delegation) ? member.delegation : null
  if (showRole && delegation) return t('app.roleAndDelegation', { role, delegation })
  return showRole ? role : (delegation ?? '')
}
