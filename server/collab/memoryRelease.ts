/**
 * After many rooms unload, asks V8 for a full collection so the memory they held goes back to the
 * system now rather than whenever the heap next grows. Does nothing when no collector can be had.
 */
import v8 from 'node:v8'
import vm from 'node:vm'

type Collect = () => void

function findCollector(): Collect | null {
  const exposed = (globalThis as { gc?: Collect }).gc
  if (exposed) return exposed
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
