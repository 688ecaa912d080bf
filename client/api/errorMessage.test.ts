import fs from 'node:fs'
import { beforeAll, expect, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { errorMessage, translatedErrorCodes } from './errorMessage.ts'
import { ApiError } from './http.ts'

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))

test('a known code is said in the interface language, whatever the server wrote', async () => {
  const error = new ApiError(409, 'cannot_revoke_self', 'you cannot revoke your own membership')
  expect(errorMessage(error)).toBe('You cannot revoke your own access.')
  useMessagesForTests('fr', await loadMessages('fr'))
  try {
    expect(errorMessage(error)).toBe('Vous ne pouvez pas révoquer votre propre accès.')
    expect(errorMessage(new ApiError(0, 'network_error', 'the server cannot be reached'))).toMatch(/^Le serveur est inaccessible/)
  } finally {
    useMessagesForTests('en', await loadMessages('en'))
  }
})

test("an unknown code keeps the server's words; a bare HTTP failure is named by its status", () => {
  expect(errorMessage(new ApiError(400, 'invalid_payload', 'name: must not be empty'))).toBe('name: must not be empty')
  expect(errorMessage(new ApiError(418, 'http_418', "I'm a teapot"))).toBe('The server answered with an error (HTTP 418). Try again later.')
  expect(errorMessage(new ApiError(502, 'http_502', 'Bad Gateway'))).toBe('The server is not available right now. Try again in a moment.')
  expect(errorMessage(new Error('plain'))).toBe('plain')
  expect(errorMessage('text')).toBe('text')
})

test('every code stated in the interface has its message in every language', async () => {
  for (const language of ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const) {
    const messages = await loadMessages(language)
    for (const code of translatedErrorCodes) expect(messages[`api.errors.${code}`], `${language} ${code}`).toBeTruthy()
  }
})

test('every refusal the server asks to retry later, and a full thread, is said in the interface language', () => {
  const serverDir = new URL('../../server/', import.meta.url)
  const sources = (fs.readdirSync(serverDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  const codes = new Set<string>()
  for (const file of sources) {
    for (const found of fs.readFileSync(new URL(file, serverDir), 'utf8').matchAll(/new RetryLater\(\s*\d+,\s*'([a-z_]+)'/g)) codes.add(found[1])
  }
  expect([...codes]).toEqual(expect.arrayContaining(['export_rate_limited', 'rate_limited', 'server_busy', 'too_many_jobs', 'work_timed_out']))
  for (const code of [...codes, 'thread_full']) expect(translatedErrorCodes.has(code), code).toBe(true)
  expect(errorMessage(new ApiError(409, 'thread_full', 'this thread holds 200 comments, the most it may; open a new thread'))).toBe(
    'This thread has as many comments as it can hold. Open a new thread to go on.',
  )
})

test('a refused procedure names the times the server gave, in New York time; without them, the message of its code', () => {
  const past = new ApiError(422, 'deadline_past', 'the deadline … is not in the future', { deadline: '2026-11-29T15:00:00.000Z', serverTime: '2026-11-29T15:02:00.000Z' })
  expect(errorMessage(past)).toBe(
    "The deadline 29 November 2026, 10:00 New York time is not in the future by the server's clock, which reads 29 November 2026, 10:02 New York time.",
  )
  const running = new ApiError(409, 'procedure_running', 'a silence procedure on Rev.1 runs until …', { procedureId: 3, deadline: '2026-11-29T15:00:30.000Z' })
  expect(errorMessage(running)).toBe('A procedure runs on this document until 29 November 2026, 10:00:30 New York time: one procedure at a time.')
  expect(errorMessage(new ApiError(409, 'procedure_running', 'x'))).toBe('A procedure is already running on this document: one procedure at a time.')
  const closed = new ApiError(409, 'period_closed', 'the period for comments and proposals closed on … (2026-11-29T15:00:00.000Z); …', {
    deadline: '2026-11-29T15:00:00.000Z',
    deadlineNewYork: '29 November 2026, 10:00 New York time',
    serverTime: '2026-11-29T15:02:00.000Z',
  })
  expect(errorMessage(closed)).toBe(
    'The period for comments and proposals closed on 29 November 2026, 10:00 New York time: nothing new is taken on this revision until the co-facilitators cut the next one or open a new period.',
  )
})

test('refusals of every area are said by their code, in the reader’s language', async () => {
  useMessagesForTests('es', await loadMessages('es'))
  try {
    expect(errorMessage(new ApiError(403, 'not_your_comment', 'you may edit only your own comments'))).toBe('Solo puede modificar o eliminar sus propias observaciones.')
    expect(errorMessage(new ApiError(503, 'shutting_down', 'the server is shutting down'))).toMatch(/^El servidor se está reiniciando/)
  } finally {
    useMessagesForTests('en', await loadMessages('en'))
  }
  expect(errorMessage(new ApiError(409, 'proposal_decided', 'this proposal is no longer open: it was accepted by Ana', { by: 'Ana' }))).toBe(
    'This proposal is no longer open: a decision has already been taken on it.',
  )
  expect(errorMessage(new ApiError(409, 'block_agreed', 'blocks: agreed text changes status only by reopening'))).toMatch(/^Some of these blocks are agreed ad referendum/)
})

test('a refused link names the elements the server named, listed in the reader’s language; without them, the message of its code', async () => {
  const unknown = new ApiError(422, 'unknown_ref', 'refs: "norm-z" is not in the framework catalogue', { refs: ['norm-z', 'cbm-99'] })
  expect(errorMessage(unknown)).toBe('Not in the framework catalogue: norm-z and cbm-99.')
  expect(errorMessage(new ApiError(422, 'retired_ref', 'x', { refs: ['norm-a'] }))).toMatch(/^Retired from the framework catalogue: norm-a\./)
  expect(errorMessage(new ApiError(422, 'retired_ref', 'x'))).toBe('Some of these links have been retired from the framework catalogue.')
  useMessagesForTests('fr', await loadMessages('fr'))
  try {
    expect(errorMessage(unknown)).toBe('Absent du catalogue du cadre : norm-z et cbm-99.')
    expect(errorMessage(new ApiError(409, 'block_status_changed', 'blocks: the status of "x" changed', { blocks: ['x'] }))).toMatch(/^Le statut de certains de ces paragraphes a changé/)
  } finally {
    useMessagesForTests('en', await loadMessages('en'))
  }
})
