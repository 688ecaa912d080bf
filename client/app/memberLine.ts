/** What the header says about the signed-in member after their name: role and delegation, neither repeating what is already shown. */
import type { SignedInMember } from '../api/types.ts'
import { roleLabels } from './roleLabels.ts'

const says = (text: string | null, word: string) => text !== null && text.toLowerCase().includes(word.toLowerCase())

export function memberLine(member: Pick<SignedInMember, 'name' | 'role' | 'delegation'>): string {
  const role = roleLabels[member.role]
  // "Secretariat" signed in for "UNODA secretariat" reads "UNODA secretariat", not "Secretariat, UNODA secretariat".
  const parts = says(member.name, role) || says(member.delegation, role) ? [] : [role]
  if (member.delegation && !says(member.name, member.delegation)) parts.push(member.delegation)
  return parts.join(', ')
}
