/** The admin CLI prints invite links with the address the server really listens at, not the default port. */
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { repoRoot, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

function inviteOutput(dataDir: string, env: Record<string, string> = {}): string {
  const { PORT: _port, PUBLIC_URL: _publicUrl, ...inherited } = process.env
  return execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'invite', '--name', 'Delegate of Peru', '--role', 'delegation', '--delegation', 'Peru'], {
    cwd: repoRoot,
    env: { ...inherited, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  })
}

describe('invite links from the admin CLI', () => {
  let server: TestServer

  beforeAll(async () => {
    // PORT=0: the server picks a free port, which the CLI's shell cannot know.
    server = await startTestServer(tempDataDir())
  })
  afterAll(() => server?.stop())

  test('start with the server\'s real address, and sign in there', async () => {
    expect(server.port).not.toBe(8080)
    const link = new URL(inviteOutput(server.dataDir).trim().split('\n').at(-1)!)
    expect(link.origin).toBe(server.url)
    const response = await fetch(`${link.origin}/api/auth/invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: link.origin },
      body: JSON.stringify({ token: link.hash.replace('#invite=', '') }),
    })
    expect(response.status).toBe(200)
  })

  test('PUBLIC_URL, when set, still wins', () => {
    const link = inviteOutput(server.dataDir, { PUBLIC_URL: 'https://dtg.example.org/' }).trim().split('\n').at(-1)!
    expect(link.startsWith('https://dtg.example.org/#invite=')).toBe(true)
  })

  test('a data directory no server has started with falls back to HOST:PORT', () => {
    const link = inviteOutput(tempDataDir(), { PORT: '9123' }).trim().split('\n').at(-1)!
    expect(link.startsWith('http://127.0.0.1:9123/#invite=')).toBe(true)
  })
})
