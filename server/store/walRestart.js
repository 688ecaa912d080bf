// Starting SQLite's write-ahead log afresh away from the edits. Once a checkpoint has copied the whole log, the next
// write starts it again from the top, and SQLite writes a new log header and syncs it (an fsync: 0.6 to 1 ms on a
// local disk, more on a network one) inside that write. Left to itself, that write is the next edit, stored before it
// is relayed: the first keystroke after every pause, and one edit a second while people type. So the checkpointer
// makes that write itself, right after a checkpoint that copied everything: one page, the database's first, with its
// application id set to what it already is. That one frame then stays in the log until other writes follow it
// (copying it alone would make the next edit start the log again): a log holding only it counts as copied.
//
// The write never waits for a lock: when another connection is writing (an edit, the admin CLI), it is left to the next
// round. An edit that comes while the checkpoint thread makes it waits for it (about a millisecond); and the thread's
// write makes the server's connection read its cached pages again once (a few reads the operating system has cached).
//
// Plain JavaScript, shared by the server's checkpointer (checkpointer.ts) and its checkpoint thread
// (checkpointWorker.js), which runs without the TypeScript loader.
import fs from 'node:fs'

/** The first SQLite that knows `wal_checkpoint(NOOP)` (3.51.0); an older one would take NOOP for PASSIVE and copy everything. */
const noopSince = [3, 51, 0]

/** Whether this connection's SQLite answers `wal_checkpoint(NOOP)` without copying anything. */
export function knowsNoopCheckpoint(db) {
  const version = String(db.prepare('SELECT sqlite_version()').pluck().get()).split('.').map(Number)
  const differs = noopSince.findIndex((part, i) => (version[i] ?? 0) !== part)
  return differs < 0 || (version[differs] ?? 0) > noopSince[differs]
}

/**
 * Writes the one page (see above) in a transaction of its own, which starts a log copied whole afresh. False, with
 * nothing written, when another connection holds the write lock.
 */
export function restartLog(db) {
  const timeout = Number(db.pragma('busy_timeout', { simple: true }))
  db.pragma('busy_timeout = 0')
  try {
    db.transaction(() => {
      const id = Number(db.pragma('application_id', { simple: true }))
      db.pragma(`application_id = ${id}`)
    }).immediate()
    return true
  } catch (error) {
    if (error?.code === 'SQLITE_BUSY') return false
    throw error
  } finally {
    db.pragma(`busy_timeout = ${timeout}`)
  }
}

/** Size of the log file's header, then of each frame's header: the frame's page number is its first 4 bytes. */
const logHeaderBytes = 32

/**
 * Whether the log (`frames`, as `wal_checkpoint` reports it for the database `file`) holds nothing to copy but the
 * page a restart wrote: one frame, not yet copied, of the database's first page.
 */
export function onlyRestartPage(file, frames) {
  if (frames.log !== 1 || frames.checkpointed !== 0) return false
  let fd
  try {
    fd = fs.openSync(`${file}-wal`, 'r')
    const page = Buffer.alloc(4)
    return fs.readSync(fd, page, 0, 4, logHeaderBytes) === 4 && page.readUInt32BE(0) === 1
  } catch {
    return false
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}
