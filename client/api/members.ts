/** Members (secretariat only), workspace co-facilitators, a document's contributors and a workspace's participation by regional group. */
import type { Author, RegionalGroup, Role } from '../../shared/schema/member.ts'
import { request } from './http.ts'
import type { WorkspaceSummary } from './types.ts'

export type { RegionalGroup }

export type { Author }

export interface MemberRecord extends Author {
  createdAt: number
  revokedAt: number | null
  /** Ids of the workspaces this member co-facilitates. */
  leads: string[]
}

export interface NewMember {
  name: string
  role: Role
  delegation?: string
  regionalGroup?: RegionalGroup
}

/** What the secretariat changes of a member: only the fields given; a delegation or regional group can be corrected, not removed. */
export interface MemberChanges {
  role?: Role
  delegation?: string
  regionalGroup?: RegionalGroup
}

export interface InvitedMember {
  member: MemberRecord
  /** The one-time sign-in link; the server shows it once. */
  inviteUrl: string
}

export interface Cofacilitators {
  workspace: WorkspaceSummary
  cofacilitators: Author[]
}

import type { Contributors, Participation, ParticipationBucket } from '../../shared/schema/participation.ts'
export type {
  Contributor,
  Contributors,
  Participation,
  ParticipationBucket,
  ParticipationCounts,
  ParticipationGroupId,
  RecentContribution,
} from '../../shared/schema/participation.ts'

const memberPath = (memberId: number) => `/api/members/${encodeURIComponent(String(memberId))}`
const cofacilitatorPath = (workspaceId: string, memberId: number) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/cofacilitators/${encodeURIComponent(String(memberId))}`

export async function listMembers(): Promise<MemberRecord[]> {
  const { members } = await request<{ members: MemberRecord[] }>('GET', '/api/members')
  return members
}

export function inviteMember(input: NewMember): Promise<InvitedMember> {
  return request('POST', '/api/members', input)
}

/** A new one-time sign-in link for an existing member. */
export async function newInviteLink(memberId: number): Promise<string> {
  const { inviteUrl } = await request<{ inviteUrl: string }>('POST', `${memberPath(memberId)}/invite`)
  return inviteUrl
}

/** Changes a member's role (never one's own: 409 cannot_change_own_role) or corrects whom they speak for; their open connections reconnect. */
export async function updateMember(memberId: number, changes: MemberChanges): Promise<MemberRecord> {
  const { member } = await request<{ member: MemberRecord }>('PATCH', memberPath(memberId), changes)
  return member
}

/** Revokes a member: their open connections close, their sessions and tokens stop working. */
export async function revokeMember(memberId: number): Promise<MemberRecord> {
  const { member } = await request<{ member: MemberRecord }>('POST', `${memberPath(memberId)}/revoke`)
  return member
}

export function addCofacilitator(workspaceId: string, memberId: number): Promise<Cofacilitators> {
  return request('PUT', cofacilitatorPath(workspaceId, memberId))
}

export function removeCofacilitator(workspaceId: string, memberId: number): Promise<Cofacilitators> {
  return request('DELETE', cofacilitatorPath(workspaceId, memberId))
}

export function getContributors(documentId: string): Promise<Contributors> {
  return request('GET', `/api/documents/${encodeURIComponent(documentId)}/contributors`)
}

export function getParticipation(workspaceId: string, bucket: ParticipationBucket): Promise<Participation> {
  return request('GET', `/api/workspaces/${encodeURIComponent(workspaceId)}/participation?bucket=${bucket}`)
}
