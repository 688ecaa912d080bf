/** The generated worker, run in a VM against an in-memory Cache Storage and a network that can be cut. */
import vm from 'node:vm'
import { describe, expect, test } from 'vitest'
import { cachePrefix, takeOverMessage, workerSource } from './workerSource.ts'

const origin = 'https://dtg.example.org'

function runWorker(precache: string[]) {
  const stores = new Map<string, Map<string, Response>>()
  const key = (request: Request | string) => new URL(typeof request === 'string' ? request : request.url, origin).href
  const caches = {
    open: async (name: string) => {
      const entries = stores.get(name) ?? new Map<string, Response>()
      stores.set(name, entries)
      return {
        addAll: async (requests: Request[]) => {
          for (const request of requests) entries.set(key(request), await network(request))
        },
        put: async (request: Request | string, response: Response) => void entries.set(key(request), response),
        match: async (request: Request | string) => entries.get(key(request))?.clone(),
      }
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  }
  let online = true
  const fetched: string[] = []
  const network = async (request: Request | string) => {
    const url = key(request)
    fetched.push(new URL(url).pathname)
    if (!online) throw new TypeError('Failed to fetch')
    const pathname = new URL(url).pathname
    const type = pathname.startsWith('/assets/') || pathname.endsWith('.json') ? 'text/javascript' : 'text/html'
    return new Response(`body of ${pathname}`, { status: 200, headers: { 'content-type': type } })
  }
  const listeners = new Map<string, (event: unknown) => void>()
  let skipped = false
  const self = {
    location: new URL(`${origin}/sw.js`),
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    clients: { claim: async () => undefined },
    skipWaiting: () => void (skipped = true),
  }
  // A worker resolves relative addresses against its own; Node's Request needs them whole (and knows no cache modes).
  class WorkerRequest extends Request {
    constructor(input: string, { cache: _cache, ...init }: RequestInit = {}) {
      super(new URL(input, origin).href, init)
    }
  }
  vm.runInNewContext(workerSource({ version: 'v2', precache }), { self, caches, fetch: network, Request: WorkerRequest, Response, URL, Promise })

  const lifecycle = async (type: 'install' | 'activate') => {
    let done: Promise<unknown> = Promise.resolve()
    listeners.get(type)!({ waitUntil: (promise: Promise<unknown>) => (done = promise) })
    await done
  }
  /** What the worker answers for a request; null when it leaves it to the network. */
  const answer = async (path: string, init: { method?: string; mode?: string } = {}) => {
    let response: Promise<Response> | null = null
    const request = { url: new URL(path, origin).href, method: init.method ?? 'GET', mode: init.mode ?? 'cors' }
    listeners.get('fetch')!({ request, respondWith: (promise: Promise<Response>) => (response = promise) })
    return response === null ? null : (await response as Response).text()
  }
  return {
    stores,
    fetched,
    lifecycle,
    answer,
    setOnline: (value: boolean) => void (online = value),
    message: (data: unknown) => listeners.get('message')!({ data }),
    skipped: () => skipped,
  }
}

describe('the service worker', () => {
  test('installs with every precached file, and on activation drops the caches of older builds', async () => {
    const worker = runWorker(['/', '/assets/index-A.js'])
    worker.stores.set(`${cachePrefix}v1`, new Map())
    worker.stores.set('someone-else', new Map())
    await worker.lifecycle('install')
    expect([...worker.stores.get(`${cachePrefix}v2`)!.keys()]).toEqual([`${origin}/`, `${origin}/assets/index-A.js`])
    await worker.lifecycle('activate')
    expect([...worker.stores.keys()].sort()).toEqual([`${cachePrefix}v2`, 'someone-else'])
  })

  test('hashed assets come from the cache first; the network only for one it lacks', async () => {
    const worker = runWorker(['/', '/assets/index-A.js'])
    await worker.lifecycle('install')
    worker.fetched.length = 0
    expect(await worker.answer('/assets/index-A.js')).toBe('body of /assets/index-A.js')
    expect(worker.fetched).toEqual([])
    expect(await worker.answer('/assets/late-B.js')).toBe('body of /assets/late-B.js')
    worker.setOnline(false)
    expect(await worker.answer('/assets/late-B.js')).toBe('body of /assets/late-B.js')
  })

  test('the page: from the network when there is one, the cached copy when offline', async () => {
    const worker = runWorker(['/'])
    await worker.lifecycle('install')
    worker.fetched.length = 0
    expect(await worker.answer('/', { mode: 'navigate' })).toBe('body of /')
    expect(worker.fetched).toEqual(['/'])
    worker.setOnline(false)
    expect(await worker.answer('/?from=link', { mode: 'navigate' })).toBe('body of /')
  })

  test('a file opened directly is not kept as the page', async () => {
    const worker = runWorker(['/'])
    await worker.lifecycle('install')
    expect(await worker.answer('/report.json', { mode: 'navigate' })).toBe('body of /report.json')
    expect(await worker.answer('/assets/index-A.js', { mode: 'navigate' })).toBe('body of /assets/index-A.js')
    worker.setOnline(false)
    expect(await worker.answer('/', { mode: 'navigate' })).toBe('body of /')
  })

  test('never answers for the API, the collaboration socket, the health check, a write or another origin', async () => {
    const worker = runWorker(['/'])
    await worker.lifecycle('install')
    expect(await worker.answer('/api/me')).toBeNull()
    expect(await worker.answer('/api/documents/x/events', { mode: 'navigate' })).toBeNull()
    expect(await worker.answer('/collab/doc')).toBeNull()
    expect(await worker.answer('/healthz')).toBeNull()
    expect(await worker.answer('/assets/index-A.js', { method: 'POST' })).toBeNull()
    expect(await worker.answer('https://elsewhere.example.com/assets/x.js')).toBeNull()
  })

  test('a waiting version takes over only when the page asks', () => {
    const worker = runWorker([])
    worker.message('something else')
    expect(worker.skipped()).toBe(false)
    worker.message(takeOverMessage)
    expect(worker.skipped()).toBe(true)
  })
})
