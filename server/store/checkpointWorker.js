// Checkpoints the SQLite write-ahead log from a worker thread while there is much to copy, so the server's event loop
// does not (see checkpointer.ts). Once the log has been copied whole and nothing new has been written for `idleRounds`
// rounds, the thread ends (a server at rest holds none); the server starts another when there is much to copy again.
// Each copy of the whole log is followed by the write that starts it afresh (walRestart.js), here, not in an edit.
import fs from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { knowsNoopCheckpoint, onlyRestartPage, restartLog } from './walRestart.js'

const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
// Without NOOP, the log cannot be looked at without copying it: copies go on as before, with no restart.
const restarts = knowsNoopCheckpoint(db)
let quietRounds = 0
let lastLog = -1

/** The log file's size and modification time, as the server compares them, and how long ago it was modified. */
function logFileState() {
  try {
    const stats = fs.statSync(`${workerData.file}-wal`)
    return { seen: `${stats.size}:${stats.mtimeMs}`, age: Date.now() - stats.mtimeMs }
  } catch {
    return { seen: 'absent', age: Number.POSITIVE_INFINITY }
  }
}

function stop(reason, seen) {
  clearInterval(timer)
  db.close()
  parentPort.postMessage({ stopped: reason, seen })
  parentPort.close()
}

const timer = setInterval(() => {
  try {
    // Read before the checkpoint: a write after it changes the file, and the server starts a thread again for it. A
    // file modified within the last round is not trusted for that (a write in the same tick of the file system's
    // clock, over a log restarted at the same size, would not change what the server sees).
    const { seen, age } = logFileState()
    if (restarts && onlyRestartPage(workerData.file, db.pragma('wal_checkpoint(NOOP)')[0])) {
      // Nothing written since the last restart.
      quietRounds++
    } else {
      // PASSIVE never blocks the writer: it copies what it can and leaves the rest for the next round.
      const [{ busy, log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)')
      // Copied whole (not: another connection was checkpointing, which reports -1 for both): start it afresh, unless
      // someone is writing (then the next round).
      const copied = busy === 0 && log === checkpointed
      const restarted = restarts && copied && log > 0 && restartLog(db)
      quietRounds = !restarted && copied && log === lastLog ? quietRounds + 1 : 0
      lastLog = log
    }
    if (quietRounds >= workerData.idleRounds && age > workerData.intervalMs) stop('idle', seen)
  } catch (error) {
    quietRounds = 0
    parentPort.postMessage({ error: String(error) })
  }
}, workerData.intervalMs)

parentPort.on('message', (message) => {
  if (message === 'stop') stop('asked')
})
