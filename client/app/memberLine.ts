/** What the header says about the signed-in member after their name: role and delegation, neither repeating what is already shown. */
import type { SignedInMember } from '../api/types.ts'
import { t } from '../i18n/i18n.ts'
import { roleLabel } from './roleLabels.ts'

const says = (text: string | null, word: string) => text !== null && text.toLowerCase().includes(word.toLowerCase())

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
