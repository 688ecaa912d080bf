import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../helpers/http.ts'
import { upgradeStatus } from '../helpers/rawSocket.ts'
import { mintToken, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

/** Spends a fresh invite of a new member, the way a browser behind a proxy would; answers the Set-Cookie header. */
async function signInThroughProxy(server: TestServer, secretariat: ApiClient, name: string): Promise<string> {
  const invited = await secretariat.post('/api/members', { name, role: 'delegation', delegation: name })
  expect(invited.status).toBe(201)
  const token = String(invited.json.inviteUrl).split('#invite=')[1]
  const response = await fetch(`${server.url}/api/auth/invite`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
    body: JSON.stringify({ token }),
  })
  expect(response.status).toBe(200)
  return response.headers.get('set-cookie') ?? ''
}

describe('HTTP hardening', () => {
  let server: TestServer
  let proxied: TestServer
  let httpsPublic: TestServer
  let token: string
  let proxiedToken: string
  let httpsPublicToken: string

  beforeAll(async () => {
    const dataDir = tempDataDir()
    token = await mintToken(dataDir, 'Secretariat', 'secretariat')
    const proxiedDir = tempDataDir()
    proxiedToken = await mintToken(proxiedDir, 'Secretariat', 'secretariat')
    const httpsPublicDir = tempDataDir()
    httpsPublicToken = await mintToken(httpsPublicDir, 'Secretariat', 'secretariat')
    ;[server, proxied, httpsPublic] = await Promise.all([
      startTestServer(dataDir),
      startTestServer(proxiedDir, { TRUST_PROXY: '10.0.0.1, 127.0.0.1' }),
      startTestServer(httpsPublicDir, { PUBLIC_URL: 'https://dtg.example.org' }),
    ])
  })
  afterAll(async () => {
    await Promise.all([server?.stop(), proxied?.stop(), httpsPublic?.stop()])
  })

  it('sends nosniff, a Content-Security-Policy with frame-ancestors none, and refuses framing on every kind of response', async () => {
    const answers = [
      await fetch(`${server.url}/healthz`),
      await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } }),
      await fetch(`${server.url}/api/me`),
      await fetch(`${server.url}/api/no-such-route`, { headers: { authorization: `Bearer ${token}` } }),
    ]
    for (const response of answers) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      const policy = response.headers.get('content-security-policy') ?? ''
      expect(policy).toContain("frame-ancestors 'none'")
      expect(policy).toContain("default-src 'self'")
      expect(policy).toContain("script-src 'self'")
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/)
      expect(response.headers.get('x-frame-options')).toBe('DENY')
    }
  })

  it('refuses a token in the address on REST (401), takes it as a bearer header, and still on the WebSocket upgrade', async () => {
    const inQuery = await fetch(`${server.url}/api/me?token=${token}`)
    expect(inQuery.status).toBe(401)
    expect((await inQuery.json()).error.code).toBe('token_in_query')
    const documents = await fetch(`${server.url}/api/workspaces?token=${token}`)
    expect(documents.status).toBe(401)
    expect((await new ApiClient(server.url, token).get('/api/me')).status).toBe(200)
    expect(await upgradeStatus(`${server.wsUrl}/any-document?token=${token}`)).toBe(101)
  })

  it('marks the session cookie Secure from X-Forwarded-Proto only when the request comes from a TRUST_PROXY address', async () => {
    const direct = await signInThroughProxy(server, new ApiClient(server.url, token), 'Untrusted path')
    expect(direct).toMatch(/^dtg_session=/)
    expect(direct).not.toMatch(/;\s*Secure/i)
    const throughProxy = await signInThroughProxy(proxied, new ApiClient(proxied.url, proxiedToken), 'Trusted path')
    expect(throughProxy).toMatch(/^dtg_session=/)
    expect(throughProxy).toMatch(/;\s*Secure/i)
    // Behind a proxy not listed in TRUST_PROXY, an https PUBLIC_URL still makes it Secure.
    const httpsAddress = await signInThroughProxy(httpsPublic, new ApiClient(httpsPublic.url, httpsPublicToken), 'Public https path')
    expect(httpsAddress).toMatch(/^dtg_session=/)
    expect(httpsAddress).toMatch(/;\s*Secure/i)
  })
})
