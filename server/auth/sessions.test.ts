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
})
