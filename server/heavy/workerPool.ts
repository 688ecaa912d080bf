/**
 * A small pool of worker threads for CPU-heavy work (validation, export, comparison, compilation), so that none of it
 * runs on the relay's event loop. The queue is bounded (503 beyond), so is each member's share of it (429 beyond), and
 * a task that runs too long or out of memory ends its thread, not the server. Threads start with the first task that
 * needs one and end after a while without work, so an idle server holds none.
 */
import { Worker } from 'node:worker_threads'
import { ApiError } from '../../shared/errors/apiError.ts'
import { log } from '../log.ts'
import type { TaskInput, TaskName, TaskOutput } from './tasks.ts'
import { RetryLater } from './retryLater.ts'

export interface WorkerPoolOptions {
  /** Threads: one per spare core, at least one. */
  size: number
  /** Tasks waiting for a thread, at most; beyond, 503 with Retry-After. */
  maxQueued: number
  /** Tasks one member may have running or waiting at once; beyond, 429 with Retry-After (0: no limit). */
  maxPerMember: number
  /** A task running longer ends its thread and answers 503. */
  timeoutMs: number
  /** Heap of each thread, in MiB: a document that needs more fails alone. */
  maxMemoryMb: number
  /** A thread without work for this long ends (0: threads stay until the pool closes). */
  idleMs: number
  /** The data directory whose database the threads read stored documents from (by reference); none: bytes only. */
  dataDir?: string
  /** PostgreSQL instead of the data directory's SQLite file: each thread opens a pool of `databasePoolSize` to it. */
  databaseUrl?: string | null
  databasePoolSize?: number
  /** Niceness the threads give themselves (Linux), so the relay's thread wins the CPU when cores are short; 0: as the process. */
  nice?: number
  /** Stored bytes of the documents each thread keeps built for the next task on them (builtDocuments.ts); 0: none. */
  keepBytes?: number
}

interface Job {
  id: number
  name: TaskName
  input: unknown
  owner: number | null
  onStart?: () => void
  /** Ends the wait of a task given `maxWaitMs` (see run). */
  waitTimer?: NodeJS.Timeout
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

interface Slot {
  worker: Worker
  job: Job | null
  timer: NodeJS.Timeout | null
  /** Ends the thread when it has had no work for `idleMs`. */
  idleTimer: NodeJS.Timeout | null
  startedAt: number
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { status?: number; code?: string; message: string; details?: unknown } }

const workerEntry = new URL('./worker.js', import.meta.url)

export class WorkerPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  /** Short tasks a member is waiting on after a change (placing one proposal): taken before the queue, in turn. */
  private readonly urgent: Job[] = []
  private readonly perOwner = new Map<number, number>()
  private nextId = 1
  private closed = false
  /** Moving average of task durations, for the Retry-After hint. */
  private averageMs = 1000

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Threads alive now, busy or idle. */
  get threads(): number {
    return this.slots.length
  }

  /** Tasks running now. */
  get running(): number {
    return this.slots.filter((slot) => slot.job !== null).length
  }

  get queued(): number {
    return this.queue.length + this.urgent.length
  }

  /** Whether the threads read stored documents themselves, so that a task can be given a reference instead of bytes. */
  get readsStore(): boolean {
    return this.options.dataDir !== undefined
  }

  /** Why a task for `owner` would be refused now (its share taken, the queue full, the pool closed), or null. */
  private refusal(owner: number | null): Error | null {
    if (this.closed) return new ApiError(503, 'shutting_down', 'the server is shutting down')
    const { maxPerMember, maxQueued, size } = this.options
    if (owner !== null && maxPerMember > 0 && (this.perOwner.get(owner) ?? 0) >= maxPerMember) {
      return new RetryLater(429, 'too_many_jobs', `you have ${maxPerMember} exports or comparisons under way already; wait for them to finish`, this.retryAfter())
    }
    const idle = this.slots.some((slot) => slot.job === null) || this.slots.length < size
    if (!idle && this.queued >= maxQueued) {
      return new RetryLater(503, 'server_busy', 'the server is busy with other exports and comparisons; try again shortly', this.retryAfter())
    }
    return null
  }

  /**
   * Throws what `run` would refuse a task for `owner` with now: asked before gathering a task's input costs anything
   * on the relay's loop, so that a member past their share is refused before, not after, that work.
   */
  assertRoomFor(owner: number | null): void {
    const refused = this.refusal(owner)
    if (refused) throw refused
  }

  /**
   * Runs a task on a thread; `owner` (a member id) counts against that member's share. An `urgent` task (short, and
   * awaited by a member whose change is already stored) goes before the queued ones, after other urgent ones.
   * `onStart` is called as a thread takes the task up. A task no thread has taken up within `maxWaitMs` leaves the
   * queue, refused as the queue refuses (503 `server_busy`), so that its caller can do without it.
   */
  run<N extends TaskName>(
    name: N,
    input: TaskInput<N>,
    owner: number | null = null,
    { urgent = false, onStart, maxWaitMs }: { urgent?: boolean; onStart?: () => void; maxWaitMs?: number } = {},
  ): Promise<TaskOutput<N>> {
    const refused = this.refusal(owner)
    if (refused) return Promise.reject(refused)
    return new Promise((resolve, reject) => {
      if (owner !== null) this.perOwner.set(owner, (this.perOwner.get(owner) ?? 0) + 1)
      const queue = urgent ? this.urgent : this.queue
      const job: Job = { id: this.nextId++, name, input, owner, onStart, resolve: resolve as (value: unknown) => void, reject }
      queue.push(job)
      this.dispatch()
      if (maxWaitMs !== undefined && queue.includes(job)) {
        job.waitTimer = setTimeout(() => {
          const index = queue.indexOf(job)
          if (index < 0) return
          queue.splice(index, 1)
          this.settle(job, () => job.reject(new RetryLater(503, 'server_busy', 'the server is busy with other exports and comparisons; try again shortly', this.retryAfter())))
        }, maxWaitMs)
        job.waitTimer.unref()
      }
    })
  }

  /** Ends every thread; queued tasks are refused. */
  async close(): Promise<void> {
    this.closed = true
    for (const job of [...this.urgent.splice(0), ...this.queue.splice(0)]) this.settle(job, () => job.reject(new ApiError(503, 'shutting_down', 'the server is shutting down')))
    for (const slot of this.slots) if (slot.idleTimer) clearTimeout(slot.idleTimer)
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()))
  }

  private retryAfter(): number {
    const waiting = this.queued + this.running
    return Math.max(1, Math.ceil((this.averageMs * Math.max(1, waiting)) / this.options.size / 1000))
  }

  private dispatch(): void {
    while (this.queued > 0) {
      let slot = this.slots.find((candidate) => candidate.job === null)
      if (!slot && this.slots.length < this.options.size) slot = this.spawn()
      if (!slot) return
      const job = (this.urgent.length > 0 ? this.urgent : this.queue).shift()!
      clearTimeout(job.waitTimer)
      if (slot.idleTimer) clearTimeout(slot.idleTimer)
      slot.idleTimer = null
      slot.job = job
      slot.startedAt = Date.now()
      slot.timer = setTimeout(() => this.timedOut(slot), this.options.timeoutMs)
      slot.timer.unref()
      slot.worker.postMessage({ id: job.id, name: job.name, input: job.input })
      job.onStart?.()
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerEntry, {
      execArgv: [],
      workerData: {
        source:
          this.options.dataDir === undefined
            ? null
            : { dataDir: this.options.dataDir, databaseUrl: this.options.databaseUrl ?? null, poolSize: this.options.databasePoolSize },
        nice: this.options.nice ?? 0,
        keepBytes: this.options.keepBytes ?? 0,
      },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb },
    })
    worker.unref()
    const slot: Slot = { worker, job: null, timer: null, idleTimer: null, startedAt: 0 }
    worker.on('message', (reply: Reply) => this.replied(slot, reply))
    worker.on('error', (error) => this.lost(slot, error))
    worker.on('exit', (code) => this.lost(slot, new Error(`the worker thread exited (${code})`)))
    this.slots.push(slot)
    return slot
  }

  private replied(slot: Slot, reply: Reply): void {
    const job = slot.job
    if (!job || job.id !== reply.id) return
    this.finish(slot)
    this.averageMs = this.averageMs * 0.8 + (Date.now() - slot.startedAt) * 0.2
    if (reply.ok) this.settle(job, () => job.resolve(reply.result))
    else {
      const { status, code, message, details } = reply.error
      this.settle(job, () => job.reject(status && code ? new ApiError(status, code, message, details) : new Error(message)))
    }
    this.dispatch()
    if (slot.job === null) this.idle(slot)
  }

  /** The thread has nothing to do: it ends after `idleMs` unless a task comes first. */
  private idle(slot: Slot): void {
    if (this.options.idleMs <= 0 || this.closed) return
    slot.idleTimer = setTimeout(() => {
      const index = this.slots.indexOf(slot)
      if (index < 0 || slot.job !== null) return
      this.slots.splice(index, 1)
      void slot.worker.terminate()
    }, this.options.idleMs)
    slot.idleTimer.unref()
  }

  /** The thread died (out of memory, a crash): its task fails alone, a new thread takes the next one. */
  private lost(slot: Slot, error: unknown): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer)
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    this.slots.splice(index, 1)
    const job = slot.job
    this.finish(slot)
    if (job) {
      log.warn('heavy.worker_lost', { task: job.name, error })
      const outOfMemory = (error as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY'
      this.settle(job, () =>
        job.reject(
          outOfMemory
            ? new ApiError(422, 'document_too_large', 'this document needs more memory to process than the server allows for one task')
            : new ApiError(500, 'work_failed', 'the server could not finish this work'),
        ),
      )
    }
    if (!this.closed) this.dispatch()
  }

  private timedOut(slot: Slot): void {
    const job = slot.job
    if (!job) return
    const index = this.slots.indexOf(slot)
    if (index >= 0) this.slots.splice(index, 1)
    this.finish(slot)
    void slot.worker.terminate()
    log.warn('heavy.task_timed_out', { task: job.name, timeoutMs: this.options.timeoutMs })
    this.settle(job, () =>
      job.reject(new RetryLater(503, 'work_timed_out', `this took longer than ${Math.round(this.options.timeoutMs / 1000)} s and was stopped`, this.retryAfter())),
    )
    this.dispatch()
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    slot.job = null
  }

  private settle(job: Job, answer: () => void): void {
    if (job.owner !== null) {
      const left = (this.perOwner.get(job.owner) ?? 1) - 1
      if (left > 0) this.perOwner.set(job.owner, left)
      else this.perOwner.delete(job.owner)
    }
    answer()
  }
}
