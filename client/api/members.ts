/** Members (secretariat only), workspace co-facilitators, a document's contributors and a workspace's participation by regional group. */
import type { z } from 'zod'
import {
  InviteLink,
  InvitedMember,
  MemberAnswer,
  MemberList,
  type InviteMember,
  type MemberRecord,
  type UpdateMember,
} from '../../shared/schema/member.ts'
import { Contributors, Participation, type ParticipationBucket } from '../../shared/schema/participation.ts'
import { Cofacilitators } from '../../shared/schema/workspace.ts'
import { request } from './http.ts'

export type { Author, InvitedMember, MemberRecord, RegionalGroup } from '../../shared/schema/member.ts'
export type {
  Contributor,
  Contributors,
  Participation,
  ParticipationBucket,
  ParticipationCounts,
  ParticipationGroupId,
  RecentContribution,
} from '../../shared/schema/participation.ts'
export type { Cofacilitators }

export type NewMember = z.input<typeof InviteMember>
/** What the secretariat changes of a member: only the fields given; a delegation or regional group can be corrected, not removed. */
export type MemberChanges = z.input<typeof UpdateMember>

const memberPath = (memberId: number) => `/api/members/${encodeURIComponent(String(memberId))}`
const cofacilitatorPath = (workspaceId: string, memberId: number) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/cofacilitators/${encodeURIComponent(String(memberId))}`

export async function listMembers(): Promise<MemberRecord[]> {
  const { members } = await request('GET', '/api/members', MemberList)
  return members
}

export function inviteMember(input: NewMember): Promise<InvitedMember> {
  return request('POST', '/api/members', InvitedMember, input)
}

/** A new one-time sign-in link for an existing member. */
export async function newInviteLink(memberId: number): Promise<string> {
  const { inviteUrl } = await request('POST', `${memberPath(memberId)}/invite`, InviteLink)
  return inviteUrl
}

/** Changes a member's role (never one's own: 409 cannot_change_own_role) or corrects whom they speak for; their open connections reconnect. */
export async function updateMember(memberId: number, changes: MemberChanges): Promise<MemberRecord> {
  const { member } = await request('PATCH', memberPath(memberId), MemberAnswer, changes)
  return member
}

/** Revokes a member: their open connections close, their sessions and tokens stop working. */
export async function revokeMember(memberId: number): Promise<MemberRecord> {
  const { member } = await request('POST', `${memberPath(memberId)}/revoke`, MemberAnswer)
  return member
}

export function addCofacilitator(workspaceId: string, memberId: number): Promise<Cofacilitators> {
  return request('PUT', cofacilitatorPath(workspaceId, memberId), Cofacilitators)
}

export function removeCofacilitator(workspaceId: string, memberId: number): Promise<Cofacilitators> {
  return request('DELETE', cofacilitatorPath(workspaceId, memberId), Cofacilitators)
}

export function getContributors(documentId: string): Promise<Contributors> {
  return request('GET', `/api/documents/${encodeURIComponent(documentId)}/contributors`, Contributors)
}

export function getParticipation(workspaceId: string, bucket: ParticipationBucket): Promise<Participation> {
  return request('GET', `/api/workspaces/${encodeURIComponent(workspaceId)}/participation?bucket=${bucket}`, Participation)
}
