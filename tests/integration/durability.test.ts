import { describe, expect, it } from 'vitest'
import { waitFor } from '../helpers/clients.ts'
import { serversPerTest } from '../helpers/fixture.ts'
import { readStored } from '../helpers/stored.ts'
import { mintToken, tempDataDir } from '../helpers/server.ts'

describe('durability', () => {
  const { start, client } = serversPerTest({ stopWith: 'kill9' })

  /** Writes `text` into a document on a fresh server, waits until a second client has it, then stops the server (SIGTERM, which compacts). */
  const writeAndStop = async (dataDir: string, documentId: string, token: string, text: string): Promise<void> => {
    const server = await start(dataDir)
    const a = client(server, documentId, token)
    await a.synced
    a.text.insert(0, text)
    // Wait until the server has it: a second client sees it.
    const b = client(server, documentId, token)
    await waitFor(() => b.text.toString() === text, 'b to receive the text')
    a.destroy()
    b.destroy()
    expect(await server.stop()).toBe(0)
  }

  it('keeps the content across a clean restart and exits 0 on SIGTERM', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Drafting tool', 'secretariat')
    const expected = 'The group recommends that States designate points of contact.'
    await writeAndStop(dataDir, 'restart', token, expected)

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

  it('gives a client that opens a document with a stored state and a log the whole text by the time it is synced', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Drafting tool', 'secretariat')
    // A clean stop compacts: the first text becomes the stored state.
    await writeAndStop(dataDir, 'state-and-log', token, 'The Group recommends that States designate points of contact.')

    // No compaction, then SIGKILL: the edits stay in the log, after the state.
    const env = { ROOM_IDLE_MS: '600000', COMPACT_AFTER_APPENDS: '1000000' }
    const second = await start(dataDir, env)
    const writer = client(second, 'state-and-log', token)
    const reader = client(second, 'state-and-log', token)
    await Promise.all([writer.synced, reader.synced])
    for (const word of [' Each', ' point', ' answers', ' within', ' a', ' day.']) writer.text.insert(writer.text.length, word)
    writer.text.delete(0, 4)
    writer.text.insert(0, 'the ')
    const expected = writer.text.toString()
    await waitFor(() => reader.text.toString() === expected, 'the reader to receive every edit')
    writer.provider.shouldConnect = false
    reader.provider.shouldConnect = false
    await second.kill9()
    const stored = await readStored(dataDir, 'state-and-log')
    expect(stored.text).toBe(expected)
    expect(stored.stored.state).not.toBeNull()
    expect(stored.stored.updates.length).toBeGreaterThan(0)

    // A fresh client is answered from the stored bytes (the log's part, then the state's): at its sync, the whole text.
    const third = await start(dataDir, { ...env, LOG_LEVEL: 'debug' })
    const late = client(third, 'state-and-log', token)
    await late.synced
    expect(late.text.toString()).toBe(expected)
    // The server's record of it (its log reaches this process on a pipe of its own, which may come after the socket).
    await waitFor(() => /"msg":"room\.answered_from_store","document":"state-and-log"/.test(third.logs()), 'the server to record its answer from the stored bytes')
  })
})
