/** Members of the workspace and the roles they hold. */
import { z } from 'zod'
import { Language } from '../i18n/languages.ts'
import { MemberPermissions } from './permissions.ts'

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

export const MemberId = z.number().int().positive()

export const Member = z.object({
  id: MemberId,
  name: z.string(),
  role: Role,
  delegation: z.string().nullable(),
  regionalGroup: RegionalGroup.nullable(),
})
export type Member = z.infer<typeof Member>

/** A member as the server names them beside what they did (a comment, a revision, an edit): never the client's word. */
export const Author = Member
export type Author = Member

/** A member as the secretariat sees it: with when they joined, whether they were revoked, and what they lead. */
export const MemberRecord = Member.extend({
  createdAt: z.number(),
  revokedAt: z.number().nullable(),
  /** Ids of the workspaces the member co-facilitates. */
  leads: z.array(z.string()),
})
export type MemberRecord = z.infer<typeof MemberRecord>

/** A member the secretariat invites: who they are, whom they speak for, their regional group. */
export const InviteMember = z.object({
  name: MemberName,
  role: z.enum(roles, { error: () => `role must be one of: ${roles.join(', ')}` }),
  delegation: Delegation.nullish(),
  regionalGroup: RegionalGroup.nullish(),
  /** Workspaces the new member co-facilitates from the start (never a stakeholder's). */
  leads: z.array(z.string().min(1).max(128)).max(100, 'at most 100 workspaces').optional(),
})
export type InviteMember = z.infer<typeof InviteMember>

/** The secretariat changes a member's role, or corrects whom they speak for or their regional group. */
export const UpdateMember = z.object({
  role: z.enum(roles, { error: () => `role must be one of: ${roles.join(', ')}` }).nullish(),
  delegation: Delegation.nullish(),
  regionalGroup: RegionalGroup.nullish(),
})
export type UpdateMember = z.infer<typeof UpdateMember>

/** `GET /api/members`. */
export const MemberList = z.object({ members: z.array(MemberRecord) })
/** `PATCH /api/members/:id`, `POST /api/members/:id/revoke`: the member as they now are. */
export const MemberAnswer = z.object({ member: MemberRecord })
/** `POST /api/members/:id/invite`: a new one-time sign-in link, shown once. */
export const InviteLink = z.object({ inviteUrl: z.string() })
/** `POST /api/members`: the member created and their one-time sign-in link. */
export const InvitedMember = MemberAnswer.extend(InviteLink.shape)
export type InvitedMember = z.infer<typeof InvitedMember>

/**
 * `GET /api/me`, `POST /api/auth/invite`: the signed-in member, what they may do anywhere, and the interface language
 * they chose (null: not chosen yet, the browser's is used).
 */
export const SignedIn = z.object({ member: Member, permissions: MemberPermissions, language: Language.nullable().default(null) })
export type SignedIn = z.infer<typeof SignedIn>

/** `PUT /api/me/language`: the interface language the member works in, remembered for them on every browser. */
export const ChooseLanguage = z.object({ language: Language })
