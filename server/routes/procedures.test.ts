import { Hono } from 'hono'
import { expect, test } from 'vitest'
import type { AppEnv } from '../http.ts'
import type { ProcedureService } from '../procedures/procedureService.ts'
import { procedureRoutes } from './procedures.ts'

test('an objection is timed when the server took the request up, not after what it waited for before the handler', async () => {
  const timed: number[] = []
  const procedures = {
    breakSilence: async (_document: unknown, _procedureId: number, _member: unknown, at: number, payload: Promise<unknown>) => {
      await payload
      timed.push(at)
      return { procedure: null }
    },
  } as unknown as ProcedureService
  const app = new Hono<AppEnv>()
  let takenUp = 0
  app.use(async (c, next) => {
    takenUp = Date.now()
    c.set('receivedAt', takenUp)
    await next()
  })
  // Authentication and the document's lookup wait for the database; a busy server runs other work meanwhile.
  app.use(async (c, next) => {
    await new Promise((resolve) => setTimeout(resolve, 120))
    c.set('member', { id: 7, name: 'Delegate of Brazil', role: 'delegation', delegation: 'Brazil' } as AppEnv['Variables']['member'])
    c.set('subject', { member: { id: 7, role: 'delegation', delegation: 'Brazil' } })
    c.set('document', { id: 'dtg1-2026-summary' } as AppEnv['Variables']['document'])
    await next()
  })
  app.route('/', procedureRoutes({ procedures, maxObjectionReasonChars: 2000 }))
  const answer = await app.request('/dtg1-2026-summary/procedures/3/objections', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ block: { position: 3, number: '4' }, reason: 'Paragraph 4 goes beyond agreed language.' }),
  })
  expect(answer.status).toBe(201)
  expect(timed).toEqual([takenUp])
})
