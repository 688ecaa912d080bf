/**
 * Failed sign-ins per client address: unknown invite links and bearer tokens past the address's rate are refused (429
 * with Retry-After) before they are looked up, tokens and invites alike; sessions already open from that address go
 * on, and an invite that was real once (used) counts for nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import WebSocket from 'ws'
import { MemberDirectory } from '../../server/auth/members.ts'
import { Sessions } from '../../server/auth/sessions.ts'
import { ApiClient } from '../helpers/http.ts'
import { mintToken, openTestDatabase, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

let server: TestServer
let dataDir: string
let token: string

async function inviteFor(name: string): Promise<string> {
  const database = await openTestDatabase(dataDir)
  try {
    const member = await new MemberDirectory(database.db).ensureMember(name, 'delegation', name, null)
    return await new Sessions(database.db, { sessionTtlMs: 3_600_000, inviteTtlMs: 3_600_000 }).createInvite(member.id)
  } finally {
    await database.close()
  }
}

beforeAll(async () => {
  dataDir = tempDataDir()
  token = await mintToken(dataDir, 'Export robot', 'secretariat')
  // Three failures at once, then one a minute.
  server = await startTestServer(dataDir, { FAILED_SIGN_INS_PER_MINUTE: '1', FAILED_SIGN_IN_BURST: '3' })
})
afterAll(async () => {
  expect(await server?.stop()).toBe(0)
})

it('refuses an address its tokens and invites once it has guessed too often, never the sessions open from it', async () => {
  // A delegate signed in before, from the same address (one office, one address).
  const delegate = new ApiClient(server.url)
  const invite = await inviteFor('Kenya')
  expect((await delegate.post('/api/auth/invite', { token: invite })).status).toBe(200)
  // The same link opened again: used, and no guess.
  for (let i = 0; i < 5; i++) expect((await new ApiClient(server.url).post('/api/auth/invite', { token: invite })).json.error.code).toBe('invite_used')

  // Three guesses: each answered for what it is.
  const guesser = new ApiClient(server.url)
  expect((await guesser.post('/api/auth/invite', { token: 'not-an-invite-1' })).json.error.code).toBe('invite_unknown')
  expect((await new ApiClient(server.url, 'not-a-token').get('/api/me')).json.error.code).toBe('invalid_token')
  expect((await guesser.post('/api/auth/invite', { token: 'not-an-invite-2' })).json.error.code).toBe('invite_unknown')
  // Past the burst: refused before being looked up, with when to come back, a real token or invite included.
  const refused = await guesser.post('/api/auth/invite', { token: await inviteFor('Brazil') })
  expect(refused.status).toBe(429)
  expect(refused.json.error.code).toBe('too_many_failed_sign_ins')
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  const robot = await new ApiClient(server.url, token).get('/api/me')
  expect(robot.status).toBe(429)
  expect(robot.json.error.code).toBe('too_many_failed_sign_ins')
  // The WebSocket upgrade with a token in the address too.
  const upgrade = await new Promise<number>((resolve) => {
    const socket = new WebSocket(`${server.wsUrl}/any-document?token=${token}`)
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
    socket.on('open', () => {
      socket.close()
      resolve(101)
    })
    socket.on('error', () => {})
  })
  expect(upgrade).toBe(429)
  // The delegate's session goes on.
  expect((await delegate.get('/api/me')).status).toBe(200)
})
