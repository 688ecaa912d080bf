/** The members directory: who may connect, with which role, and their bearer tokens. */
import type { Member, Role } from '../../shared/schema/member.ts'
import type { Sqlite } from '../store/sqlite.ts'
import { hashToken, newToken } from './tokens.ts'

export class MemberError extends Error {
  constructor(
    readonly code: 'member_role_conflict',
    message: string,
  ) {
    super(message)
  }
}

const memberColumns = 'm.id, m.name, m.role, m.delegation'

export class MemberDirectory {
  private readonly byName
  private readonly byId
  private readonly insertMember
  private readonly insertToken
  private readonly byTokenHash
  private readonly all

  constructor(private readonly db: Sqlite) {
    this.byName = db.prepare<[string], Member>(`SELECT ${memberColumns} FROM members m WHERE name = ? AND revoked_at IS NULL`)
    this.byId = db.prepare<[number], Member>(`SELECT ${memberColumns} FROM members m WHERE id = ? AND revoked_at IS NULL`)
    this.insertMember = db.prepare<[string, Role, string | null, number]>(
      'INSERT INTO members (name, role, delegation, created_at) VALUES (?, ?, ?, ?)',
    )
    this.insertToken = db.prepare<[string, number, number]>('INSERT INTO tokens (hash, member_id, created_at) VALUES (?, ?, ?)')
    this.byTokenHash = db.prepare<[string], Member>(
      `SELECT ${memberColumns} FROM tokens t JOIN members m ON m.id = t.member_id
       WHERE t.hash = ? AND t.revoked_at IS NULL AND m.revoked_at IS NULL`,
    )
    this.all = db.prepare<[], Member & { createdAt: number }>(
      `SELECT ${memberColumns}, m.created_at AS createdAt FROM members m WHERE revoked_at IS NULL ORDER BY id`,
    )
  }

  /** Adds a member, or returns the existing one of that name if it holds the same role. */
  ensureMember(name: string, role: Role, delegation: string | null = null): Member {
    return this.db.transaction(() => {
      const existing = this.byName.get(name)
      if (existing) {
        if (existing.role !== role) {
          throw new MemberError('member_role_conflict', `member "${name}" exists with role ${existing.role}, not ${role}`)
        }
        return existing
      }
      const id = Number(this.insertMember.run(name, role, delegation, Date.now()).lastInsertRowid)
      return { id, name, role, delegation }
    })()
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

  list(): Array<Member & { createdAt: number }> {
    return this.all.all()
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM members LIMIT 1').get() === undefined
  }
}
