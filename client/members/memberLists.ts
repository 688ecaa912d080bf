/** How the members page and the co-facilitators section order and filter members (pure). */
import type { Author, MemberRecord } from '../api/members.ts'
import { intlLocale } from '../i18n/i18n.ts'

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, intlLocale(), { sensitivity: 'base' })

/** Current members by name; revoked members apart, the most recently revoked first. */
export function splitMembers(members: readonly MemberRecord[]): { current: MemberRecord[]; revoked: MemberRecord[] } {
  return {
    current: members.filter((member) => member.revokedAt === null).sort(byName),
    revoked: members.filter((member) => member.revokedAt !== null).sort((a, b) => (b.revokedAt ?? 0) - (a.revokedAt ?? 0)),
  }
}

/**
 * Who can be made co-facilitator of a workspace: current members who do not lead it yet, co-facilitators first, then
 * delegations. Stakeholders never lead (the process stays State-led) and the secretariat writes everywhere already.
 */
export function leadCandidates(members: readonly MemberRecord[], cofacilitators: readonly Pick<Author, 'id'>[]): { cofacilitators: MemberRecord[]; delegations: MemberRecord[] } {
  const leading = new Set(cofacilitators.map((member) => member.id))
  const open = members.filter((member) => member.revokedAt === null && !leading.has(member.id)).sort(byName)
  return {
    cofacilitators: open.filter((member) => member.role === 'cofacilitator'),
    delegations: open.filter((member) => member.role === 'delegation'),
  }
}
