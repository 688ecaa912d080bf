/** Browser sign-in: one-time invites exchanged for sessions held in an HttpOnly cookie. */
import type { Member } from '../../shared/schema/member.ts'
import { sql } from 'kysely'
import { inTransaction, lockKey, rowOf, type Db } from '../store/database.ts'
import { memberColumns } from './memberColumns.ts'
import { hashToken, newToken } from './tokens.ts'

export type InviteOutcome = { member: Member; sessionToken: string } | { error: 'invite_unknown' | 'invite_used' | 'invite_expired' | 'invite_replaced' }

export interface SessionOptions {
  sessionTtlMs: number
  inviteTtlMs: number
}

export class Sessions {
  /**
   * Sessions ended here since start (signed out), by hash: what `stillSignedIn` answers from, without a database round
   * trip. `sessionEnded` adds one ended elsewhere (another instance).
   */
  private readonly ended = new Map<string, number>()

  constructor(
    private readonly db: Db,
    private readonly options: SessionOptions,
  ) {}

  /**
   * A one-time invite for a member; the token is returned once and stored only as a hash. It replaces the member's
   * earlier invites not yet used: a link sent before (lost, forwarded, sent to the wrong address) no longer signs in.
   * (A session already opened with one goes on: revoking the member ends it.)
   */
  async createInvite(memberId: number): Promise<string> {
    const token = newToken()
    const now = Date.now()
    await inTransaction(this.db, async (trx) => {
      // One invite made at a time per member (two instances, a double click): each sees the one before it.
      await lockKey(trx, `invites:${memberId}`)
      // Marked, not compared by creation time: the order is the database's, whatever the clocks of those who invite.
      await trx.updateTable('invites').set({ replaced_at: now }).where('member_id', '=', memberId).where('used_at', 'is', null).where('replaced_at', 'is', null).execute()
      await trx.insertInto('invites').values({ hash: hashToken(token), member_id: memberId, created_at: now, expires_at: now + this.options.inviteTtlMs }).execute()
    })
    return token
  }

  /** Spends an invite and opens a session for its member. */
  acceptInvite(inviteToken: string): Promise<InviteOutcome> {
    return inTransaction(this.db, async (trx): Promise<InviteOutcome> => {
      const hash = hashToken(inviteToken)
      const invite = await rowOf(
        trx,
        sql<{ member_id: number; expires_at: number; used_at: number | null; replaced_at: number | null; revoked: number | boolean }>`
          SELECT i.member_id, i.expires_at, i.used_at, i.replaced_at, m.revoked_at IS NOT NULL AS revoked
          FROM invites i JOIN members m ON m.id = i.member_id WHERE i.hash = ${hash}`,
      )
      const now = Date.now()
      if (!invite || invite.revoked) return { error: 'invite_unknown' }
      if (invite.used_at !== null) return { error: 'invite_used' }
      if (invite.replaced_at !== null) return { error: 'invite_replaced' }
      if (invite.expires_at <= now) return { error: 'invite_expired' }
      const member = await rowOf(trx, sql<Member>`SELECT ${sql.raw(memberColumns())} FROM members m WHERE m.id = ${invite.member_id} AND m.revoked_at IS NULL`)
      if (!member) return { error: 'invite_unknown' }
      // Conditional: of two acceptances at once (two instances), one spends it; replaced meanwhile, none does.
      const spent = await trx
        .updateTable('invites')
        .set({ used_at: now })
        .where('hash', '=', hash)
        .where('used_at', 'is', null)
        .where('replaced_at', 'is', null)
        .executeTakeFirst()
      if (Number(spent.numUpdatedRows) === 0) {
        const after = await trx.selectFrom('invites').select('replaced_at').where('hash', '=', hash).executeTakeFirst()
        return { error: after && after.replaced_at !== null ? 'invite_replaced' : 'invite_used' }
      }
      const sessionToken = newToken()
      await trx
        .insertInto('sessions')
        .values({ hash: hashToken(sessionToken), member_id: member.id, created_at: now, expires_at: now + this.options.sessionTtlMs })
        .execute()
      return { member, sessionToken }
    })
  }

  async authenticate(sessionToken: string): Promise<(Member & { expiresAt: number }) | null> {
    if (sessionToken.length === 0 || sessionToken.length > 256) return null
    const row = await rowOf(
      this.db,
      sql<Member & { expiresAt: number }>`SELECT ${sql.raw(memberColumns())}, s.expires_at AS "expiresAt" FROM sessions s JOIN members m ON m.id = s.member_id
        WHERE s.hash = ${hashToken(sessionToken)} AND s.expires_at > ${Date.now()} AND m.revoked_at IS NULL`,
    )
    return row ?? null
  }

  /**
   * Whether a session authenticated before (expiring at `expiresAt`) is still open, from memory: ended here (or
   * reported by `sessionEnded`) or expired is no longer. A revoked member's connections close by revocation.
   */
  stillOpen(sessionToken: string, expiresAt: number): boolean {
    return Date.now() < expiresAt && !this.ended.has(hashToken(sessionToken))
  }

  /** A session ended elsewhere (another instance): `stillOpen` answers no for it from now on. */
  sessionEnded(hash: string, expiresAt = Date.now() + this.options.sessionTtlMs): void {
    this.ended.set(hash, expiresAt)
  }

  /**
   * Ends a session; whether there was one. Only a session that existed is remembered as ended (until it would have
   * expired): signing out needs no session, and made-up cookies must not grow what the server holds.
   */
  async end(sessionToken: string): Promise<boolean> {
    if (sessionToken.length === 0 || sessionToken.length > 256) return false
    const hash = hashToken(sessionToken)
    const row = await this.db.deleteFrom('sessions').where('hash', '=', hash).returning('expires_at').executeTakeFirst()
    if (!row) return false
    this.sessionEnded(hash, row.expires_at)
    return true
  }

  /** Sessions remembered as ended, until they would have expired. */
  get endedHeld(): number {
    return this.ended.size
  }

  async pruneExpired(): Promise<void> {
    const now = Date.now()
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute()
    for (const [hash, expiresAt] of this.ended) if (expiresAt <= now) this.ended.delete(hash)
  }
}
