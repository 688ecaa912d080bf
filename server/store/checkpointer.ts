/**
 * Keeps SQLite's write-ahead log short. A little written now and then is copied into the database by the server's own
 * connection, once the log has been left alone for a round (when nobody is typing): a copy of at most 128 pages and two
 * fsyncs, then the write that starts the log afresh and its fsync, a millisecond or two on a local disk. More than
 * that, or writing that does not pause, starts a worker thread that checkpoints off the relay's event loop until the
 * log has been copied and left alone for a while (30 s by default), then ends: a thread is a V8 isolate of its own
 * (about 10 MiB), held only while there is much to copy. After a copy here that was slow (a busy or network disk),
 * copies go to the thread for ten minutes. The server looks at the log file (its size and modification time) once per
 * interval. After a copy of the whole log, whoever made it starts the log afresh at once, so that the next edit does
 * not pay for that (walRestart.js; SQLite 3.51 or later).
 */
import fs from 'node:fs'
import { Worker } from 'node:worker_threads'
import { log } from '../log.ts'
import { knowsNoopCheckpoint, onlyRestartPage, restartLog, type WalConnection } from './walRestart.js'

export interface Checkpointer {
  /** Whether a checkpoint thread is running now. */
  readonly running: boolean
  stop(): Promise<void>
}

/**
 * As `PRAGMA wal_checkpoint` answers: whether it could not run (another connection held the checkpoint), the frames
 * in the log and the frames already copied into the database (-1 both when it could not run).
 */
export interface LogFrames {
  busy: number
  log: number
  checkpointed: number
}

/** The server's own connection, for the small checkpoints. */
export interface OwnConnection {
  /** `PRAGMA wal_checkpoint(<mode>)` on it; null while it is inside a transaction (no checkpoint can run there). */
  checkpoint(mode: 'PASSIVE' | 'NOOP'): LogFrames | null
  /** Starts a log copied whole afresh (walRestart.js); false while it is inside a transaction, or another connection writes. */
  restartLog(): boolean
}

export interface CheckpointerOptions {
  intervalMs?: number
  /**
   * Rounds with nothing new to copy before the thread ends. Long enough that editing in bursts (a few seconds of
   * typing, a pause, more typing) keeps one thread rather than starting a new one (a V8 isolate) after each pause.
   */
  idleRounds?: number
  /** Copies the log itself when it holds at most `maxFramesHere` frames not yet copied; without it, always a thread. */
  own?: OwnConnection
  /** Frames (pages of 4 KiB) the server's connection copies at once, at most: about 1 ms per 100 on a local disk. */
  maxFramesHere?: number
  /** A copy on the server's connection that takes longer leaves the copies of the next `slowPauseMs` to the thread. */
  slowHereMs?: number
  slowPauseMs?: number
}

export function startCheckpointer(
  file: string,
  { intervalMs = 1000, idleRounds = 30, own, maxFramesHere = 128, slowHereMs = 10, slowPauseMs = 10 * 60_000 }: CheckpointerOptions = {},
): Checkpointer {
  /** Until when copies go to the thread after a slow one here (a disk busy for a moment, or a slow disk). */
  let threadOnlyUntil = 0
  let worker: Worker | null = null
  const exits = new Set<Promise<void>>()
  let stopped = false
  /** The log file as last seen (size and modification time): a change means a write to checkpoint. */
  let seen = ''
  /** Whether the log may hold frames not yet copied; whatever it holds at start is looked at first. */
  let dirty = true

  const start = () => {
    dirty = false
    // Plain JavaScript: the worker needs none of the TypeScript loader the server may run under.
    const thread = new Worker(new URL('./checkpointWorker.js', import.meta.url), { workerData: { file, intervalMs, idleRounds }, execArgv: [] })
    worker = thread
    thread.unref()
    thread.on('message', (message: { error?: string; stopped?: string; seen?: string }) => {
      if (message.error) log.warn('store.checkpoint_failed', { error: message.error })
      if (message.stopped === 'idle' && worker === thread) {
        // Everything written before the thread last looked at the file is checkpointed; a later write changes it.
        worker = null
        seen = message.seen ?? ''
      }
    })
    thread.on('error', (error) => log.error('store.checkpointer_failed', { error }))
    const exited = new Promise<void>((resolve) =>
      thread.once('exit', () => {
        if (worker === thread) worker = null
        exits.delete(exited)
        resolve()
      }),
    )
    exits.add(exited)
  }

  /** One round without a thread: the log is copied here when it is short and was left alone, by a thread otherwise. */
  const look = (written: boolean) => {
    if (!own || performance.now() < threadOnlyUntil) {
      if (written) start()
      return
    }
    if (!dirty) return
    const before = own.checkpoint('NOOP')
    if (!before || before.busy) return
    const waiting = before.log - before.checkpointed
    if (onlyRestartPage(file, before)) dirty = false
    else if (waiting <= 0) dirty = written || !own.restartLog()
    else if (waiting > maxFramesHere) start()
    else if (!written) {
      // PASSIVE never waits for a reader: what a long read still needs is copied in a later round.
      const started = performance.now()
      const after = own.checkpoint('PASSIVE')
      dirty = !after || after.busy !== 0 || after.checkpointed < after.log
      // The restart's fsync counts too: on a slow disk, it goes to the thread with the copies.
      if (!dirty) dirty = !own.restartLog()
      const ms = performance.now() - started
      if (ms > slowHereMs) {
        threadOnlyUntil = performance.now() + slowPauseMs
        log.warn('store.checkpoint_slow', { ms: Math.round(ms), frames: waiting, note: `checkpoints run on a thread of their own for ${Math.round(slowPauseMs / 1000)} s` })
      }
    }
  }

  // Whatever the log holds at start is looked at in the first round; after that, whenever the log file changes.
  if (!own) start()
  const watch = setInterval(() => {
    fs.stat(`${file}-wal`, (error, stats) => {
      if (stopped) return
      const now = error ? 'absent' : `${stats.size}:${stats.mtimeMs}`
      const written = now !== seen
      seen = now
      if (written && !error) dirty = true
      if (worker || error) return
      try {
        look(written)
      } catch (failure) {
        log.warn('store.checkpoint_failed', { error: String(failure) })
      }
    })
  }, intervalMs)
  watch.unref()

  return {
    get running() {
      return worker !== null
    },
    async stop() {
      stopped = true
      clearInterval(watch)
      worker?.postMessage('stop')
      await Promise.all(exits)
    },
  }
}

/** The server's SQLite connection as an `OwnConnection`; undefined when its SQLite is too old to ask without copying. */
export function ownConnection(db: WalConnection & { inTransaction: boolean }): OwnConnection | undefined {
  if (!knowsNoopCheckpoint(db)) return undefined
  return {
    checkpoint(mode) {
      if (db.inTransaction) return null
      const [frames] = db.pragma(`wal_checkpoint(${mode})`) as LogFrames[]
      return frames
    },
    restartLog() {
      if (db.inTransaction) return false
      return restartLog(db)
    },
  }
}
