/**
 * After many rooms unload, asks V8 for a full collection that also compacts the heap, so the memory they held goes
 * back to the system now rather than whenever the heap next grows. A plain full collection frees what is dead but
 * leaves what survives scattered over every page the rooms filled, and V8 keeps each page that still holds anything:
 * after 1,000 small documents closed, 21 MiB live kept a 48 MiB heap. Compacting moves the survivors together and
 * gives the emptied pages back. Does nothing when no collector can be had.
 *
 * The collection waits for the wave of unloads to end (2 s after the last one), or, once no other room is open,
 * loading or unloading, only for the last unload's own work to finish (100 ms): the server is then at rest, and holds
 * from then on what it holds after the collection (a fresh server that opened and closed one document: about
 * 69.5 MiB resident, against 72-77 MiB in the seconds before it). Should a room open meanwhile, the collection waits
 * for a wave as before.
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
    /** How long a wave of unloads is waited for after each one, so that it is collected once. */
    private readonly settleMs = 2000,
    /** The wait when no other room is open or unloading: only the last unload's own work is left to finish. */
    private readonly lastRoomMs = 100,
  ) {}

  /**
   * A room has unloaded. `otherRooms` counts the rooms still open, loading or unloading besides it, and is asked
   * again when the collection is due: a room opened meanwhile is then counted too.
   */
  roomUnloaded(otherRooms: () => number): void {
    this.unloaded++
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(
      () => {
        this.timer = null
        if (this.unloaded < this.threshold && otherRooms() > 0) return
        this.unloaded = 0
        this.collect ??= findCollector()
        this.collect?.()
      },
      otherRooms() === 0 ? this.lastRoomMs : this.settleMs,
    )
    this.timer.unref()
  }
}
