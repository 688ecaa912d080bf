import { describe, expect, it } from 'vitest'
import { formatRecord, redactText } from './log.ts'
import { withRequest } from './requestContext.ts'

describe('log records', () => {
  it('are one JSON line with time, level, msg, the request id of the request being handled, and the error with its stack', async () => {
    const line = await withRequest({ requestId: 'req-7' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      const error = Object.assign(new Error('disk gone'), { code: 'SQLITE_IOERR' })
      return formatRecord('error', 'store.append_failed', { document: 'd1', error })
    })
    expect(line).not.toContain('\n')
    const record = JSON.parse(line)
    expect(record).toMatchObject({ level: 'error', msg: 'store.append_failed', requestId: 'req-7', document: 'd1' })
    expect(new Date(record.time).toISOString()).toBe(record.time)
    expect(record.err).toMatchObject({ type: 'Error', message: 'disk gone', code: 'SQLITE_IOERR' })
    expect(record.err.stack).toMatch(/log\.test\.ts/)
    expect(JSON.parse(formatRecord('info', 'outside', {}))).not.toHaveProperty('requestId')
  })

  it('never carry a credential: fields named like one are replaced, and tokens inside strings and stacks are cut out', () => {
    const secret = 'Zm9vYmFyYmF6cXV4LXNlY3JldC10b2tlbg'
    const error = new Error(`fetch failed for /collab/doc?token=${secret}`)
    const line = formatRecord('warn', 'auth.refused', {
      token: secret,
      headers: { authorization: `Bearer ${secret}`, cookie: `dtg_session=${secret}` },
      url: `http://127.0.0.1:8080/#invite=${secret}`,
      note: `got Bearer ${secret} from a client`,
      error,
    })
    expect(line).not.toContain(secret)
    const record = JSON.parse(line)
    expect(record.token).toBe('[redacted]')
    expect(record.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]' })
    expect(record.url).toBe('http://127.0.0.1:8080/#invite=[redacted]')
    expect(record.note).toBe('got Bearer [redacted] from a client')
    expect(record.err.message).toBe('fetch failed for /collab/doc?token=[redacted]')
    expect(redactText('/api/x?a=1&token=abc&b=2')).toBe('/api/x?a=1&token=[redacted]&b=2')
  })
})
