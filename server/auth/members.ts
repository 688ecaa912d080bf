/** The members directory: who may connect, with which role, and their bearer tokens. */
import { ApiError } from '../../shared/errors/apiError.ts'
import type { Member, MemberRecord, RegionalGroup, Role } from '../../shared/schema/member.ts'
import { sql } from 'kysely'
import { inTransaction, lockKey, rowOf, rowsOf, type Db } from '../store/database.ts'
import { memberColumns } from './memberColumns.ts'
import type { Language } from '../../shared/i18n/languages.ts'
import { hashToken, newToken } from './tokens.ts'

/** A change to the directory that conflicts with who is in it (409). */
export class MemberError extends ApiError {
  constructor(code: 'member_role_conflict' | 'member_revoked' | 'last_secretariat', message: string) {
    super(409, code, message)
  }
}

// Transactions that read and then write are IMMEDIATE on SQLite (a deferred one cannot upgrade to a write when another
// process has written meanwhile) and hold the directory's lock on PostgreSQL (two instances at once).
const columns = memberColumns()
const directoryLock = 'members'

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
  /** Called with a member's id after their role, delegation or regional group changed. */
  readonly changeListeners = new Set<(memberId: number) => void>()
  /** Called with a member's id once they are revoked: their open connections must close. */
  readonly revokeListeners = new Set<(memberId: number) => void>()

  constructor(private readonly db: Db) {}

  private byName(db: Db, name: string): Promise<Member | undefined> {
    return rowOf(db, sql<Member>`SELECT ${sql.raw(columns)} FROM members m WHERE name = ${name} AND revoked_at IS NULL`)
  }

  private byId(db: Db, id: number): Promise<Member | undefined> {
    return rowOf(db, sql<Member>`SELECT ${sql.raw(columns)} FROM members m WHERE id = ${id} AND revoked_at IS NULL`)
  }

  /**
   * Adds a member, or returns the existing one of that name if it holds the same role, with the delegation and
   * regional group given here (when given) recorded.
   */
  ensureMember(name: string, role: Role, delegation: string | null = null, regionalGroup: RegionalGroup | null = null): Promise<Member> {
    return inTransaction(this.db, async (trx) => {
      await lockKey(trx, directoryLock)
      const existing = await this.byName(trx, name)
      if (existing) {
        if (existing.role !== role) {
          throw new MemberError('member_role_conflict', `member "${name}" exists with role ${existing.role}, not ${role}`)
        }
        return this.updateDetails(trx, existing, { delegation, regionalGroup })
      }
      return this.insert(trx, { name, role, delegation, regionalGroup })
    })
  }

  /**
   * Adds a new member; a name already in use, by a current or a revoked member, is refused. `alongside` runs in the
   * same transaction, on it (the workspaces they lead): if it throws, the member is not created either.
   */
  create(input: NewMember, alongside?: (member: Member, trx: Db) => Promise<void>): Promise<Member> {
    return inTransaction(this.db, async (trx) => {
      await lockKey(trx, directoryLock)
      const existing = await this.byName(trx, input.name)
      if (existing) throw new MemberError('member_role_conflict', `a member named "${input.name}" exists already`)
      const member = await this.insert(trx, input)
      await alongside?.(member, trx)
      return member
    })
  }

  /**
   * Records a member's role, delegation and regional group; null or undefined leaves that field as it is. A
   * stakeholder leads no workspace, so becoming one ends the member's leads. Listeners hear of every change:
   * open connections carry the member as they were, and must be opened again.
   */
  async update(id: number, details: MemberDetails): Promise<Member | null> {
    const result = await inTransaction(this.db, async (trx) => {
      await lockKey(trx, directoryLock)
      const member = await this.byId(trx, id)
      if (!member) return null
      if (member.role === 'secretariat' && details.role && details.role !== 'secretariat') await this.keepOneSecretariat(trx, member)
      const next = await this.updateDetails(trx, member, details)
      if (next.role === 'stakeholder' && member.role !== 'stakeholder') await trx.deleteFrom('workspace_leads').where('member_id', '=', id).execute()
      return { member: next, changed: JSON.stringify(next) !== JSON.stringify(member) }
    })
    if (result?.changed) for (const listener of this.changeListeners) listener(id)
    return result?.member ?? null
  }

  /** Refuses to take the last current secretariat member away: no one could manage members any more. */
  private async keepOneSecretariat(trx: Db, member: Member): Promise<void> {
    const { n } = await trx
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'secretariat')
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow()
    if (Number(n) <= 1) {
      throw new MemberError('last_secretariat', `${member.name} is the last member of the secretariat; add another first`)
    }
  }

  private async updateDetails(trx: Db, member: Member, { role, delegation, regionalGroup }: MemberDetails): Promise<Member> {
    const next = {
      ...member,
      role: role ?? member.role,
      delegation: delegation ?? member.delegation,
      regionalGroup: regionalGroup ?? member.regionalGroup,
    }
    if (next.role !== member.role || next.delegation !== member.delegation || next.regionalGroup !== member.regionalGroup) {
      await trx
        .updateTable('members')
        .set({ role: next.role, delegation: next.delegation, regional_group: next.regionalGroup })
        .where('id', '=', member.id)
        .execute()
    }
    return next
  }

  private async insert(trx: Db, { name, role, delegation = null, regionalGroup = null }: NewMember): Promise<Member> {
    const revoked = await trx.selectFrom('members').select('id').where('name', '=', name).where('revoked_at', 'is not', null).executeTakeFirst()
    if (revoked) throw new MemberError('member_revoked', `"${name}" names a revoked member; choose another name`)
    const { id } = await trx
      .insertInto('members')
      .values({ name, role, delegation, regional_group: regionalGroup, created_at: Date.now() })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { id, name, role, delegation, regionalGroup }
  }

  /**
   * Revokes a member at once: their tokens and sessions stop working, and listeners close their
   * open connections. Returns false when there is no such current member.
   */
  async revoke(memberId: number): Promise<boolean> {
    const revoked = await inTransaction(this.db, async (trx) => {
      await lockKey(trx, directoryLock)
      const member = await this.byId(trx, memberId)
      if (member?.role === 'secretariat') await this.keepOneSecretariat(trx, member)
      const now = Date.now()
      const changed = await trx.updateTable('members').set({ revoked_at: now }).where('id', '=', memberId).where('revoked_at', 'is', null).executeTakeFirst()
      if (Number(changed.numUpdatedRows) === 0) return false
      await trx.updateTable('tokens').set({ revoked_at: now }).where('member_id', '=', memberId).where('revoked_at', 'is', null).execute()
      await trx.deleteFrom('sessions').where('member_id', '=', memberId).execute()
      return true
    })
    if (revoked) for (const listener of this.revokeListeners) listener(memberId)
    return revoked
  }

  async get(id: number): Promise<Member | null> {
    return (await this.byId(this.db, id)) ?? null
  }

  /** Issues a new bearer token for a member; the token itself is returned once and never stored. */
  async issueToken(memberId: number): Promise<string> {
    const token = newToken()
    await this.db.insertInto('tokens').values({ hash: hashToken(token), member_id: memberId, created_at: Date.now() }).execute()
    return token
  }

  async authenticateToken(token: string): Promise<Member | null> {
    if (token.length === 0 || token.length > 256) return null
    const member = await rowOf(
      this.db,
      sql<Member>`SELECT ${sql.raw(columns)} FROM tokens t JOIN members m ON m.id = t.member_id
        WHERE t.hash = ${hashToken(token)} AND t.revoked_at IS NULL AND m.revoked_at IS NULL`,
    )
    return member ?? null
  }

  /** Those of `ids` whose membership has been revoked. */
  async revokedAmong(ids: Iterable<number>): Promise<number[]> {
    const list = [...ids]
    if (list.length === 0) return []
    const rows = await this.db.selectFrom('members').select('id').where('revoked_at', 'is not', null).where('id', 'in', list).execute()
    return rows.map((row) => row.id)
  }

  /** Every member, current ones first, with the workspaces they lead. */
  async list(): Promise<MemberRecord[]> {
    const members = await rowsOf(
      this.db,
      sql<Omit<MemberRecord, 'leads'>>`SELECT ${sql.raw(columns)}, m.created_at AS "createdAt", m.revoked_at AS "revokedAt"
        FROM members m ORDER BY m.revoked_at IS NOT NULL, m.id`,
    )
    const leads = await this.db.selectFrom('workspace_leads').select(['member_id', 'workspace_id']).orderBy('workspace_id').execute()
    return members.map((member) => ({ ...member, leads: leads.filter((lead) => lead.member_id === member.id).map((lead) => lead.workspace_id) }))
  }

  /** A member, current or revoked, as the secretariat sees it. */
  async record(id: number): Promise<MemberRecord | null> {
    return (await this.list()).find((member) => member.id === id) ?? null
  }

  /** The interface language the member chose, or null when they have not chosen one. */
  async language(id: number): Promise<Language | null> {
    const row = await this.db.selectFrom('members').select('language').where('id', '=', id).executeTakeFirst()
    return (row?.language as Language | null | undefined) ?? null
  }

  /** Remembers the interface language a member chose (their own choice: nothing else about them changes). */
  async setLanguage(id: number, language: Language): Promise<void> {
    await this.db.updateTable('members').set({ language }).where('id', '=', id).execute()
  }

  async isEmpty(): Promise<boolean> {
    return (await this.db.selectFrom('members').select('id').limit(1).executeTakeFirst()) === undefined
  }
}
