/** Who leads which workspace, and the permission subject of a member on a document, kept current as leads change. */
import { sql } from 'kysely'
import type { Member } from '../../shared/schema/member.ts'
import { rowsOf, type Db } from '../store/database.ts'
import { memberColumns } from './memberColumns.ts'
import type { Registry } from '../workspaces/registry.ts'
import { can, type Action, type Subject } from '../../shared/auth/permissions.ts'

const leadColumns = memberColumns()
const leadKey = (workspaceId: string, memberId: number) => `${workspaceId}\u0000${memberId}`

/**
 * The leads are kept in memory (a few per workspace), loaded at start: a connection asks for every update it sends
 * whether it may write, without a database round trip. Changes made here update memory at once; `reload()` takes in
 * those made elsewhere (the admin CLI, another instance), and runs by itself when the copy is older than `recheckMs`.
 */
export class Access {
  private leadsHeld = new Set<string>()
  private loadedAt = 0
  private reloading: Promise<void> | null = null
  /** The read that follows the one under way, for callers that came during it. */
  private readAgain: Promise<void> | null = null
  /** Leads added or removed here, counted: a read that ran across one is not taken in, and reads again. */
  private localWrites = 0
  /** Called with a member's id after the workspaces they lead changed (their editors become editable or not). */
  readonly leadListeners = new Set<(memberId: number, workspaceId: string) => void>()

  constructor(
    private readonly db: Db,
    private readonly registry: Registry,
    private readonly recheckMs = 2000,
  ) {}

  /** An Access with the leads read. */
  static async open(db: Db, registry: Registry): Promise<Access> {
    const access = new Access(db, registry)
    await access.reload()
    return access
  }

  /**
   * Reads the leads again; a lead gained or lost meanwhile is told to the listeners. Resolves once a read that began
   * after the call has been taken in: a read already under way may predate what the caller knows changed, so another
   * follows it.
   */
  reload(): Promise<void> {
    if (!this.reloading) {
      this.reloading = this.read().finally(() => {
        this.reloading = null
      })
      return this.reloading
    }
    this.readAgain ??= this.reloading
      .catch(() => {})
      .then(() => {
        this.readAgain = null
        return this.reload()
      })
    return this.readAgain
  }

  private async read(): Promise<void> {
    for (;;) {
      const writesBefore = this.localWrites
      const rows = await this.db.selectFrom('workspace_leads').select(['workspace_id', 'member_id']).execute()
      // A lead added or removed here while this read ran: the read may predate it, so it is not taken in; read again.
      if (this.localWrites !== writesBefore) continue
      const next = new Set(rows.map((row) => leadKey(row.workspace_id, row.member_id)))
      const previous = this.leadsHeld
      const first = this.loadedAt === 0
      this.leadsHeld = next
      this.loadedAt = performance.now()
      if (first) return
      const changed = [...next].filter((key) => !previous.has(key)).concat([...previous].filter((key) => !next.has(key)))
      for (const key of changed) {
        const [workspaceId, memberId] = key.split('\u0000')
        this.changed(Number(memberId), workspaceId)
      }
      return
    }
  }

  leads(memberId: number, workspaceId: string): boolean {
    return this.leadsHeld.has(leadKey(workspaceId, memberId))
  }

  cofacilitators(workspaceId: string): Promise<Member[]> {
    return rowsOf(
      this.db,
      sql<Member>`SELECT ${sql.raw(leadColumns)} FROM workspace_leads l JOIN members m ON m.id = l.member_id
        WHERE l.workspace_id = ${workspaceId} AND m.revoked_at IS NULL ORDER BY m.name`,
    )
  }

  /** Makes the member a lead of the workspace; `db` is a transaction to write in (a member created with their leads). */
  async addLead(workspaceId: string, memberId: number, by: number, db: Db = this.db): Promise<void> {
    const inserted = await db
      .insertInto('workspace_leads')
      .values({ workspace_id: workspaceId, member_id: memberId, created_by: by, created_at: Date.now() })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      this.leadsHeld.add(leadKey(workspaceId, memberId))
      this.localWrites++
      this.changed(memberId, workspaceId)
    }
  }

  async removeLead(workspaceId: string, memberId: number): Promise<void> {
    const deleted = await this.db.deleteFrom('workspace_leads').where('workspace_id', '=', workspaceId).where('member_id', '=', memberId).executeTakeFirst()
    if (Number(deleted.numDeletedRows) > 0) {
      this.leadsHeld.delete(leadKey(workspaceId, memberId))
      this.localWrites++
      this.changed(memberId, workspaceId)
    }
  }

  private changed(memberId: number, workspaceId: string): void {
    for (const listener of this.leadListeners) listener(memberId, workspaceId)
  }

  /** A member's role changed: the leads are read again (becoming a stakeholder ends them). */
  invalidate(): void {
    void this.reload().catch(() => {})
  }

  /** The member's subject on a document; a document no workspace holds is led by no one. */
  onDocument(member: Member, documentId: string, extra: Omit<Subject, 'member' | 'leadsWorkspace'> = {}): Subject {
    const document = this.registry.document(documentId)
    return {
      member,
      leadsWorkspace: document ? this.leads(member.id, document.workspaceId) : false,
      documentSubmitted: this.registry.isSubmitted(documentId),
      ...extra,
    }
  }

  onWorkspace(member: Member, workspaceId: string): Subject {
    return { member, leadsWorkspace: this.leads(member.id, workspaceId) }
  }

  /**
   * Asked by a connection for every update it sends: answered from memory. A copy older than `recheckMs` is read
   * again in the background (the admin CLI changes leads from another process); the answer after it follows.
   */
  canWrite(member: Member, documentId: string): boolean {
    if (performance.now() - this.loadedAt > this.recheckMs) void this.reload().catch(() => {})
    return can(this.onDocument(member, documentId), 'document.write' satisfies Action)
  }
}
