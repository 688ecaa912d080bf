/** Members of the workspace and the roles they hold. */
import { z } from 'zod'

export const roles = ['secretariat', 'cofacilitator', 'delegation', 'stakeholder'] as const
export const Role = z.enum(roles)
export type Role = z.infer<typeof Role>

export const MemberName = z.string().trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters')
/** The State, group of States or stakeholder organisation a member speaks for. */
export const Delegation = z.string().trim().min(1, 'delegation must not be empty').max(200, 'delegation must be at most 200 characters')

/** The five UN regional groups, for seeing whether every region takes part. */
export const regionalGroups = ['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'weog'] as const
export const RegionalGroup = z.enum(regionalGroups, {
  error: () => `regionalGroup must be one of: ${regionalGroups.join(', ')}`,
})
export type RegionalGroup = z.infer<typeof RegionalGroup>

export const regionalGroupLabels: Record<RegionalGroup, string> = {
  african: 'African Group',
  'asia-pacific': 'Asia-Pacific Group',
  'eastern-european': 'Eastern European Group',
  'latin-american-caribbean': 'Latin American and Caribbean Group',
  weog: 'Western European and Others Group',
}

export interface Member {
  id: number
  name: string
  role: Role
  delegation: string | null
  regionalGroup: RegionalGroup | null
}

/** A member as the server names them beside what they did (a comment, a revision, an edit): never the client's word. */
export type Author = Member

/** A member the secretariat invites: who they are, whom they speak for, their regional group. */
export const InviteMember = z.object({
  name: MemberName,
  role: z.enum(roles, { error: () => `role must be one of: ${roles.join(', ')}` }),
  delegation: Delegation.nullish(),
  regionalGroup: RegionalGroup.nullish(),
})
export type InviteMember = z.infer<typeof InviteMember>

/** The secretariat changes a member's role, or corrects whom they speak for or their regional group. */
export const UpdateMember = z.object({
  role: z.enum(roles, { error: () => `role must be one of: ${roles.join(', ')}` }).nullish(),
  delegation: Delegation.nullish(),
  regionalGroup: RegionalGroup.nullish(),
})
export type UpdateMember = z.infer<typeof UpdateMember>
