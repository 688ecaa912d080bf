/**
 * A small cookie-keeping HTTP client for the REST API, like one browser profile. Every JSON answer is checked against
 * its route's shared schema (tests/helpers/responseSchemas.ts): a route that answers another shape fails the test.
 */
import { checkResponse } from './responseSchemas.ts'

export class ApiClient {
  private cookie: string | null = null

  constructor(
    readonly baseUrl: string,
    private readonly bearer: string | null = null,
  ) {}

  get sessionCookie(): string | null {
    return this.cookie
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const setCookie = response.headers.get('set-cookie')
    if (setCookie) {
      const pair = setCookie.split(';')[0]
      this.cookie = pair.endsWith('=') ? null : pair
    }
    const text = await response.text()
    let json: any = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = text
    }
    if (response.headers.get('content-type')?.startsWith('application/json')) checkResponse(method, path, response.status, json)
    return { status: response.status, json, headers: response.headers }
  }

  get = (path: string) => this.request('GET', path)
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {})
  put = (path: string, body?: unknown) => this.request('PUT', path, body)
}
