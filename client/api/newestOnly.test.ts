import { describe, expect, it } from 'vitest'
import { newestOnly } from './newestOnly.ts'

/** A load whose answers the test releases one by one, in any order. */
function controlledLoad() {
  const pending: Array<{ resolve: (value: string) => void; reject: (error: Error) => void }> = []
  const load = () => new Promise<string>((resolve, reject) => pending.push({ resolve, reject }))
  return { load, pending }
}

describe('newestOnly', () => {
  it('drops an earlier answer that arrives after a later request was made', async () => {
    const { load, pending } = controlledLoad()
    const fetchList = newestOnly(load)
    const first = fetchList()
    const second = fetchList()
    pending[1].resolve('after the event')
    pending[0].resolve('before the event')
    expect(await second).toEqual({ value: 'after the event' })
    expect(await first).toBeNull()
  })

  it('keeps answers that arrive in order, and drops the failure of a request already overtaken', async () => {
    const { load, pending } = controlledLoad()
    const fetchList = newestOnly(load)
    const first = fetchList()
    pending[0].resolve('one')
    expect(await first).toEqual({ value: 'one' })
    const overtaken = fetchList()
    const newest = fetchList()
    pending[1].reject(new Error('network'))
    pending[2].resolve('three')
    expect(await overtaken).toBeNull()
    expect(await newest).toEqual({ value: 'three' })
  })

  it('passes on the failure of the newest request', async () => {
    const { load, pending } = controlledLoad()
    const fetchList = newestOnly(load)
    const only = fetchList()
    pending[0].reject(new Error('offline'))
    await expect(only).rejects.toThrow('offline')
  })
})
