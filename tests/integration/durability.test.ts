import { describe, expect, it } from 'vitest'
import { waitFor } from '../helpers/clients.ts'
import { serversPerTest } from '../helpers/fixture.ts'
import { readStored } from '../helpers/stored.ts'
import { mintToken, tempDataDir } from '../helpers/server.ts'

describe('durability', () => {
  const { start, client } = serversPerTest({ stopWith: 'kill9' })

  it('keeps the content across a clean restart and exits 0 on SIGTERM', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Drafting tool', 'secretariat')
    const first = await start(dataDir)
    const a = client(first, 'restart', token)
    await a.synced
    a.text.insert(0, 'The group recommends that States designate points of contact.')
    const expected = a.text.toString()
    // Wait until the server has it: a second client sees it.
    const b = client(first, 'restart', token)
    await waitFor(() => b.text.toString() === expected, 'b to receive the text')
    a.destroy()
    b.destroy()
    expect(await first.stop()).toBe(0)

    const second = await start(dataDir)
    const c = client(second, 'restart', token)
    await c.synced
    expect(c.text.toString()).toBe(expected)
  })

  it('keeps an update that another client has seen when the server is killed with SIGKILL', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Drafting tool', 'secretariat')
    // A long idle grace and no compaction: only the update log can hold the edit.
    const env = { ROOM_IDLE_MS: '600000', COMPACT_AFTER_APPENDS: '1000000' }
    const first = await start(dataDir, env)
    const writer = client(first, 'kill9', token)
    const reader = client(first, 'kill9', token)
    await Promise.all([writer.synced, reader.synced])
    let killed: Promise<void> | null = null
    reader.text.observe(() => {
      if (reader.text.toString().includes('norm g') && !killed) killed = first.kill9()
    })
    writer.text.insert(0, 'States should protect critical infrastructure (norm g).')
    await waitFor(() => killed !== null, 'the reader to receive the update')
    await killed
    writer.provider.shouldConnect = false
    reader.provider.shouldConnect = false

    expect((await readStored(dataDir, 'kill9')).text).toBe('States should protect critical infrastructure (norm g).')
    const second = await start(dataDir, env)
    const late = client(second, 'kill9', token)
    await late.synced
    expect(late.text.toString()).toBe('States should protect critical infrastructure (norm g).')
  })
})
