/** `/api/members`: the secretariat invites members, issues new sign-in links and revokes members. */
import { Hono } from 'hono'
import { InviteMember, UpdateMember } from '../../shared/schema/member.ts'
import { allow } from '../auth/authenticate.ts'
import { MemberError, type MemberDirectory } from '../auth/members.ts'
import type { Sessions } from '../auth/sessions.ts'
import { apiError, readJson, type AppEnv } from '../http.ts'
import { inviteLink } from '../workspaces/demo.ts'

export interface MemberRouteDeps {
  members: MemberDirectory
  sessions: Sessions
  publicUrl: () => string
}

export function memberRoutes({ members, sessions, publicUrl }: MemberRouteDeps) {
  const memberIdOf = (raw: string) => (/^\d{1,12}$/.test(raw) ? Number(raw) : null)
  return new Hono<AppEnv>()
    .use(allow('member.manage'))
    .get('/', (c) => c.json({ members: members.list() }))
    .post('/', async (c) => {
      const body = await readJson(c, InviteMember)
      if (!body.ok) return body.response
      try {
        const created = members.create(body.value)
        const inviteUrl = inviteLink(publicUrl(), sessions.createInvite(created.id))
        return c.json({ member: members.record(created.id), inviteUrl }, 201)
      } catch (error) {
        if (error instanceof MemberError) return apiError(c, 409, error.code, error.message)
        throw error
      }
    })
    .patch('/:memberId', async (c) => {
      const id = memberIdOf(c.req.param('memberId'))
      if (id === null || !members.get(id)) return apiError(c, 404, 'member_not_found', `there is no current member ${c.req.param('memberId')}`)
      const body = await readJson(c, UpdateMember)
      if (!body.ok) return body.response
      if (id === c.get('member').id && body.value.role && body.value.role !== c.get('member').role) {
        return apiError(c, 409, 'cannot_change_own_role', 'another secretariat member must change your role')
      }
      try {
        members.update(id, body.value)
      } catch (error) {
        if (error instanceof MemberError) return apiError(c, 409, error.code, error.message)
        throw error
      }
      return c.json({ member: members.record(id) })
    })
    .post('/:memberId/invite', (c) => {
      const id = memberIdOf(c.req.param('memberId'))
      const member = id === null ? null : members.get(id)
      if (!member) return apiError(c, 404, 'member_not_found', `there is no current member ${c.req.param('memberId')}`)
      return c.json({ inviteUrl: inviteLink(publicUrl(), sessions.createInvite(member.id)) }, 201)
    })
    .post('/:memberId/revoke', (c) => {
      const id = memberIdOf(c.req.param('memberId'))
      if (id === null || !members.record(id)) return apiError(c, 404, 'member_not_found', `there is no member ${c.req.param('memberId')}`)
      if (id === c.get('member').id) return apiError(c, 409, 'cannot_revoke_self', 'you cannot revoke your own membership')
      try {
        if (!members.revoke(id)) return apiError(c, 409, 'member_revoked', 'the member has been revoked already')
      } catch (error) {
        if (error instanceof MemberError) return apiError(c, 409, error.code, error.message)
        throw error
      }
      return c.json({ member: members.record(id) })
    })
}
