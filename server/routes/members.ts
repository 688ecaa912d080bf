/** `/api/members`: the secretariat invites members, issues new sign-in links and revokes members. */
import { Hono, type Context } from 'hono'
import { ApiError } from '../../shared/errors/apiError.ts'
import { InviteLink, InviteMember, InvitedMember, MemberAnswer, MemberList, UpdateMember } from '../../shared/schema/member.ts'
import type { Access } from '../auth/access.ts'
import { allow, requirePermission } from '../auth/authenticate.ts'
import type { MemberDirectory } from '../auth/members.ts'
import type { Sessions } from '../auth/sessions.ts'
import { parseJson, reply, type AppEnv } from '../http.ts'
import { inviteLink } from '../workspaces/demo.ts'
import type { Registry } from '../workspaces/registry.ts'

export interface MemberRouteDeps {
  members: MemberDirectory
  sessions: Sessions
  publicUrl: () => string
  registry: Registry
  access: Access
}

export function memberRoutes({ members, sessions, publicUrl, registry, access }: MemberRouteDeps) {
  /** The id in the path, of a current member (`current`) or of any, revoked or not; 404 otherwise. */
  const memberIdOf = async (c: Context<AppEnv>, { current }: { current: boolean }): Promise<number> => {
    const raw = c.req.param('memberId') ?? ''
    const id = /^\d{1,12}$/.test(raw) ? Number(raw) : null
    if (id === null || !(current ? await members.get(id) : await members.record(id))) {
      throw new ApiError(404, 'member_not_found', `there is no ${current ? 'current ' : ''}member ${raw}`)
    }
    return id
  }
  return new Hono<AppEnv>()
    .use(allow('member.manage'))
    .get('/', async (c) => reply(c, MemberList, { members: await members.list() }))
    .post('/', async (c) => {
      const { leads = [], ...invitee } = await parseJson(c, InviteMember)
      // Everything about the leads is checked before the member is created: an invite is stored whole or not at all.
      const workspaces = [...new Set(leads)]
      if (workspaces.length > 0) {
        requirePermission({ member: c.get('member') }, 'workspace.lead.assign')
        if (invitee.role === 'stakeholder') {
          throw new ApiError(422, 'stakeholder_cannot_lead', `${invitee.name} would be a stakeholder; only States and the secretariat lead a DTG`)
        }
        const unknown = workspaces.filter((id) => !registry.workspace(id))
        if (unknown.length > 0) throw new ApiError(422, 'workspace_not_found', `there is no workspace ${unknown.join(', ')}`, { workspaces: unknown })
      }
      const created = await members.create(invitee, async (member, trx) => {
        for (const workspaceId of workspaces) await access.addLead(workspaceId, member.id, c.get('member').id, trx)
      })
      const inviteUrl = inviteLink(publicUrl(), await sessions.createInvite(created.id))
      return reply(c, InvitedMember, { member: (await members.record(created.id))!, inviteUrl }, 201)
    })
    .patch('/:memberId', async (c) => {
      const id = await memberIdOf(c, { current: true })
      const changes = await parseJson(c, UpdateMember)
      if (id === c.get('member').id && changes.role && changes.role !== c.get('member').role) {
        throw new ApiError(409, 'cannot_change_own_role', 'another secretariat member must change your role')
      }
      await members.update(id, changes)
      return reply(c, MemberAnswer, { member: (await members.record(id))! })
    })
    .post('/:memberId/invite', async (c) => {
      const id = await memberIdOf(c, { current: true })
      return reply(c, InviteLink, { inviteUrl: inviteLink(publicUrl(), await sessions.createInvite(id)) }, 201)
    })
    .post('/:memberId/revoke', async (c) => {
      const id = await memberIdOf(c, { current: false })
      if (id === c.get('member').id) throw new ApiError(409, 'cannot_revoke_self', 'you cannot revoke your own membership')
      if (!(await members.revoke(id))) throw new ApiError(409, 'member_revoked', 'the member has been revoked already')
      return reply(c, MemberAnswer, { member: (await members.record(id))! })
    })
}
