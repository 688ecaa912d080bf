/** `PATCH /api/documents/:id`: the document's submission metadata (symbol, distribution, body, session, agenda item, original language). */
import { Hono } from 'hono'
import { ApiError } from '../../shared/errors/apiError.ts'
import { DocumentMetadataChanged } from '../../shared/schema/document.ts'
import { UpdateDocumentMetadata } from '../../shared/schema/documentMetadata.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import { parseJson, reply, type AppEnv } from '../http.ts'
import type { Registry } from '../workspaces/registry.ts'
import { allowOnDocument } from './documentScope.ts'

export interface DocumentMetadataRouteDeps {
  registry: Registry
  events: DocumentEvents
}

/** Under the document scope (`documentRoutesScoped`). */
export function documentMetadataRoutes({ registry, events }: DocumentMetadataRouteDeps) {
  return new Hono<AppEnv>().patch('/:id', allowOnDocument('document.metadata.edit'), async (c) => {
    const change = await parseJson(c, UpdateDocumentMetadata)
    const id = c.get('document').id
    const document = await registry.updateMetadata(id, change)
    if (!document) throw new ApiError(404, 'document_not_found', `there is no document "${id}"`)
    // Open pages show the new masthead fields without a reload.
    events.publish(id, 'metadata', { document } satisfies DocumentMetadataChanged)
    return reply(c, DocumentMetadataChanged, { document })
  })
}
