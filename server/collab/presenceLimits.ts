/**
 * Reads a presence (awareness) update and checks it against the limits on what one connection may publish:
 * the size and nesting of each state and the number of client ids, before any of it is parsed as JSON.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { ProtocolError } from './protocol.ts'

export interface PresenceLimits {
  /** Largest presence state (its JSON), in bytes. */
  maxPresenceStateBytes: number
  /** Deepest nesting of objects and arrays in a presence state. */
  maxPresenceDepth: number
  /** Client ids one connection may speak for. */
  maxPresenceIdsPerConnection: number
}

export interface PresenceEntry {
  clientId: number
  clock: number
  /** The state as JSON ("null" when the client leaves). */
  json: string
}

/** Encodes entries back into an awareness update (the inverse of readPresenceUpdate). */
export function writePresenceUpdate(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json)
  }
  return encoding.toUint8Array(encoder)
}

/** Decodes an awareness update into its entries; throws ProtocolError when it does not decode. */
export function readPresenceUpdate(update: Uint8Array): PresenceEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    // Each entry takes at least three bytes: a count past that is a lie, not a reason to allocate.
    if (count > update.length) throw new ProtocolError('awareness update counts more entries than it holds')
    const entries: PresenceEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const json = decoding.readVarString(decoder)
      if (decoder.pos > decoder.arr.length) throw new ProtocolError('truncated awareness update')
      entries.push({ clientId, clock, json })
    }
    return entries
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError(`malformed awareness update: ${(error as Error).message}`)
  }
}

/** How deeply objects and arrays nest in a JSON text, found in one pass without parsing it. */
export function jsonDepth(json: string, stopAt = Infinity): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i)
    if (inString) {
      if (c === 92 /* \ */) i++
      else if (c === 34 /* " */) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > deepest) {
        deepest = depth
        if (deepest > stopAt) return deepest
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--
  }
  return deepest
}

/** Why a presence entry may not be published, or null when it may. */
export function presenceEntryProblem(entry: PresenceEntry, limits: PresenceLimits): string | null {
  // One byte per UTF-16 unit at least: a string longer than the limit in units is longer in bytes too.
  if (entry.json.length > limits.maxPresenceStateBytes || Buffer.byteLength(entry.json) > limits.maxPresenceStateBytes) {
    return `presence state of client ${entry.clientId} is larger than ${limits.maxPresenceStateBytes} bytes`
  }
  if (jsonDepth(entry.json, limits.maxPresenceDepth) > limits.maxPresenceDepth) {
    return `presence state of client ${entry.clientId} nests deeper than ${limits.maxPresenceDepth} levels`
  }
  return null
}
