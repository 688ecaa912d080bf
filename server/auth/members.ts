/** The members directory: who may connect, with which role, and their bearer tokens. */
import { ApiError } from '../../shared/errors/apiError.ts'
import type { Member, MemberRecord, RegionalGroup, Role } from '../../shared/schema/member.ts'
import type { Sqlite } from '../store/sqlite.ts'
import { memberColumns } from './memberColumns.ts'
import type { Language } from '../../shared/i18n/languages.ts'
import { hashToken, newToken } from './tokens.ts'

/** A change to the directory that conflicts with who is in it (409). */
export class MemberError extends ApiError {
  constructor(code: 'member_role_conflict' | 'member_revoked' | 'last_secretariat', message: string) {
    super(409, code, message)
  }
}

// Transactions that read and then write are IMMEDIATE: a deferred one cannot upgrade to a write when another
// process (the admin CLI, the server) has written meanwhile, and fails at once with "database is locked".
const columns = memberColumns()


export interface MemberDetails {
  role?: Role | null
  delegation?: string | null
  regionalGroup?: RegionalGroup | null
}

export interface NewMember {
  name: string
  role: Role
  delegation?: string | null
  regionalGroup?: RegionalGroup | null
}

export class MemberDirectory {
  private readonly byName
  private readonly byId
  private readonly insertMember
  private readonly insertToken
  private readonly byTokenHash
  private readonly all
  private readonly revokedByName
  private readonly leadsOf
  private readonly revokeMember
  private readonly revokeTokens
  private readonly updateMember
  private readonly revokedIn
  private readonly endLeads
  private readonly secretariatCount
  /** Called with a member's id after their role, delegation or regional group changed. */
  readonly changeListeners = new Set<(memberId: number) => void>()
  private readonly endSessions
  /** Called with a member's id once they are revoked: their open connections must close. */
  readonly revokeListeners = new Set<(memberId: number) => void>()

  constructor(private readonly db: Sqlite) {
    this.byName = db.prepare<[string], Member>(`SELECT ${columns} FROM members m WHERE name = ? AND revoked_at IS NULL`)
    this.byId = db.prepare<[number], Member>(`SELECT ${columns} FROM members m WHERE id = ? AND revoked_at IS NULL`)
    this.insertMember = db.prepare<[string, Role, string | null, string | null, number]>(
      'INSERT INTO members (name, role, delegation, regional_group, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    this.revokedByName = db.prepare<[string], { id: number }>('SELECT id FROM members WHERE name = ? AND revoked_at IS NOT NULL')
    this.leadsOf = db.prepare<[number], { workspaceId: string }>(
      'SELECT workspace_id AS workspaceId FROM workspace_leads WHERE member_id = ? ORDER BY workspace_id',
    )
    this.revokeMember = db.prepare<[number, number]>('UPDATE members SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
    this.revokeTokens = db.prepare<[number, number]>('UPDATE tokens SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL')
    this.endSessions = db.prepare<[number]>('DELETE FROM sessions WHERE member_id = ?')
    this.revokedIn = db.prepare<[string], { id: number }>(
      'SELECT id FROM members WHERE revoked_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))',
    )
    this.updateMember = db.prepare<[Role, string | null, string | null, number]>(
      'UPDATE members SET role = ?, delegation = ?, regional_group = ? WHERE id = ?',
    )
    this.endLeads = db.prepare<[number]>('DELETE FROM workspace_leads WHERE member_id = ?')
    this.secretariatCount = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM members WHERE role = 'secretariat' AND revoked_at IS NULL")
    this.insertToken = db.prepare<[string, number, number]>('INSERT INTO tokens (hash, member_id, created_at) VALUES (?, ?, ?)')
    this.byTokenHash = db.prepare<[string], Member>(
      `SELECT ${columns} FROM tokens t JOIN members m ON m.id = t.member_id
       WHERE t.hash = ? AND t.revoked_at IS NULL AND m.revoked_at IS NULL`,
    )
    this.all = db.prepare<[], Omit<MemberRecord, 'leads'>>(
      `SELECT ${columns}, m.created_at AS createdAt, m.revoked_at AS revokedAt FROM members m ORDER BY revoked_at IS NOT NULL, id`,
    )
  }

  /**
   * Adds a member, or returns the existing one of that name if it holds the same role, with the delegation and
   * regional group given here (when given) recorded.
   */
  ensureMember(name: string, role: Role, delegation: string | null = null, regionalGroup: RegionalGroup | null = null): Member {
    return this.db.transaction(() => {
      const existing = this.byName.get(name)
      if (existing) {
        if (existing.role !== role) {
          throw new MemberError('member_role_conflict', `member "${name}" exists with role ${existing.role}, not ${role}`)
        }
        return this.updateDetails(existing, { delegation, regionalGroup })
      }
      return this.insert({ name, role, delegation, regionalGroup })
    }).immediate()
  }

  /**
   * Adds a new member; a name already in use, by a current or a revoked member, is refused. `alongside` runs in the
   * same transaction (the workspaces they lead): if it throws, the member is not created either.
   */
  create(input: NewMember, alongside?: (member: Member) => void): Member {
    return this.db.transaction(() => {
      const existing = this.byName.get(input.name)
      if (existing) throw new MemberError('member_role_conflict', `a member named "${input.name}" exists already`)
      const member = this.insert(input)
      alongside?.(member)
      return member
    }).immediate()
  }

  /**
   * Records a member's role, delegation and regional group; null or undefined leaves that field as it is. A
   * stakeholder leads no workspace, so becoming one ends the member's leads. Listeners hear of every change:
   * open connections carry the member as they were, and must be opened again.
   */
  update(id: number, details: MemberDetails): Member | null {
    const result = this.db.transaction(() => {
      const member = this.byId.get(id)
      if (!member) return null
      if (member.role === 'secretariat' && details.role && details.role !== 'secretariat') this.keepOneSecretariat(member)
      const next = this.updateDetails(member, details)
      if (next.role === 'stakeholder' && member.role !== 'stakeholder') this.endLeads.run(id)
      return { member: next, changed: JSON.stringify(next) !== JSON.stringify(member) }
    }).immediate()
    if (result?.changed) for (const listener of this.changeListeners) listener(id)
    return result?.member ?? null
  }

  /** Refuses to take the last current secretariat member away: no one could manage members any more. */
  private keepOneSecretariat(member: Member): void {
    if (this.secretariatCount.get()!.n <= 1) {
      throw new MemberError('last_secretariat', `${member.name} is the last member of the secretariat; add another first`)
    }
  }

  private updateDetails(member: Member, { role, delegation, regionalGroup }: MemberDetails): Member {
    const next = {
      ...member,
      role: role ?? member.role,
      delegation: delegation ?? member.delegation,
      regionalGroup: regionalGroup ?? member.regionalGroup,
    }
    if (next.role !== member.role || next.delegation !== member.delegation || next.regionalGroup !== member.regionalGroup) {
      this.updateMember.run(next.role, next.delegation, next.regionalGroup, member.id)
    }
    return next
  }

  private insert({ name, role, delegation = null, regionalGroup = null }: NewMember): Member {
    if (this.revokedByName.get(name)) {
      throw new MemberError('member_revoked', `"${name}" names a revoked member; choose another name`)
    }
    const id = Number(this.insertMember.run(name, role, delegation, regionalGroup, Date.now()).lastInsertRowid)
    return { id, name, role, delegation, regionalGroup }
  }

  /**
   * Revokes a member at once: their tokens and sessions stop working, and listeners close their
   * open connections. Returns false when there is no such current member.
   */
  revoke(memberId: number): boolean {
    const revoked = this.db.transaction(() => {
      const member = this.byId.get(memberId)
      if (member?.role === 'secretariat') this.keepOneSecretariat(member)
      const now = Date.now()
      if (this.revokeMember.run(now, memberId).changes === 0) return false
      this.revokeTokens.run(now, memberId)
      this.endSessions.run(memberId)
      return true
    }).immediate()
    if (revoked) for (const listener of this.revokeListeners) listener(memberId)
    return revoked
  }

  get(id: number): Member | null {
    return this.byId.get(id) ?? null
  }

  /** Issues a new bearer token for a member; the token itself is returned once and never stored. */
  issueToken(memberId: number): string {
    const token = newToken()
    this.insertToken.run(hashToken(token), memberId, Date.now())
    return token
  }

  authenticateToken(token: string): Member | null {
    if (token.length === 0 || token.length > 256) return null
    return this.byTokenHash.get(hashToken(token)) ?? null
  }

  /** Those of `ids` whose membership has been revoked. */
  revokedAmong(ids: Iterable<number>): number[] {
    const list = [...ids]
    if (list.length === 0) return []
    return this.revokedIn.all(JSON.stringify(list)).map((row) => row.id)
  }

  /** Every member, current ones first, with the workspaces they lead. */
  list(): MemberRecord[] {
    return this.all.all().map((member) => ({ ...member, leads: this.leadsOf.all(member.id).map((row) => row.workspaceId) }))
  }

  /** A member, current or revoked, as the secretariat sees it. */
  record(id: number): MemberRecord | null {
    return this.list().find((member) => member.id === id) ?? null
  }

  /** The interface language the member chose, or null when they have not chosen one. */
  language(id: number): Language | null {
    const row = this.db.prepare('SELECT language FROM members WHERE id = ?').get(id) as { language: Language | null } | undefined
    return row?.language ?? null
  }

  /** Remembers the interface language a member chose (their own choice: nothing else about them changes). */
  setLanguage(id: number, language: Language): void {
    this.db.prepare('UPDATE members SET language = ? WHERE id = ?').run(language, id)
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM members LIMIT 1').get() === undefined
  }
}
