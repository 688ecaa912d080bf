/** `/api/documents/:id/history`: the automatic snapshots of a document's text; open one, restore one. Comparisons go through `/compare`. */
import { Hono, type Context } from 'hono'
import { ApiError } from '../../shared/errors/apiError.ts'
import { RestoreAnswer, SnapshotDetail, SnapshotList, type SnapshotEvent } from '../../shared/schema/history.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import type { HistoryService } from '../history/historyService.ts'
import type { TextRestorer } from '../history/restoreText.ts'
import type { Snapshot, SnapshotStore } from '../history/snapshotStore.ts'
import { reply, type AppEnv } from '../http.ts'
import { allowOnDocument } from './documentScope.ts'

export interface HistoryRouteDeps {
  snapshots: SnapshotStore
  history: HistoryService
  restore: TextRestorer
  events: DocumentEvents
}

/** Under the document scope (`documentRoutesScoped`). */
export function historyRoutes({ snapshots, history, restore, events }: HistoryRouteDeps) {
  /** The snapshot named in the path, of the scoped document; 404 otherwise. */
  const snapshotOf = async (c: Context<AppEnv>): Promise<Snapshot> => {
    const raw = c.req.param('snapshotId') ?? ''
    const snapshot = /^\d{1,12}$/.test(raw) ? await snapshots.get(c.get('document').id, Number(raw)) : null
    if (!snapshot) throw new ApiError(404, 'snapshot_not_found', `there is no snapshot "${raw}" of this document`)
    return snapshot
  }

  return new Hono<AppEnv>()
    .get('/:id/history', allowOnDocument('history.read'), async (c) =>
      reply(c, SnapshotList, { snapshots: await snapshots.list(c.get('document').id), retention: history.retention }),
    )
    .get('/:id/history/:snapshotId', allowOnDocument('history.read'), async (c) => {
      const { content, ...snapshot } = await snapshotOf(c)
      return reply(c, SnapshotDetail, { snapshot, content })
    })
    .post('/:id/history/:snapshotId/restore', allowOnDocument('history.restore'), async (c) => {
      const documentId = c.get('document').id
      const { content, ...snapshot } = await snapshotOf(c)
      const { saved } = await restore({ documentId, member: c.get('member'), content, kind: 'snapshot' })
      events.publish(documentId, 'snapshot', { change: 'restored', snapshot, by: c.get('member').name } satisfies SnapshotEvent)
      return reply(c, RestoreAnswer, { revision: null, snapshot, saved })
    })
}
