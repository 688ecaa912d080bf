// Checkpoints the SQLite write-ahead log from a worker thread, so the server's event loop never does.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
const timer = setInterval(() => {
  try {
    // PASSIVE never blocks the writer: it copies what it can and leaves the rest for the next round.
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    parentPort.postMessage({ error: String(error) })
  }
}, workerData.intervalMs)

parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer)
    db.close()
    parentPort.close()
  }
})
