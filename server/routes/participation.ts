/** Audit and participation: a document's contributors, and a workspace's participation by regional group over time. */
import { Hono } from 'hono'
import type { Access } from '../auth/access.ts'
import { forbidden } from '../auth/authenticate.ts'
import { can } from '../auth/permissions.ts'
import type { ParticipationLog } from '../audit/participation.ts'
import { apiError, type AppEnv } from '../http.ts'
import type { Registry } from '../workspaces/registry.ts'
import { allowOnDocument, documentScope } from './documentScope.ts'

export function contributorRoutes({ registry, access, log }: { registry: Registry; access: Access; log: ParticipationLog }) {
  return new Hono<AppEnv>().get('/:id/contributors', documentScope(registry, access), allowOnDocument('audit.read'), (c) =>
    c.json(log.contributors(c.get('document').id)),
  )
}

export function participationRoutes({ registry, access, log }: { registry: Registry; access: Access; log: ParticipationLog }) {
  return new Hono<AppEnv>().get('/:id/participation', (c) => {
    const workspace = registry.workspace(c.req.param('id'))
    if (!workspace) return apiError(c, 404, 'workspace_not_found', `there is no workspace "${c.req.param('id')}"`)
    if (!can(access.onWorkspace(c.get('member'), workspace.id), 'participation.read')) return forbidden(c, 'participation.read')
    const bucket = c.req.query('bucket') ?? 'week'
    if (bucket !== 'day' && bucket !== 'week') return apiError(c, 400, 'invalid_query', 'bucket must be day or week')
    return c.json(log.participation(workspace.id, bucket))
  })
}
