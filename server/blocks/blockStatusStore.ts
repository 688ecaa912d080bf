/** Block statuses and their audit in SQLite: one row per block that is not open, one audit row per change. */
import type { BlockStatusAuditEntry, BlockStatusRecord, BlockStatusValue } from '../../shared/schema/blockStatus.ts'
import type { Sqlite } from '../store/sqlite.ts'

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

export class BlockStatusStore {
  constructor(private readonly db: Sqlite) {}

  /** Every block of the document that is not open. */
  records(documentId: string): BlockStatusRecord[] {
    const rows = this.db
      .prepare(
        `SELECT b.block_key AS block, b.status, b.set_by AS setBy, m.name AS setByName, b.set_at AS setAt
         FROM block_statuses b JOIN members m ON m.id = b.set_by WHERE b.document_id = ? ORDER BY b.set_at, b.block_key`,
      )
      .all(documentId) as RecordRow[]
    return rows.map((row) => ({ block: row.block, status: row.status, setBy: { id: row.setBy, name: row.setByName }, setAt: new Date(row.setAt).toISOString() }))
  }

  /** Writes the changes and their audit rows in one transaction: all of them or none. */
  apply(documentId: string, changes: readonly BlockStatusChange[], at = Date.now()): void {
    const upsert = this.db.prepare(
      `INSERT INTO block_statuses (document_id, block_key, status, set_by, set_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (document_id, block_key) DO UPDATE SET status = excluded.status, set_by = excluded.set_by, set_at = excluded.set_at`,
    )
    const remove = this.db.prepare('DELETE FROM block_statuses WHERE document_id = ? AND block_key = ?')
    const audit = this.db.prepare(
      `INSERT INTO block_status_audit (document_id, block_key, action, from_status, to_status, reason, member_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.db.transaction(() => {
      for (const change of changes) {
        if (change.to === 'open') remove.run(documentId, change.block)
        else upsert.run(documentId, change.block, change.to, change.memberId, at)
        audit.run(documentId, change.block, change.action, change.from, change.to, change.reason, change.memberId, at)
      }
    })()
  }

  /** The document's audit of statuses, newest first. */
  audit(documentId: string, limit: number): BlockStatusAuditEntry[] {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.block_key AS block, a.action, a.from_status AS fromStatus, a.to_status AS toStatus, a.reason,
                a.member_id AS memberId, m.name AS memberName, a.at
         FROM block_status_audit a LEFT JOIN members m ON m.id = a.member_id WHERE a.document_id = ? ORDER BY a.id DESC LIMIT ?`,
      )
      .all(documentId, limit) as AuditRow[]
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
