/** The body of a heavy-work thread: runs each task it is sent and answers with its result or its error. */
import { parentPort, workerData } from 'node:worker_threads'
import { ApiError } from '../../shared/errors/apiError.ts'
import { keepBuiltDocuments, resolveStoredInputs, trimBuiltDocuments, type StoredSource } from './storedReader.ts'
import { runTask, type TaskName } from './tasks.ts'
import { lowerThreadPriority } from './threadPriority.ts'

const { source = null, nice = 0, keepBytes = 0 } = (workerData ?? {}) as { source?: StoredSource | null; nice?: number; keepBytes?: number }
lowerThreadPriority(nice)
keepBuiltDocuments(keepBytes)

parentPort!.on('message', async ({ id, name, input }: { id: number; name: TaskName; input: never }) => {
  try {
    await resolveStoredInputs(input, source)
    const result = await runTask(name, input)
    // Bytes the task made (a file, a state) move to the relay's thread instead of being copied.
    const transfer = result && typeof result === 'object' ? Object.values(result).filter((value) => value instanceof Uint8Array).map((bytes) => bytes.buffer as ArrayBuffer) : []
    parentPort!.postMessage({ id, ok: true, result }, transfer)
  } catch (error) {
    const reply =
      error instanceof ApiError
        ? { status: error.status, code: error.code, message: error.message, details: error.details }
        : { message: error instanceof Error ? error.message : String(error) }
    parentPort!.postMessage({ id, ok: false, error: reply })
  } finally {
    trimBuiltDocuments()
  }
})
