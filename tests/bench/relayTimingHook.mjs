/**
 * Loaded into a relay server with `node --import` (ours and the reference alike) for the relay timing row of the bench:
 * for each edit a writer sends (a masked WebSocket frame carrying a y-websocket sync update), the time from the socket's
 * data event to the first and to the last socket write that follows (the relay to the readers). Written as JSON to
 * RELAY_TIMING_OUT when the process gets SIGTERM. Only meaningful with one writer: with several, relays interleave.
 */
import fs from 'node:fs'
import net from 'node:net'

const out = process.env.RELAY_TIMING_OUT
const minWrites = Number(process.env.RELAY_TIMING_MIN_WRITES ?? 50)
const records = []
let arrived = 0
let first = 0
let last = 0
let writes = 0

/** Whether a chunk read from a client is one masked binary frame whose message is a sync update (types 0, 2). */
function isUpdateFrame(chunk) {
  if (!Buffer.isBuffer(chunk) || chunk.length < 8 || chunk[0] !== 0x82 || (chunk[1] & 0x80) === 0) return false
  const length = chunk[1] & 0x7f
  const keyAt = length === 126 ? 4 : length === 127 ? 10 : 2
  const payloadAt = keyAt + 4
  if (chunk.length < payloadAt + 2) return false
  return (chunk[payloadAt] ^ chunk[keyAt]) === 0 && (chunk[payloadAt + 1] ^ chunk[keyAt + 1]) === 2
}

function close() {
  if (arrived && writes >= minWrites) records.push({ firstMs: first - arrived, lastMs: last - arrived, writes })
  arrived = 0
}

const emit = net.Socket.prototype.emit
net.Socket.prototype.emit = function (event, chunk, ...rest) {
  if (event === 'data' && isUpdateFrame(chunk)) {
    close()
    arrived = performance.now()
    writes = 0
  }
  return emit.call(this, event, chunk, ...rest)
}
const write = net.Socket.prototype.write
net.Socket.prototype.write = function (...args) {
  // The server's own output (piped to the bench) is a socket too, and no relay.
  if (arrived && this !== process.stdout && this !== process.stderr) {
    const now = performance.now()
    if (writes === 0) first = now
    last = now
    writes++
  }
  return write.apply(this, args)
}

process.on('SIGTERM', () => {
  close()
  if (out) fs.writeFileSync(out, JSON.stringify(records))
  // The reference has no SIGTERM handler of its own: this one would keep it alive.
  if (process.listenerCount('SIGTERM') === 1) process.exit(0)
})
