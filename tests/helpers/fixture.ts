/** Servers and clients a test file starts, stopped after each test. */
import { afterEach } from 'vitest'
import { connectClient, type TestClient } from './clients.ts'
import { startTestServer, type TestServer } from './server.ts'

export function serversPerTest({ stopWith = 'stop' }: { stopWith?: 'stop' | 'kill9' } = {}) {
  const servers: TestServer[] = []
  const clients: TestClient[] = []
  afterEach(async (context) => {
    // A failed test shows what its servers logged: the only trace of a fault on the server's side.
    if (context.task.result?.state === 'fail') {
      for (const s of servers) console.error(`server on port ${s.port} logged:\n${s.logs().split('\n').slice(-200).join('\n')}`)
    }
    for (const c of clients.splice(0)) c.destroy()
    for (const s of servers.splice(0)) await (stopWith === 'kill9' ? s.kill9() : s.stop())
  })
  return {
    async start(dataDir: string, env?: Record<string, string>) {
      const server = await startTestServer(dataDir, env)
      servers.push(server)
      return server
    },
    client(server: TestServer, documentId: string, token: string) {
      const c = connectClient(server.wsUrl, documentId, token)
      clients.push(c)
      return c
    },
  }
}
