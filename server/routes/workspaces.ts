/** `/api/workspaces`: the DTG workspaces and the documents in them. */
import { Hono, type Context } from 'hono'
import { workspacePermissions } from '../../shared/auth/permissions.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import { CreateDocument, CreateWorkspace } from '../../shared/schema/api.ts'
import { Cofacilitators, DocumentCreated, Workspace, WorkspaceDetail, WorkspaceList } from '../../shared/schema/workspace.ts'
import type { Access } from '../auth/access.ts'
import { allow, requirePermission } from '../auth/authenticate.ts'
import type { MemberDirectory } from '../auth/members.ts'
import { parseJson, reply, type AppEnv } from '../http.ts'
import type { Registry } from '../workspaces/registry.ts'

export interface WorkspaceRouteDeps {
  registry: Registry
  access: Access
  members: MemberDirectory
  /** Creates the document's first content from a template. */
  seedFromTemplate: (documentId: string, templateId: string) => Promise<void>
  templateExists: (templateId: string) => boolean
}

export function workspaceRoutes({ registry, access, members, seedFromTemplate, templateExists }: WorkspaceRouteDeps) {
  const workspaceOf = (c: Context<AppEnv>) => registry.requireWorkspace(c.req.param('id') ?? '')
  const memberOf = async (raw: string) => (/^\d{1,12}$/.test(raw) ? await members.get(Number(raw)) : null)
  return new Hono<AppEnv>()
    .get('/', allow('workspace.read'), (c) => reply(c, WorkspaceList, registry.listWorkspaces()))
    .post('/', allow('workspace.create'), async (c) => reply(c, Workspace, await registry.createWorkspace(await parseJson(c, CreateWorkspace)), 201))
    .get('/:id', allow('workspace.read'), async (c) => {
      const workspace = workspaceOf(c)
      return reply(c, WorkspaceDetail, {
        workspace,
        documents: registry.documents(workspace.id),
        cofacilitators: await access.cofacilitators(workspace.id),
        permissions: workspacePermissions(access.onWorkspace(c.get('member'), workspace.id)),
      })
    })
    .put('/:id/cofacilitators/:memberId', allow('workspace.lead.assign'), async (c) => {
      const workspace = workspaceOf(c)
      const member = await memberOf(c.req.param('memberId'))
      if (!member) throw new ApiError(404, 'member_not_found', `there is no current member ${c.req.param('memberId')}`)
      if (member.role === 'stakeholder') {
        throw new ApiError(422, 'stakeholder_cannot_lead', `${member.name} is a stakeholder; only States and the secretariat lead a DTG`)
      }
      await access.addLead(workspace.id, member.id, c.get('member').id)
      return reply(c, Cofacilitators, { workspace, cofacilitators: await access.cofacilitators(workspace.id) })
    })
    .delete('/:id/cofacilitators/:memberId', allow('workspace.lead.assign'), async (c) => {
      const workspace = workspaceOf(c)
      const member = await memberOf(c.req.param('memberId'))
      if (!member || !access.leads(member.id, workspace.id)) {
        throw new ApiError(404, 'cofacilitator_not_found', `member ${c.req.param('memberId')} does not co-facilitate ${workspace.id}`)
      }
      await access.removeLead(workspace.id, member.id)
      return reply(c, Cofacilitators, { workspace, cofacilitators: await access.cofacilitators(workspace.id) })
    })
    .post('/:id/documents', async (c) => {
      const workspace = workspaceOf(c)
      requirePermission(access.onWorkspace(c.get('member'), workspace.id), 'document.create')
      const { templateId, symbol, title, kind } = await parseJson(c, CreateDocument)
      if (templateId && !templateExists(templateId)) {
        throw new ApiError(400, 'invalid_payload', `templateId: there is no template "${templateId}"`)
      }
      const document = await registry.createDocument({ workspaceId: workspace.id, title, kind, symbol: symbol ?? null, createdBy: c.get('member').id })
      if (templateId) await seedFromTemplate(document.id, templateId)
      return reply(c, DocumentCreated, { document }, 201)
    })
}
