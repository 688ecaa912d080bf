/** Block statuses and their audit in the database: one row per block that is not open, one audit row per change. */
import type { BlockStatusAuditEntry, BlockStatusRecord, BlockStatusValue } from '../../shared/schema/blockStatus.ts'
import { inTransaction, lockKey, type Db } from '../store/database.ts'

/** One change to write: the block, its status before and after, and for the audit why and by whom (null: the server). */
export interface BlockStatusChange {
  block: string
  from: BlockStatusValue
  to: BlockStatusValue
  action: BlockStatusAuditEntry['action']
  reason: string | null
  memberId: number | null
}

interface RecordRow {
  block: string
  status: 'negotiating' | 'agreed'
  setBy: number
  setByName: string
  setAt: number
}

interface AuditRow {
  id: number
  block: string
  action: BlockStatusAuditEntry['action']
  fromStatus: BlockStatusValue
  toStatus: BlockStatusValue
  reason: string | null
  memberId: number | null
  memberName: string | null
  at: number
}

/** The blocks whose stored status is no longer the one a change was decided from (another instance or request changed it). */
export class StaleBlockStatus extends Error {
  constructor(readonly blocks: string[]) {
    super(`the status of ${blocks.join(', ')} changed meanwhile`)
    this.name = 'StaleBlockStatus'
  }
}

export class BlockStatusStore {
  constructor(private readonly db: Db) {}

  /** Every block of the document that is not open. */
  async records(documentId: string): Promise<BlockStatusRecord[]> {
    return (await this.recordsWhere(documentId)).get(documentId) ?? []
  }

  /** Every block of every document that is not open, by document. */
  recordsByDocument(): Promise<Map<string, BlockStatusRecord[]>> {
    return this.recordsWhere(null)
  }

  private async recordsWhere(documentId: string | null): Promise<Map<string, BlockStatusRecord[]>> {
    let query = this.db
      .selectFrom('block_statuses as b')
      .innerJoin('members as m', 'm.id', 'b.set_by')
      .select(['b.document_id as documentId', 'b.block_key as block', 'b.status', 'b.set_by as setBy', 'm.name as setByName', 'b.set_at as setAt'])
      .orderBy('b.set_at')
      .orderBy('b.block_key')
    if (documentId !== null) query = query.where('b.document_id', '=', documentId)
    const byDocument = new Map<string, BlockStatusRecord[]>()
    for (const row of (await query.execute()) as Array<RecordRow & { documentId: string }>) {
      let list = byDocument.get(row.documentId)
      if (!list) byDocument.set(row.documentId, (list = []))
      list.push({ block: row.block, status: row.status, setBy: { id: row.setBy, name: row.setByName }, setAt: new Date(row.setAt).toISOString() })
    }
    return byDocument
  }

  /**
   * Writes the changes and their audit rows in one transaction: all of them or none. Each change is written only if
   * the block's stored status is still its `from` (compare and set, one writer at a time per document on every
   * database); otherwise nothing is written and StaleBlockStatus names the blocks.
   */
  async apply(documentId: string, changes: readonly BlockStatusChange[], at = Date.now()): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await lockKey(trx, `block-status:${documentId}`)
      const stored = new Map<string, BlockStatusValue>()
      const blocks = changes.map((change) => change.block)
      for (let i = 0; i < blocks.length; i += 500) {
        const rows = await trx
          .selectFrom('block_statuses')
          .select(['block_key', 'status'])
          .where('document_id', '=', documentId)
          .where('block_key', 'in', blocks.slice(i, i + 500))
          .execute()
        for (const row of rows) stored.set(row.block_key, row.status as BlockStatusValue)
      }
      const stale = changes.filter((change) => (stored.get(change.block) ?? 'open') !== change.from).map((change) => change.block)
      if (stale.length > 0) throw new StaleBlockStatus(stale)
      for (const change of changes) {
        if (change.to === 'open') {
          await trx.deleteFrom('block_statuses').where('document_id', '=', documentId).where('block_key', '=', change.block).execute()
        } else {
          await trx
            .insertInto('block_statuses')
            .values({ document_id: documentId, block_key: change.block, status: change.to, set_by: change.memberId!, set_at: at })
            .onConflict((conflict) =>
              conflict.columns(['document_id', 'block_key']).doUpdateSet((eb) => ({
                status: eb.ref('excluded.status'),
                set_by: eb.ref('excluded.set_by'),
                set_at: eb.ref('excluded.set_at'),
              })),
            )
            .execute()
        }
        await trx
          .insertInto('block_status_audit')
          .values({
            document_id: documentId,
            block_key: change.block,
            action: change.action,
            from_status: change.from,
            to_status: change.to,
            reason: change.reason,
            member_id: change.memberId,
            at,
          })
          .execute()
      }
    })
  }

  /** The document's audit of statuses, newest first. */
  async audit(documentId: string, limit: number): Promise<BlockStatusAuditEntry[]> {
    const rows = (await this.db
      .selectFrom('block_status_audit as a')
      .leftJoin('members as m', 'm.id', 'a.member_id')
      .select([
        'a.id',
        'a.block_key as block',
        'a.action',
        'a.from_status as fromStatus',
        'a.to_status as toStatus',
        'a.reason',
        'a.member_id as memberId',
        'm.name as memberName',
        'a.at',
      ])
      .where('a.document_id', '=', documentId)
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute()) as AuditRow[]
    return rows.map((row) => ({
      id: row.id,
      block: row.block,
      action: row.action,
      from: row.fromStatus,
      to: row.toStatus,
      reason: row.reason,
      by: row.memberId === null ? null : { id: row.memberId, name: row.memberName ?? '' },
      at: new Date(row.at).toISOString(),
    }))
  }
}
