/** `/api/documents/:id/blocks/...`: the status of each block (open, under negotiation, agreed ad referendum), setting it, reopening agreed text, the audit. */
import { Hono } from 'hono'
import { BlockStatusAudit, BlockStatusList, blockStatusPayloads } from '../../shared/schema/blockStatus.ts'
import type { BlockStatusService } from '../blocks/blockStatusService.ts'
import { parseJson, reply, type AppEnv } from '../http.ts'
import { allowOnDocument } from './documentScope.ts'

/** Under the document scope (`documentRoutesScoped`). */
export function blockStatusRoutes({ blocks, maxBlocksPerStatusChange }: { blocks: BlockStatusService; maxBlocksPerStatusChange: number }) {
  const { SetBlockStatus, ReopenBlocks } = blockStatusPayloads(maxBlocksPerStatusChange)
  return new Hono<AppEnv>()
    .get('/:id/blocks/status', async (c) => reply(c, BlockStatusList, blocks.list(c.get('document').id)))
    .put('/:id/blocks/status', allowOnDocument('block.status.set'), async (c) => {
      const { blocks: keys, status } = await parseJson(c, SetBlockStatus)
      return reply(c, BlockStatusList, await blocks.set(c.get('document').id, c.get('member'), keys, status))
    })
    .post('/:id/blocks/reopen', allowOnDocument('block.reopen'), async (c) => {
      const { blocks: keys, reason } = await parseJson(c, ReopenBlocks)
      return reply(c, BlockStatusList, await blocks.reopen(c.get('document').id, c.get('member'), keys, reason))
    })
    .get('/:id/blocks/audit', allowOnDocument('audit.read'), async (c) => reply(c, BlockStatusAudit, await blocks.audit(c.get('document').id)))
}
