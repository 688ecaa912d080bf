/** Paragraph status on a document: the REST routes, every answer checked against the shared schemas, and the live `blockStatus` events. */
import { BlockStatusList, type BlockStatusValue } from '../../shared/schema/blockStatus.ts'
import { followDocumentEvents } from './documentEvents.ts'
import { request } from './http.ts'

export type { BlockStatusList }

const blocksPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/blocks`

export function listBlockStatuses(documentId: string): Promise<BlockStatusList> {
  return request('GET', `${blocksPath(documentId)}/status`, BlockStatusList)
}

/** Gives every block named the status (workspace leads, secretariat); agreed blocks change only by reopening. */
export function setBlockStatus(documentId: string, blocks: string[], status: BlockStatusValue): Promise<BlockStatusList> {
  return request('PUT', `${blocksPath(documentId)}/status`, BlockStatusList, { blocks, status })
}

/** Opens agreed blocks again, with the reason the audit keeps. */
export function reopenBlocks(documentId: string, blocks: string[], reason: string): Promise<BlockStatusList> {
  return request('POST', `${blocksPath(documentId)}/reopen`, BlockStatusList, { blocks, reason })
}

/** Follows the `blockStatus` events (every block's status after a change); returns the function that stops following. */
export function followBlockStatuses(documentId: string, onList: (list: BlockStatusList) => void, onReconnect: () => void): () => void {
  return followDocumentEvents(documentId, 'blockStatus', {
    onEvent: (data) => {
      const list = BlockStatusList.safeParse(data)
      if (list.success && list.data.documentId === documentId) onList(list.data)
    },
    onReconnect,
  })
}
