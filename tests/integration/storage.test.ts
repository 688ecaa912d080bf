import { describe, expect, it } from 'vitest'
import { openSqlite } from '../../server/store/sqlite.ts'
import { waitFor } from '../helpers/clients.ts'
import { serversPerTest } from '../helpers/fixture.ts'
import { readStored } from '../helpers/stored.ts'
import { mintToken, tempDataDir } from '../helpers/server.ts'

describe('storage: compaction, idle unload, failed loads', () => {
  const { start, client } = serversPerTest({ stopWith: 'stop' })

  it('compacts the log past N appends, once the editing pauses, into a state with identical content', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Drafting tool', 'secretariat')
    const server = await start(dataDir, { COMPACT_AFTER_APPENDS: '50', ROOM_IDLE_MS: '600000' })
    const writer = client(server, 'compaction', token)
    const reader = client(server, 'compaction', token)
    await Promise.all([writer.synced, reader.synced])
    // One edit per event-loop turn of the client, so each is its own append.
    for (let i = 0; i < 120; i++) {
      writer.text.insert(writer.text.length, `${i} `)
      if (i % 2 === 0) writer.text.delete(0, 1)
      await waitFor(() => reader.text.length === writer.text.length, `edit ${i}`)
    }
    const expected = writer.text.toString()
    // 180 appends, past 50 but short of four times that: compacted once the typing has paused for COMPACT_QUIET_MS.
    let read = await readStored(dataDir, 'compaction')
    const deadline = Date.now() + 10_000
    while (read.size.logEntries >= 50 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      read = await readStored(dataDir, 'compaction')
    }
    const { text, size, stored } = read
    expect(text).toBe(expected)
    expect(stored.state).not.toBeNull()
    expect(size.logEntries).toBeLessThan(50)
    expect(size.stateBytes).toBeGreaterThan(0)
  })

  it('unloads an idle room, compacting its log completely, and loads it again on the next connection', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Drafting tool', 'secretariat')
    const server = await start(dataDir, { ROOM_IDLE_MS: '200' })
    const writer = client(server, 'idle', token)
    await writer.synced
    for (let i = 0; i < 20; i++) writer.text.insert(writer.text.length, `word${i} `)
    const expected = writer.text.toString()
    const reader = client(server, 'idle', token)
    await waitFor(() => reader.text.toString() === expected, 'the reader to catch up')
    expect((await readStored(dataDir, 'idle')).size.logEntries).toBeGreaterThan(0)
    writer.destroy()
    reader.destroy()

    const rooms = async () => ((await (await fetch(`${server.url}/healthz`)).json()) as { rooms: number }).rooms
    const deadline = Date.now() + 5000
    while ((await rooms()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(await rooms()).toBe(0)
    const after = await readStored(dataDir, 'idle')
    expect(after.size.logEntries).toBe(0)
    expect(after.text).toBe(expected)

    const again = client(server, 'idle', token)
    await again.synced
    expect(again.text.toString()).toBe(expected)
  })

  it('refuses connections to a document that fails to load, with 4500, and never writes over it', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Drafting tool', 'secretariat')
    const corrupt = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02])
    const db = openSqlite(dataDir)
    db.prepare('INSERT INTO document_state (document_id, state, through_seq, updated_at) VALUES (?, ?, 0, 0)').run('damaged', corrupt)
    db.close()

    const server = await start(dataDir, { ROOM_IDLE_MS: '50' })
    const c = client(server, 'damaged', token)
    await waitFor(() => c.closes.length >= 2, 'two refused attempts (the client retries)')
    expect(c.closes.every((close) => close.code === 4500)).toBe(true)
    // The client's own edit while refused cannot reach the store.
    c.text.insert(0, 'text typed while the document could not load')
    await new Promise((r) => setTimeout(r, 300))
    c.destroy()

    const check = openSqlite(dataDir)
    try {
      const row = check.prepare('SELECT state FROM document_state WHERE document_id = ?').get('damaged') as { state: Buffer }
      expect(Buffer.compare(row.state, corrupt)).toBe(0)
      expect(check.prepare('SELECT count(*) AS n FROM document_updates WHERE document_id = ?').get('damaged')).toEqual({ n: 0 })
    } finally {
      check.close()
    }

    // Other documents are served as usual.
    const other = client(server, 'healthy', token)
    await other.synced
    other.text.insert(0, 'fine')
    const reader = client(server, 'healthy', token)
    await waitFor(() => reader.text.toString() === 'fine', 'the healthy document')
  })
})
