/** `/api/workspaces`: the DTG workspaces and the documents in them. */
import { Hono } from 'hono'
import { CreateDocument, CreateWorkspace } from '../../shared/schema/api.ts'
import type { Access } from '../auth/access.ts'
import { allow, forbidden } from '../auth/authenticate.ts'
import type { MemberDirectory } from '../auth/members.ts'
import { can } from '../auth/permissions.ts'
import { apiError, readJson, type AppEnv } from '../http.ts'
import { RegistryError, type Registry } from '../workspaces/registry.ts'

export interface WorkspaceRouteDeps {
  registry: Registry
  access: Access
  members: MemberDirectory
  /** Creates the document's first content from a template. */
  seedFromTemplate: (documentId: string, templateId: string) => Promise<void>
  templateExists: (templateId: string) => boolean
}

export function workspaceRoutes({ registry, access, members, seedFromTemplate, templateExists }: WorkspaceRouteDeps) {
  const memberOf = (raw: string) => (/^\d{1,12}$/.test(raw) ? members.get(Number(raw)) : null)
  return new Hono<AppEnv>()
    .get('/', allow('workspace.read'), (c) => c.json(registry.listWorkspaces()))
    .post('/', allow('workspace.create'), async (c) => {
      const body = await readJson(c, CreateWorkspace)
      if (!body.ok) return body.response
      try {
        return c.json(registry.createWorkspace(body.value), 201)
      } catch (error) {
        if (error instanceof RegistryError) return apiError(c, 409, error.code, error.message)
        throw error
      }
    })
    .get('/:id', allow('workspace.read'), (c) => {
      const workspace = registry.workspace(c.req.param('id'))
      if (!workspace) return apiError(c, 404, 'workspace_not_found', `there is no workspace "${c.req.param('id')}"`)
      return c.json({ workspace, documents: registry.documents(workspace.id), cofacilitators: access.cofacilitators(workspace.id) })
    })
    .put('/:id/cofacilitators/:memberId', allow('workspace.lead.assign'), (c) => {
      const workspace = registry.workspace(c.req.param('id'))
      if (!workspace) return apiError(c, 404, 'workspace_not_found', `there is no workspace "${c.req.param('id')}"`)
      const member = memberOf(c.req.param('memberId'))
      if (!member) return apiError(c, 404, 'member_not_found', `there is no current member ${c.req.param('memberId')}`)
      if (member.role === 'stakeholder') {
        return apiError(c, 422, 'stakeholder_cannot_lead', `${member.name} is a stakeholder; only States and the secretariat lead a DTG`)
      }
      access.addLead(workspace.id, member.id, c.get('member').id)
      return c.json({ workspace, cofacilitators: access.cofacilitators(workspace.id) })
    })
    .delete('/:id/cofacilitators/:memberId', allow('workspace.lead.assign'), (c) => {
      const workspace = registry.workspace(c.req.param('id'))
      if (!workspace) return apiError(c, 404, 'workspace_not_found', `there is no workspace "${c.req.param('id')}"`)
      const member = memberOf(c.req.param('memberId'))
      if (!member || !access.leads(member.id, workspace.id)) {
        return apiError(c, 404, 'cofacilitator_not_found', `member ${c.req.param('memberId')} does not co-facilitate ${workspace.id}`)
      }
      access.removeLead(workspace.id, member.id)
      return c.json({ workspace, cofacilitators: access.cofacilitators(workspace.id) })
    })
    .post('/:id/documents', async (c) => {
      const workspace = registry.workspace(c.req.param('id'))
      if (!workspace) return apiError(c, 404, 'workspace_not_found', `there is no workspace "${c.req.param('id')}"`)
      if (!can(access.onWorkspace(c.get('member'), workspace.id), 'document.create')) return forbidden(c, 'document.create')
      const body = await readJson(c, CreateDocument)
      if (!body.ok) return body.response
      const { templateId, symbol, title, kind } = body.value
      if (templateId && !templateExists(templateId)) {
        return apiError(c, 400, 'invalid_payload', `templateId: there is no template "${templateId}"`)
      }
      const document = registry.createDocument({ workspaceId: workspace.id, title, kind, symbol: symbol ?? null, createdBy: c.get('member').id })
      if (templateId) await seedFromTemplate(document.id, templateId)
      return c.json({ document }, 201)
    })
}
