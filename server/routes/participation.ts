/** Audit and participation: a document's contributors, and a workspace's participation by regional group over time. */
import { Hono } from 'hono'
import { ApiError } from '../../shared/errors/apiError.ts'
import { Contributors, Participation } from '../../shared/schema/participation.ts'
import type { Access } from '../auth/access.ts'
import { requirePermission } from '../auth/authenticate.ts'
import type { ParticipationLog } from '../audit/participation.ts'
import { reply, type AppEnv } from '../http.ts'
import type { Registry } from '../workspaces/registry.ts'
import { allowOnDocument } from './documentScope.ts'

/** Under the document scope (`documentRoutesScoped`). */
export function contributorRoutes({ log }: { log: ParticipationLog }) {
  return new Hono<AppEnv>().get('/:id/contributors', allowOnDocument('audit.read'), async (c) => reply(c, Contributors, await log.contributors(c.get('document').id)))
}

export function participationRoutes({ registry, access, log }: { registry: Registry; access: Access; log: ParticipationLog }) {
  return new Hono<AppEnv>().get('/:id/participation', async (c) => {
    const workspace = registry.requireWorkspace(c.req.param('id'))
    requirePermission(access.onWorkspace(c.get('member'), workspace.id), 'participation.read')
    const bucket = c.req.query('bucket') ?? 'week'
    if (bucket !== 'day' && bucket !== 'week') throw new ApiError(400, 'invalid_query', 'bucket must be day or week')
    return reply(c, Participation, await log.participation(workspace.id, bucket))
  })
}
