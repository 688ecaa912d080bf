import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backends, testDatabase, type TestDatabase } from '../../tests/helpers/databases.ts'
import { MemberDirectory } from './members.ts'
import { Sessions } from './sessions.ts'

describe.each(backends)('Sessions on %s', (dialect) => {
  let database: TestDatabase
  beforeEach(async () => {
    database = await testDatabase(dialect)
  })
  afterEach(() => database.cleanup())

  it('remembers a session as ended only when there was one: made-up cookies at sign-out hold nothing', async () => {
    const { db } = await database.open()
    const sessions = new Sessions(db, { sessionTtlMs: 3_600_000, inviteTtlMs: 3_600_000 })
    const member = await new MemberDirectory(db).ensureMember('Delegate of Kenya', 'delegation', 'Kenya', 'african')
    const accepted = await sessions.acceptInvite(await sessions.createInvite(member.id))
    if (!('sessionToken' in accepted)) throw new Error(`the invite was refused: ${accepted.error}`)
    const { sessionToken } = accepted
    const expiresAt = (await sessions.authenticate(sessionToken))!.expiresAt

    for (let i = 0; i < 200; i++) expect(await sessions.end(`made-up-${i}`)).toBe(false)
    expect(await sessions.end('x'.repeat(10_000))).toBe(false)
    expect(await sessions.end('')).toBe(false)
    expect(sessions.endedHeld).toBe(0)
    expect(sessions.stillOpen(sessionToken, expiresAt)).toBe(true)

    expect(await sessions.end(sessionToken)).toBe(true)
    expect(sessions.endedHeld).toBe(1)
    expect(sessions.stillOpen(sessionToken, expiresAt)).toBe(false)
    expect(await sessions.authenticate(sessionToken)).toBeNull()
    // Ended twice: the second finds nothing to end.
    expect(await sessions.end(sessionToken)).toBe(false)
    expect(sessions.endedHeld).toBe(1)
  })

  it('replaces a member’s earlier invites with a new one: an older link, even unused, no longer signs in', async () => {
    const { db } = await database.open()
    const sessions = new Sessions(db, { sessionTtlMs: 3_600_000, inviteTtlMs: 3_600_000 })
    const directory = new MemberDirectory(db)
    const kenya = await directory.ensureMember('Delegate of Kenya', 'delegation', 'Kenya', 'african')
    const brazil = await directory.ensureMember('Delegate of Brazil', 'delegation', 'Brazil', 'latin-american-caribbean')
    const lost = await sessions.createInvite(kenya.id)
    const other = await sessions.createInvite(brazil.id)
    // Within the same millisecond too: the order is the database's, not the clock's.
    const sentAgain = await sessions.createInvite(kenya.id)
    expect(await sessions.acceptInvite(lost)).toEqual({ error: 'invite_replaced' })
    expect(await sessions.acceptInvite(sentAgain)).toMatchObject({ member: { id: kenya.id } })
    // Another member's invite is not touched; a used link stays used, whatever came after.
    expect(await sessions.acceptInvite(other)).toMatchObject({ member: { id: brazil.id } })
    await sessions.createInvite(kenya.id)
    expect(await sessions.acceptInvite(sentAgain)).toEqual({ error: 'invite_used' })
  })

  it('leaves one link of two invites made at the same moment, on two connections', async () => {
    const first = await database.open()
    // Two connections on PostgreSQL, as two instances have; on SQLite the server's one connection.
    const second = dialect === 'postgres' ? await database.open() : first
    const member = await new MemberDirectory(first.db).ensureMember('Delegate of Chile', 'delegation', 'Chile', 'latin-american-caribbean')
    const options = { sessionTtlMs: 3_600_000, inviteTtlMs: 3_600_000 }
    for (let round = 0; round < 10; round++) {
      await Promise.all([new Sessions(first.db, options).createInvite(member.id), new Sessions(second.db, options).createInvite(member.id)])
      const live = await first.db.selectFrom('invites').select('hash').where('member_id', '=', member.id).where('used_at', 'is', null).where('replaced_at', 'is', null).execute()
      expect(live).toHaveLength(1)
    }
  })
})
