/** `/api/workspaces`: the DTG workspaces and the documents in them. */
import { Hono } from 'hono'
import { CreateDocument, CreateWorkspace } from '../../shared/schema/api.ts'
import { allow } from '../auth/authenticate.ts'
import { apiError, readJson, type AppEnv } from '../http.ts'
import { RegistryError, type Registry } from '../workspaces/registry.ts'

export interface WorkspaceRouteDeps {
  registry: Registry
  /** Creates the document's first content from a template. */
  seedFromTemplate: (documentId: string, templateId: string) => Promise<void>
  templateExists: (templateId: string) => boolean
}

export function workspaceRoutes({ registry, seedFromTemplate, templateExists }: WorkspaceRouteDeps) {
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
      return c.json({ workspace, documents: registry.documents(workspace.id) })
    })
    .post('/:id/documents', allow('document.create'), async (c) => {
      const workspace = registry.workspace(c.req.param('id'))
      if (!workspace) return apiError(c, 404, 'workspace_not_found', `there is no workspace "${c.req.param('id')}"`)
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
