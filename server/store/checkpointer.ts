/**
 * Runs WAL checkpoints on a worker thread, off the relay's event loop, while there is something to checkpoint. The
 * thread ends once the log has been copied and left alone for a while (30 s by default); the server watches the log
 * file (its size and modification time, once per interval) and starts a thread again when it is written.
 */
import fs from 'node:fs'
import { Worker } from 'node:worker_threads'
import { log } from '../log.ts'

export interface Checkpointer {
  /** Whether a checkpoint thread is running now. */
  readonly running: boolean
  stop(): Promise<void>
}

export interface CheckpointerOptions {
  intervalMs?: number
  /**
   * Rounds with nothing new to copy before the thread ends. Long enough that editing in bursts (a few seconds of
   * typing, a pause, more typing) keeps one thread rather than starting a new one (a V8 isolate) after each pause.
   */
  idleRounds?: number
}

export function startCheckpointer(file: string, { intervalMs = 1000, idleRounds = 30 }: CheckpointerOptions = {}): Checkpointer {
  let worker: Worker | null = null
  const exits = new Set<Promise<void>>()
  let stopped = false
  /** The log file as last seen (size and modification time): a change means a write to checkpoint. */
  let seen = ''

  const start = () => {
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

  // Whatever the log holds at start is checkpointed; after that, a thread starts whenever the log file changes.
  start()
  const watch = setInterval(() => {
    fs.stat(`${file}-wal`, (error, stats) => {
      if (stopped) return
      const now = error ? 'absent' : `${stats.size}:${stats.mtimeMs}`
      if (now === seen) return
      seen = now
      if (!worker && !error) start()
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
