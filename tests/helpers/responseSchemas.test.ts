import { describe, expect, it } from 'vitest'
import { checkResponse, responseSchemaOf } from './responseSchemas.ts'

const workspace = { id: 'dtg1-2026', dtg: 1, year: 2026, title: 'DTG 1, 2026', createdAt: 1 }
const permissions = { createDocument: true, assignCofacilitators: false }

describe('the integration suite checks every JSON answer against its route schema', () => {
  it('finds a route by method and path, parameters and query aside', () => {
    expect(responseSchemaOf('GET', '/api/workspaces/dtg1-2026')?.route).toBe('GET /api/workspaces/:id')
    expect(responseSchemaOf('GET', '/api/documents/d/compare?from=1&to=current')?.route).toBe('GET /api/documents/:id/compare')
    expect(responseSchemaOf('POST', '/api/workspaces/dtg1-2026')).toBeNull()
  })

  it('accepts an answer of the shape, refuses one that drifted from it', () => {
    expect(() => checkResponse('GET', '/api/workspaces/dtg1-2026', 200, { workspace, documents: [], cofacilitators: [], permissions })).not.toThrow()
    expect(() => checkResponse('GET', '/api/workspaces/dtg1-2026', 200, { workspace, documents: [], cofacilitators: [] })).toThrow(/permissions/)
    expect(() => checkResponse('GET', '/api/workspaces/dtg1-2026', 200, { workspace: { ...workspace, dtg: 3 }, documents: [], cofacilitators: [], permissions })).toThrow(
      /GET \/api\/workspaces\/:id's schema does not accept/,
    )
  })

  it('refuses a JSON answer from a route no schema is listed for, and an error without the envelope', () => {
    expect(() => checkResponse('GET', '/api/unlisted', 200, {})).toThrow(/no shared schema is listed/)
    expect(() => checkResponse('GET', '/api/workspaces/x', 404, { error: { code: 'workspace_not_found', message: 'there is no workspace "x"' } })).not.toThrow()
    expect(() => checkResponse('GET', '/api/workspaces/x', 404, { message: 'not found' })).toThrow(/error envelope/)
  })
})
