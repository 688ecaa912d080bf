import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { MemoryRelease } from './memoryRelease.ts'

describe('MemoryRelease', () => {
  it('compacts: gives back the pages that what survives the unloaded rooms still holds a part of', () => {
    // In a process of its own, whose heap holds nothing else: many small objects, of which one in three survives,
    // scattered over every page. Two plain full collections, each once its sweeping is over, keep those pages.
    const script = `
      import { MemoryRelease } from ${JSON.stringify(path.join(import.meta.dirname, 'memoryRelease.ts'))}
      const settle = () => new Promise((resolve) => setTimeout(resolve, 300))
      let rooms = []
      for (let i = 0; i < 400000; i++) rooms.push({ id: i, state: [i, i + 1], name: 'room ' + i })
      const survivors = rooms.filter((_, i) => i % 3 === 0)
      rooms = null
      globalThis.gc()
      await settle()
      globalThis.gc()
      await settle()
      const plain = process.memoryUsage().heapTotal
      new MemoryRelease(1, 10).roomUnloaded(() => 0)
      await settle()
      console.log(JSON.stringify({ plain, released: process.memoryUsage().heapTotal, survivors: survivors.length }))
    `
    const output = execFileSync(process.execPath, ['--expose-gc', '--max-semi-space-size=1', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })
    const { plain, released, survivors } = JSON.parse(output.trim().split('\n').at(-1)!) as { plain: number; released: number; survivors: number }
    expect(survivors).toBe(133334)
    expect(plain).toBeGreaterThan(40 * 1024 * 1024)
    // Measured with these options: 52.8 MiB kept by plain collections, 27.5 after the release.
    expect(released).toBeLessThan(plain * 0.7)
  })

  it('collects once a wave of unloads has settled, and soon after the last room has gone', () => {
    vi.useFakeTimers()
    const gc = vi.fn()
    const global = globalThis as { gc?: () => void }
    const exposed = global.gc
    global.gc = gc
    try {
      const release = new MemoryRelease(3, 2000, 100)
      let others = 5
      const otherRooms = () => others
      // One unload, rooms still open: not worth a pause.
      release.roomUnloaded(otherRooms)
      vi.advanceTimersByTime(5000)
      expect(gc).not.toHaveBeenCalled()
      // A wave reaching the threshold: one collection, 2 s after its last unload.
      others = 4
      release.roomUnloaded(otherRooms)
      vi.advanceTimersByTime(1000)
      others = 3
      release.roomUnloaded(otherRooms)
      vi.advanceTimersByTime(1999)
      expect(gc).not.toHaveBeenCalled()
      vi.advanceTimersByTime(1)
      expect(gc).toHaveBeenCalledTimes(1)
      // Rooms still unloading count: no shortcut while the wave goes on.
      others = 1
      release.roomUnloaded(otherRooms)
      vi.advanceTimersByTime(1999)
      expect(gc).toHaveBeenCalledTimes(1)
      // The last room: no other unload can follow.
      others = 0
      release.roomUnloaded(otherRooms)
      vi.advanceTimersByTime(99)
      expect(gc).toHaveBeenCalledTimes(1)
      vi.advanceTimersByTime(1)
      expect(gc).toHaveBeenCalledTimes(2)
      // A room opened during that wait: below the threshold, nothing is collected.
      release.roomUnloaded(otherRooms)
      others = 1
      vi.advanceTimersByTime(5000)
      expect(gc).toHaveBeenCalledTimes(2)
    } finally {
      global.gc = exposed
      vi.useRealTimers()
    }
  })
})
