/** Runs WAL checkpoints on a worker thread, off the relay's event loop. */
import { Worker } from 'node:worker_threads'
import { log } from '../log.ts'

export interface Checkpointer {
  stop(): Promise<void>
}

export function startCheckpointer(file: string, intervalMs = 1000): Checkpointer {
  // Plain JavaScript: the worker needs none of the TypeScript loader the server may run under.
  const worker = new Worker(new URL('./checkpointWorker.js', import.meta.url), { workerData: { file, intervalMs }, execArgv: [] })
  worker.unref()
  worker.on('message', (message: { error?: string }) => {
    if (message.error) log.warn('store.checkpoint_failed', { error: message.error })
  })
  worker.on('error', (error) => log.error('store.checkpointer_failed', { error }))
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  return {
    async stop() {
      worker.postMessage('stop')
      await exited
    },
  }
}
