/** Browser sign-in: one-time invites exchanged for sessions held in an HttpOnly cookie. */
import type { Member } from '../../shared/schema/member.ts'
import type { Sqlite } from '../store/sqlite.ts'
import { memberColumns } from './memberColumns.ts'
import { hashToken, newToken } from './tokens.ts'

export type InviteOutcome = { member: Member; sessionToken: string } | { error: 'invite_unknown' | 'invite_used' | 'invite_expired' }

export interface SessionOptions {
  sessionTtlMs: number
  inviteTtlMs: number
}

export class Sessions {
  private readonly insertInvite
  private readonly selectInvite
  private readonly spendInvite
  private readonly insertSession
  private readonly selectSession
  private readonly deleteSession
  private readonly deleteExpired

  constructor(
    private readonly db: Sqlite,
    private readonly options: SessionOptions,
  ) {
    this.insertInvite = db.prepare<[string, number, number, number]>(
      'INSERT INTO invites (hash, member_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    )
    this.selectInvite = db.prepare<[string], { member_id: number; expires_at: number; used_at: number | null; revoked: number }>(
      `SELECT i.member_id, i.expires_at, i.used_at, m.revoked_at IS NOT NULL AS revoked
       FROM invites i JOIN members m ON m.id = i.member_id WHERE i.hash = ?`,
    )
    this.spendInvite = db.prepare<[number, string]>('UPDATE invites SET used_at = ? WHERE hash = ? AND used_at IS NULL')
    this.insertSession = db.prepare<[string, number, number, number]>(
      'INSERT INTO sessions (hash, member_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    )
    this.selectSession = db.prepare<[string, number], Member>(
      `SELECT ${memberColumns()} FROM sessions s JOIN members m ON m.id = s.member_id
       WHERE s.hash = ? AND s.expires_at > ? AND m.revoked_at IS NULL`,
    )
    this.deleteSession = db.prepare<[string]>('DELETE FROM sessions WHERE hash = ?')
    this.deleteExpired = db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?')
  }

  /** A one-time invite for a member; the token is returned once and stored only as a hash. */
  createInvite(memberId: number): string {
    const token = newToken()
    const now = Date.now()
    this.insertInvite.run(hashToken(token), memberId, now, now + this.options.inviteTtlMs)
    return token
  }

  /** Spends an invite and opens a session for its member. */
  acceptInvite(inviteToken: string, lookup: (memberId: number) => Member | null): InviteOutcome {
    return this.db.transaction((): InviteOutcome => {
      const hash = hashToken(inviteToken)
      const invite = this.selectInvite.get(hash)
      const now = Date.now()
      if (!invite || invite.revoked) return { error: 'invite_unknown' }
      if (invite.used_at !== null) return { error: 'invite_used' }
      if (invite.expires_at <= now) return { error: 'invite_expired' }
      const member = lookup(invite.member_id)
      if (!member) return { error: 'invite_unknown' }
      this.spendInvite.run(now, hash)
      const sessionToken = newToken()
      this.insertSession.run(hashToken(sessionToken), member.id, now, now + this.options.sessionTtlMs)
      return { member, sessionToken }
    }).immediate()
  }

  authenticate(sessionToken: string): Member | null {
    if (sessionToken.length === 0 || sessionToken.length > 256) return null
    return this.selectSession.get(hashToken(sessionToken), Date.now()) ?? null
  }

  end(sessionToken: string): void {
    this.deleteSession.run(hashToken(sessionToken))
  }

  pruneExpired(): void {
    this.deleteExpired.run(Date.now())
  }
}
