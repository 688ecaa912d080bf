/**
 * 20,000 random and mutated frames from members of every role against a real server (issue 15): the server
 * stays up, every client converges with it, read-only senders change nothing stored, and every stored document
 * reloads to the same content after a restart. `npm run bench` runs the same at 100,000 frames.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { waitFor } from '../helpers/clients.ts'
import { serversPerTest } from '../helpers/fixture.ts'
import { newcomerView, runProtocolFuzz, type FuzzSender } from '../helpers/protocolFuzz.ts'
import { mintToken, registerDocument, tempDataDir } from '../helpers/server.ts'
import { readStored } from '../helpers/stored.ts'

const frames = Number(process.env.FUZZ_FRAMES ?? 20_000)

describe('protocol fuzz', () => {
  const servers = serversPerTest()

  // About 3 ms a frame on a loaded machine: the bench's 100,000 frames get the time they need.
  it(`survives ${frames} random and mutated frames from every role, and everyone converges`, { timeout: Math.max(600_000, frames * 20) }, async () => {
    const dataDir = tempDataDir()
    const workspace = await registerDocument(dataDir, 'fuzz-write', { dtg: 1, year: 2026 })
    await registerDocument(dataDir, 'fuzz-readonly', { dtg: 1, year: 2026 })
    const tokens = {
      secretariat: await mintToken(dataDir, 'Secretariat', 'secretariat'),
      cofacilitator: await mintToken(dataDir, 'Co-facilitator', 'cofacilitator', { leads: [workspace] }),
      delegation: await mintToken(dataDir, 'Delegate', 'delegation', { delegation: 'Kenya' }),
      stakeholder: await mintToken(dataDir, 'Stakeholder', 'stakeholder'),
      writer: await mintToken(dataDir, 'Honest writer', 'cofacilitator', { leads: [workspace] }),
      reader: await mintToken(dataDir, 'Honest reader', 'delegation', { delegation: 'Chile' }),
    }
    const env = { RATE_LIMIT_MESSAGES_PER_SECOND: '0', COMPACT_AFTER_APPENDS: '200' }
    const started = performance.now()
    const phase = (what: string) => console.info(`${what}: ${Math.round(performance.now() - started)} ms`)
    let server = await servers.start(dataDir, env)
    phase('server started')

    // Some stored text in the read-only document first, written by the secretariat.
    const seeder = servers.client(server, 'fuzz-readonly', tokens.secretariat)
    await seeder.synced
    seeder.text.insert(0, 'Text only the secretariat wrote.')
    await waitFor(() => seeder.provider.synced, 'the seeded text')
    // Stored before the fuzz starts: what the read-only senders must leave as it is.
    let readOnlyBefore = await readStored(dataDir, 'fuzz-readonly')
    for (let tries = 0; readOnlyBefore.text !== 'Text only the secretariat wrote.' && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      readOnlyBefore = await readStored(dataDir, 'fuzz-readonly')
    }
    expect(readOnlyBefore.text).toBe('Text only the secretariat wrote.')
    seeder.destroy()

    const senders: FuzzSender[] = [
      { role: 'secretariat', documentId: 'fuzz-write', token: tokens.secretariat, canWrite: true },
      { role: 'cofacilitator', documentId: 'fuzz-write', token: tokens.cofacilitator, canWrite: true },
      { role: 'delegation', documentId: 'fuzz-write', token: tokens.delegation, canWrite: false },
      { role: 'stakeholder', documentId: 'fuzz-write', token: tokens.stakeholder, canWrite: false },
      { role: 'delegation', documentId: 'fuzz-readonly', token: tokens.delegation, canWrite: false },
      { role: 'stakeholder', documentId: 'fuzz-readonly', token: tokens.stakeholder, canWrite: false },
    ]
    phase('seeded')
    const { report, honest } = await runProtocolFuzz({ wsUrl: server.wsUrl, senders, writerToken: tokens.writer, readerToken: tokens.reader, frames, seed: 20261129 })
    console.info(`protocol fuzz: ${JSON.stringify(report)}`)
    expect(report.frames).toBeGreaterThanOrEqual(frames)
    for (const kind of ['mutated-update', 'update', 'awareness', 'hostile-awareness', 'sync-step1', 'byte-mutated', 'random']) {
      expect(report.byKind[kind], kind).toBeGreaterThan(0)
    }

    phase('fuzzed')
    // The server is up, and every connected client converges with what a newcomer receives from it.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const views = new Map<string, Awaited<ReturnType<typeof newcomerView>>>()
    for (const [documentId, { writer, reader }] of honest) {
      const view = await newcomerView(server.wsUrl, documentId, tokens.secretariat)
      expect(view.pending).toBe(false)
      for (const client of [writer, reader]) {
        if (!client) continue
        try {
          await waitFor(() => client.text.toString() === view.text, `${documentId}: a client to converge with the server`, 20_000)
        } catch (error) {
          // What the next look needs: how far apart the two are, and where the client's connection stood.
          const text = client.text.toString()
          const state = {
            role: client === writer ? 'writer' : 'reader',
            clientChars: text.length,
            serverChars: view.text.length,
            firstDifference: [...text].findIndex((char, i) => char !== view.text[i]),
            connected: client.provider.wsconnected,
            synced: client.provider.synced,
            closes: client.closes,
            pendingStructs: client.doc.store.pendingStructs !== null,
            // Client ids whose clocks differ: [id, the client's clock, the server's].
            clocks: (() => {
              const server = Y.decodeStateVector(view.stateVector)
              const own = Y.decodeStateVector(Y.encodeStateVector(client.doc))
              return [...new Set([...server.keys(), ...own.keys()])]
                .filter((id) => server.get(id) !== own.get(id))
                .slice(0, 10)
                .map((id) => [id, own.get(id) ?? 0, server.get(id) ?? 0])
            })(),
          }
          throw new Error(`${(error as Error).message}: ${JSON.stringify(state)}`, { cause: error })
        }
        expect(client.doc.store.pendingStructs).toBeNull()
        expect(client.closes).toEqual([])
      }
      views.set(documentId, view)
    }
    for (const { writer, reader } of honest.values()) {
      writer?.destroy()
      reader.destroy()
    }

    // Read-only senders changed nothing stored.
    const readOnlyAfter = await readStored(dataDir, 'fuzz-readonly')
    expect(readOnlyAfter.text).toBe(readOnlyBefore.text)
    // The same document, struct for struct and deletion for deletion (a compaction meanwhile changes the bytes, not
    // the document), and no log entry added, not even one that changes nothing: every entry left was there before.
    expect(Buffer.from(wholeDocument(readOnlyAfter.stored))).toEqual(Buffer.from(wholeDocument(readOnlyBefore.stored)))
    expect(readOnlyAfter.stored.seqs.filter((seq) => !readOnlyBefore.stored.seqs.includes(seq))).toEqual([])

    phase('converged')
    // After a restart, every stored document reloads to the same content, whole.
    expect(await server.stop()).toBe(0)
    server = await servers.start(dataDir, env)
    for (const [documentId, before] of views) {
      const after = await newcomerView(server.wsUrl, documentId, tokens.secretariat)
      expect(after.text).toBe(before.text)
      expect(after.meta).toEqual(before.meta)
      expect(after.stateVector).toEqual(before.stateVector)
      const stored = await readStored(dataDir, documentId)
      const reloaded = new Y.Doc()
      if (stored.stored.state) Y.applyUpdate(reloaded, stored.stored.state)
      for (const update of stored.stored.updates) Y.applyUpdate(reloaded, update)
      expect(reloaded.store.pendingStructs).toBeNull()
      expect(reloaded.getText('content').toString()).toBe(before.text)
    }
  })
})

/** What is stored for a document, loaded and encoded whole: its structs and deletions, whether compacted or not. */
function wholeDocument(stored: { state: Uint8Array | null; updates: Uint8Array[] }): Uint8Array {
  const doc = new Y.Doc()
  if (stored.state) Y.applyUpdate(doc, stored.state)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return Y.encodeStateAsUpdate(doc)
}
