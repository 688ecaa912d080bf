/**
 * Lowers the scheduling priority of the calling thread (Linux: a thread's id is a pid to setpriority), so heavy work
 * yields the CPU to the relay's thread when cores are short. Elsewhere, or when not allowed, nothing changes.
 */
import fs from 'node:fs'
import os from 'node:os'

export function lowerThreadPriority(nice: number): void {
  if (nice <= 0 || process.platform !== 'linux') return
  try {
    // "<pid>/task/<tid>" for the thread that reads the link.
    const threadId = Number(fs.readlinkSync('/proc/thread-self').split('/').pop())
    if (Number.isInteger(threadId) && threadId > 0) os.setPriority(threadId, Math.min(19, nice))
  } catch {
    // No /proc or no permission: the thread keeps the process's priority.
  }
}
