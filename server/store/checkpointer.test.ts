import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ownConnection, startCheckpointer } from './checkpointer.ts'
import { databasePath, openSqlite, type Sqlite } from './sqlite.ts'
import { SqliteDocumentStore } from './sqliteDocuments.ts'
import { onlyRestartPage } from './walRestart.js'

type LogFrames = { log: number; checkpointed: number }

/**
 * Whether everything written is copied into the database: every frame, or all but the page a restart wrote to start
 * the log afresh (walRestart.js), which stays in the log on purpose.
 */
function logCopied(dir: string, frames: LogFrames): boolean {
  return frames.checkpointed === frames.log || onlyRestartPage(databasePath(dir), frames)
}

/** The salts of the log's header: SQLite draws new ones each time it starts the log afresh. */
function logSalts(dir: string): string {
  return fs.readFileSync(`${databasePath(dir)}-wal`).subarray(16, 24).toString('hex')
}

describe('startCheckpointer', () => {
  it('moves the write-ahead log into the database from its own thread', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-checkpoint-'))
    const db = openSqlite(dir, { externalCheckpoints: true })
    const store = new SqliteDocumentStore(db)
    for (let i = 0; i < 50; i++) await store.append([{ documentId: 'doc', update: new Uint8Array(2000).fill(i) }])
    // The writing connection never checkpoints by itself: every frame is still in the log.
    const pending = () => db.pragma('wal_checkpoint(NOOP)', { simple: false }) as Array<{ log: number; checkpointed: number }>
    expect(pending()[0].log).toBeGreaterThan(0)
    expect(pending()[0].checkpointed).toBe(0)

    const checkpointer = startCheckpointer(databasePath(dir), { intervalMs: 50 })
    const deadline = Date.now() + 5000
    while (!logCopied(dir, pending()[0]) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25))
    await checkpointer.stop()
    expect(logCopied(dir, pending()[0])).toBe(true)
    db.close()
  })

  it('ends its thread once the log has been copied and left alone, and starts one again when the log is written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-checkpoint-'))
    const db = openSqlite(dir, { externalCheckpoints: true })
    const store = new SqliteDocumentStore(db)
    const pending = () => (db.pragma('wal_checkpoint(NOOP)', { simple: false }) as Array<{ log: number; checkpointed: number }>)[0]
    const until = async (check: () => boolean, what: string) => {
      const deadline = Date.now() + 5000
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
        await new Promise((r) => setTimeout(r, 10))
      }
    }
    const checkpointer = startCheckpointer(databasePath(dir), { intervalMs: 40, idleRounds: 2 })
    try {
      expect(checkpointer.running).toBe(true)
      await store.append([{ documentId: 'doc', update: new Uint8Array(2000).fill(1) }])
      await until(() => !checkpointer.running, 'the thread ends at rest')
      expect(logCopied(dir, pending())).toBe(true)

      // Three rounds of writing after the thread has ended: each is checkpointed by a thread started for it.
      for (let round = 2; round < 5; round++) {
        await store.append([{ documentId: 'doc', update: new Uint8Array(3000).fill(round) }])
        // Nothing copies it until a thread starts for it.
        expect(logCopied(dir, pending())).toBe(false)
        await until(() => logCopied(dir, pending()), `round ${round} is checkpointed`)
        await until(() => !checkpointer.running, `the thread ends after round ${round}`)
      }
    } finally {
      await checkpointer.stop()
      db.close()
    }
  })

  it('starts the log afresh from its thread after each copy of the whole log', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-checkpoint-'))
    const db: Sqlite = openSqlite(dir, { externalCheckpoints: true })
    const store = new SqliteDocumentStore(db)
    const pending = () => (db.pragma('wal_checkpoint(NOOP)', { simple: false }) as LogFrames[])[0]
    const checkpointer = startCheckpointer(databasePath(dir), { intervalMs: 40, idleRounds: 3 })
    try {
      for (let round = 0; round < 3; round++) {
        await store.append([{ documentId: 'doc', update: new Uint8Array(2000).fill(round) }])
        const deadline = Date.now() + 5000
        while (!onlyRestartPage(databasePath(dir), pending())) {
          if (Date.now() > deadline) throw new Error(`round ${round}: the log was not copied and started afresh`)
          await new Promise((r) => setTimeout(r, 10))
        }
        const salts = logSalts(dir)
        store.appendNow([{ documentId: 'doc', update: new Uint8Array(2000).fill(round + 10) }])
        expect(logSalts(dir)).toBe(salts)
      }
    } finally {
      await checkpointer.stop()
      db.close()
    }
  })

  describe("with the server's own connection", () => {
    const setUp = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-checkpoint-'))
      const db = openSqlite(dir, { externalCheckpoints: true })
      const store = new SqliteDocumentStore(db)
      const pending = () => (db.pragma('wal_checkpoint(NOOP)', { simple: false }) as Array<{ log: number; checkpointed: number }>)[0]
      return { dir, db, store, pending }
    }
    const until = async (check: () => boolean, what: string) => {
      const deadline = Date.now() + 5000
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
        await new Promise((r) => setTimeout(r, 10))
      }
    }

    it('copies a short log itself once it is left alone, and starts no thread', async () => {
      const { dir, db, store, pending } = setUp()
      // However slow the disk is while the suite runs, copies stay here.
      const checkpointer = startCheckpointer(databasePath(dir), { intervalMs: 40, own: ownConnection(db), slowHereMs: 60_000 })
      try {
        let threads = 0
        const watch = setInterval(() => (threads += checkpointer.running ? 1 : 0), 5)
        for (let round = 0; round < 3; round++) {
          await store.append([{ documentId: 'doc', update: new Uint8Array(1000).fill(round) }])
          expect(logCopied(dir, pending())).toBe(false)
          await until(() => logCopied(dir, pending()), `round ${round} is checkpointed`)
        }
        clearInterval(watch)
        expect(threads).toBe(0)
      } finally {
        await checkpointer.stop()
        db.close()
      }
    })

    it('does not copy while the log keeps being written; a long log goes to a thread', async () => {
      const { dir, db, store, pending } = setUp()
      const own = ownConnection(db)!
      const copiesHere: string[] = []
      const watched = { ...own, checkpoint: (mode: 'PASSIVE' | 'NOOP') => (mode === 'PASSIVE' && copiesHere.push(mode), own.checkpoint(mode)) }
      const checkpointer = startCheckpointer(databasePath(dir), { intervalMs: 40, idleRounds: 2, own: watched, maxFramesHere: 20 })
      try {
        // Writing in every round, a few pages at a time: nothing is copied on this connection meanwhile.
        for (let i = 0; i < 12 && !checkpointer.running; i++) {
          await store.append([{ documentId: 'doc', update: new Uint8Array(3000).fill(i) }])
          await new Promise((r) => setTimeout(r, 25))
        }
        // Past 20 frames waiting, a thread takes the log over, copies it and ends once it is left alone.
        await until(() => checkpointer.running, 'a thread starts')
        expect(copiesHere).toEqual([])
        expect(pending().log).toBeGreaterThan(20)
        await until(() => logCopied(dir, pending()), 'the thread copies the log')
        await until(() => !checkpointer.running, 'the thread ends at rest')
      } finally {
        await checkpointer.stop()
        db.close()
      }
    })

    it('leaves a connection inside a transaction alone', async () => {
      const { dir, db, store, pending } = setUp()
      await store.append([{ documentId: 'doc', update: new Uint8Array(1000).fill(1) }])
      const own = ownConnection(db)!
      db.exec('BEGIN')
      expect(own.checkpoint('PASSIVE')).toBeNull()
      db.exec('COMMIT')
      expect(own.checkpoint('PASSIVE')).toEqual(expect.objectContaining({ log: pending().log, checkpointed: pending().log }))
      expect(pending().log).toBeGreaterThan(0)
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('leaves the copies to a thread for a while once one here was slow', async () => {
      const { dir, db, store, pending } = setUp()
      // Any copy counts as slow here.
      const checkpointer = startCheckpointer(databasePath(dir), { intervalMs: 40, idleRounds: 2, own: ownConnection(db), slowHereMs: -1, slowPauseMs: 60_000 })
      try {
        await store.append([{ documentId: 'doc', update: new Uint8Array(1000).fill(1) }])
        await until(() => logCopied(dir, pending()), 'the first write is copied here')
        expect(checkpointer.running).toBe(false)
        await store.append([{ documentId: 'doc', update: new Uint8Array(1000).fill(2) }])
        await until(() => checkpointer.running, 'the next write starts a thread')
        await until(() => logCopied(dir, pending()), 'the thread copies it')
      } finally {
        await checkpointer.stop()
        db.close()
      }
    })

    it('starts the log afresh right after copying it whole, so that the next write only appends to it', async () => {
      const { dir, db, store, pending } = setUp()
      const checkpointer = startCheckpointer(databasePath(dir), { intervalMs: 40, own: ownConnection(db), slowHereMs: 60_000 })
      try {
        for (let round = 0; round < 3; round++) {
          await store.append([{ documentId: 'doc', update: new Uint8Array(1000).fill(round) }])
          await until(() => onlyRestartPage(databasePath(dir), pending()), `round ${round} is copied and the log started afresh`)
          // The edit after a copy appends to the log as it is: no new header (new salts), no fsync of it.
          const salts = logSalts(dir)
          // Appended at once, and looked at on the same turn: no round of the checkpointer comes between.
          store.appendNow([{ documentId: 'doc', update: new Uint8Array(1000).fill(round + 10) }])
          expect(logSalts(dir)).toBe(salts)
          expect(pending().log).toBeGreaterThan(1)
        }
        // The restart changes nothing stored: the application id is what it was, and every update is there.
        expect(db.pragma('application_id', { simple: true })).toBe(0)
        expect((await store.load('doc')).updates).toHaveLength(6)
      } finally {
        await checkpointer.stop()
        db.close()
      }
    })

    it('never waits for another connection that is writing: the restart is left to a later round', async () => {
      const { dir, db, store, pending } = setUp()
      await store.append([{ documentId: 'doc', update: new Uint8Array(1000).fill(1) }])
      const own = ownConnection(db)!
      expect(own.checkpoint('PASSIVE')).toEqual(expect.objectContaining({ busy: 0, checkpointed: pending().log }))
      const other = new Database(databasePath(dir))
      other.exec('BEGIN IMMEDIATE')
      try {
        const started = performance.now()
        expect(own.restartLog()).toBe(false)
        // The connection's own wait for locks (5 s) is not used, and is as it was afterwards.
        expect(performance.now() - started).toBeLessThan(1000)
        expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
      } finally {
        other.exec('ROLLBACK')
        other.close()
      }
      expect(own.restartLog()).toBe(true)
      expect(onlyRestartPage(databasePath(dir), pending())).toBe(true)
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('without the restart, the write after a copy starts the log afresh itself (what the restart saves)', async () => {
      const { dir, db, store, pending } = setUp()
      await store.append([{ documentId: 'doc', update: new Uint8Array(1000).fill(1) }])
      expect(ownConnection(db)!.checkpoint('PASSIVE')).toEqual(expect.objectContaining({ busy: 0, checkpointed: pending().log }))
      const salts = logSalts(dir)
      await store.append([{ documentId: 'doc', update: new Uint8Array(1000).fill(2) }])
      expect(logSalts(dir)).not.toBe(salts)
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('is not used with a SQLite that does not know wal_checkpoint(NOOP)', () => {
      const withVersion = (version: string) => ({
        inTransaction: false,
        pragma: () => [],
        prepare: () => ({ pluck: () => ({ get: () => version }) }),
        transaction: () => ({ immediate: () => {} }),
      })
      expect(ownConnection(withVersion('3.50.4'))).toBeUndefined()
      expect(ownConnection(withVersion('3.9.2'))).toBeUndefined()
      expect(ownConnection(withVersion('3.51.0'))).toBeDefined()
      expect(ownConnection(withVersion('3.53.2'))).toBeDefined()
      expect(ownConnection(withVersion('4.0.0'))).toBeDefined()
    })
  })
})
