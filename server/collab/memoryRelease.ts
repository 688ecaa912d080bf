/**
 * After many rooms unload, asks V8 for a full collection that also compacts the heap, so the memory they held goes
 * back to the system now rather than whenever the heap next grows. A plain full collection frees what is dead but
 * leaves what survives scattered over every page the rooms filled, and V8 keeps each page that still holds anything:
 * after 1,000 small documents closed, 21 MiB live kept a 48 MiB heap. Compacting moves the survivors together and
 * gives the emptied pages back. Does nothing when no collector can be had.
 */
import v8 from 'node:v8'
import vm from 'node:vm'

type Collect = () => void

function findCollector(): Collect | null {
  const exposed = (globalThis as { gc?: Collect }).gc
  const collect = exposed ?? exposeCollector()
  if (!collect) return null
  return () => {
    // Only for this collection: compacting every full collection would lengthen the pauses of a busy server.
    v8.setFlagsFromString('--compact-on-every-full-gc')
    try {
      collect()
    } finally {
      v8.setFlagsFromString('--no-compact-on-every-full-gc')
    }
  }
}

function exposeCollector(): Collect | null {
  try {
    v8.setFlagsFromString('--expose-gc')
    return vm.runInNewContext('gc') as Collect
  } catch {
    return null
  }
}

export class MemoryRelease {
  private unloaded = 0
  private timer: NodeJS.Timeout | null = null
  private collect: Collect | null | undefined

  constructor(
    /** Unloads since the last collection that make one worth its pause. */
    private readonly threshold = 50,
    private readonly settleMs = 2000,
  ) {}

  roomUnloaded(remainingRooms: number): void {
    this.unloaded++
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.unloaded < this.threshold && remainingRooms > 0) return
      this.unloaded = 0
      this.collect ??= findCollector()
      this.collect?.()
    }, this.settleMs)
    this.timer.unref()
  }
}
