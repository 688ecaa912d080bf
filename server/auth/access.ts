/** Who leads which workspace, and the permission subject of a member on a document, kept current as leads change. */
import type { Member } from '../../shared/schema/member.ts'
import type { Sqlite } from '../store/sqlite.ts'
import { memberColumns } from './memberColumns.ts'
import type { Registry } from '../workspaces/registry.ts'
import { can, type Action, type Subject } from '../../shared/auth/permissions.ts'

const leadColumns = memberColumns()

export class Access {
  private readonly isLead
  private readonly insertLead
  private readonly deleteLead
  private readonly leadsOfWorkspace
  /** Bumped on every change of leads, so cached answers of open connections are asked again. */
  private generation = 0
  /** Called with a member's id after the workspaces they lead changed (their editors become editable or not). */
  readonly leadListeners = new Set<(memberId: number, workspaceId: string) => void>()
  private readonly writeCache = new Map<string, { generation: number; checkedAt: number; allowed: boolean }>()

  constructor(
    db: Sqlite,
    private readonly registry: Registry,
  ) {
    this.isLead = db.prepare<[string, number], { one: number }>(
      'SELECT 1 AS one FROM workspace_leads WHERE workspace_id = ? AND member_id = ?',
    )
    this.insertLead = db.prepare<[string, number, number, number]>(
      'INSERT OR IGNORE INTO workspace_leads (workspace_id, member_id, created_by, created_at) VALUES (?, ?, ?, ?)',
    )
    this.deleteLead = db.prepare<[string, number]>('DELETE FROM workspace_leads WHERE workspace_id = ? AND member_id = ?')
    this.leadsOfWorkspace = db.prepare<[string], Member>(
      `SELECT ${leadColumns} FROM workspace_leads l JOIN members m ON m.id = l.member_id
       WHERE l.workspace_id = ? AND m.revoked_at IS NULL ORDER BY m.name`,
    )
  }

  leads(memberId: number, workspaceId: string): boolean {
    return this.isLead.get(workspaceId, memberId) !== undefined
  }

  cofacilitators(workspaceId: string): Member[] {
    return this.leadsOfWorkspace.all(workspaceId)
  }

  addLead(workspaceId: string, memberId: number, by: number): void {
    if (this.insertLead.run(workspaceId, memberId, by, Date.now()).changes > 0) this.changed(memberId, workspaceId)
  }

  removeLead(workspaceId: string, memberId: number): void {
    if (this.deleteLead.run(workspaceId, memberId).changes > 0) this.changed(memberId, workspaceId)
  }

  private changed(memberId: number, workspaceId: string): void {
    this.generation++
    for (const listener of this.leadListeners) listener(memberId, workspaceId)
  }

  /** Forgets every cached answer: a member's role changed. */
  invalidate(): void {
    this.generation++
  }

  /** The member's subject on a document; a document no workspace holds is led by no one. */
  onDocument(member: Member, documentId: string, extra: Omit<Subject, 'member' | 'leadsWorkspace'> = {}): Subject {
    const document = this.registry.document(documentId)
    return { member, leadsWorkspace: document ? this.leads(member.id, document.workspaceId) : false, ...extra }
  }

  onWorkspace(member: Member, workspaceId: string): Subject {
    return { member, leadsWorkspace: this.leads(member.id, workspaceId) }
  }

  /**
   * Asked by a connection for every update it sends: answered from memory until leads change here,
   * and asked of the database again after `recheckMs` (the admin CLI changes leads from another process).
   */
  canWrite(member: Member, documentId: string, recheckMs = 2000): boolean {
    const key = `${member.id}\u0000${documentId}`
    const now = performance.now()
    const cached = this.writeCache.get(key)
    if (cached && cached.generation === this.generation && now - cached.checkedAt < recheckMs) return cached.allowed
    const allowed = can(this.onDocument(member, documentId), 'document.write' satisfies Action)
    if (this.writeCache.size > 10_000) this.writeCache.clear()
    this.writeCache.set(key, { generation: this.generation, checkedAt: now, allowed })
    return allowed
  }
}
