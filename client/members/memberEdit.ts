/** The secretariat's edit of a member's role and details, as the changes PATCH /api/members/:id is sent (pure). */
import type { RegionalGroup, Role } from '../../shared/schema/member.ts'
import type { MemberChanges, MemberRecord } from '../api/members.ts'
import { t } from '../i18n/i18n.ts'
import { roleLabel } from '../app/roleLabels.ts'

/** What the edit form holds: the delegation as typed, no regional group as ''. */
export interface MemberDraft {
  role: Role
  delegation: string
  regionalGroup: RegionalGroup | ''
}

export function draftOf(member: Pick<MemberRecord, 'role' | 'delegation' | 'regionalGroup'>): MemberDraft {
  return { role: member.role, delegation: member.delegation ?? '', regionalGroup: member.regionalGroup ?? '' }
}

/**
 * Only what changed. A delegation emptied is sent empty, so the server says it cannot be (it can be corrected, not
 * removed); a delegation never set and left empty is not sent.
 */
export function memberChanges(member: Pick<MemberRecord, 'role' | 'delegation' | 'regionalGroup'>, draft: MemberDraft): MemberChanges {
  const changes: MemberChanges = {}
  if (draft.role !== member.role) changes.role = draft.role
  const delegation = draft.delegation.trim()
  if (delegation !== (member.delegation ?? '')) changes.delegation = delegation
  if (draft.regionalGroup && draft.regionalGroup !== member.regionalGroup) changes.regionalGroup = draft.regionalGroup
  return changes
}

export function hasChanges(changes: MemberChanges): boolean {
  return Object.keys(changes).length > 0
}

/** The sentence the members page shows once the change is saved. */
export function changeSummary(name: string, changes: MemberChanges): string {
  if (changes.role) return t('members.roleChanged', { name, role: roleLabel(changes.role) })
  return t('members.detailsCorrected', { name })
}
