/**
 * Whether a document update (Yjs update format v1) reads through whole: every struct and the delete set decode, as
 * Yjs would decode them, without building a struct, an item's content or a string. A cold document's stored bytes
 * are checked this way before they answer a sync request, where reading them through with Yjs (an object per struct)
 * would take most of the answer's time.
 *
 * It is never more lenient than Yjs: bytes it accepts decode with `Y.decodeUpdate` (its test checks this against
 * Yjs on generated and mutated updates). It may be stricter: trailing bytes after the delete set are refused.
 */
import * as decoding from 'lib0/decoding'

/** Item content kinds (the low five bits of a struct's info byte); 0 is a GC struct and 10 a skip, not content. */
const contentDeleted = 1
const contentJson = 2
const contentBinary = 3
const contentString = 4
const contentEmbed = 5
const contentFormat = 6
const contentType = 7
const contentAny = 8
const contentDoc = 9
const skipStruct = 10

/** Shared types whose encoding carries a name after their kind (XmlElement, XmlHook); kinds above 6 do not exist. */
const typeWithName = new Set([3, 5])
const lastTypeRef = 6

const hasOrigin = 0x80
const hasRightOrigin = 0x40
const hasParentSub = 0x20
const contentBits = 0x1f

class Unreadable extends Error {}

function byte(decoder: decoding.Decoder): number {
  if (decoder.pos >= decoder.arr.length) throw new Unreadable()
  return decoder.arr[decoder.pos++]
}

/** Moves past `length` bytes, which must all be there. */
function skip(decoder: decoding.Decoder, length: number): void {
  if (length > decoder.arr.length - decoder.pos) throw new Unreadable()
  decoder.pos += length
}

/**
 * Moves past a length-prefixed string, checking that its bytes are valid UTF-8 as Yjs's fatal decoder requires
 * (no overlong forms, no surrogates, nothing past U+10FFFF).
 */
function skipString(decoder: decoding.Decoder): void {
  const length = decoding.readVarUint(decoder)
  const arr = decoder.arr
  const end = decoder.pos + length
  if (end > arr.length) throw new Unreadable()
  let i = decoder.pos
  while (i < end) {
    const first = arr[i]
    if (first < 0x80) {
      i++
      continue
    }
    let needed: number
    let lower = 0x80
    let upper = 0xbf
    if (first >= 0xc2 && first <= 0xdf) needed = 1
    else if (first >= 0xe0 && first <= 0xef) {
      needed = 2
      if (first === 0xe0) lower = 0xa0
      else if (first === 0xed) upper = 0x9f
    } else if (first >= 0xf0 && first <= 0xf4) {
      needed = 3
      if (first === 0xf0) lower = 0x90
      else if (first === 0xf4) upper = 0x8f
    } else throw new Unreadable()
    if (i + needed >= end) throw new Unreadable()
    const second = arr[i + 1]
    if (second < lower || second > upper) throw new Unreadable()
    for (let k = 2; k <= needed; k++) {
      const next = arr[i + k]
      if (next < 0x80 || next > 0xbf) throw new Unreadable()
    }
    i += needed + 1
  }
  decoder.pos = end
}

/** A JSON value as Yjs stores it: a string that JSON.parse accepts. */
function skipJson(decoder: decoding.Decoder, allowUndefined: boolean): void {
  const text = decoding.readVarString(decoder)
  if (allowUndefined && text === 'undefined') return
  JSON.parse(text)
}

function skipAny(decoder: decoding.Decoder): void {
  decoding.readAny(decoder)
}

function skipContent(decoder: decoding.Decoder, kind: number): void {
  switch (kind) {
    case contentDeleted:
      decoding.readVarUint(decoder)
      return
    case contentJson: {
      const count = decoding.readVarUint(decoder)
      for (let i = 0; i < count; i++) skipJson(decoder, true)
      return
    }
    case contentBinary:
      skip(decoder, decoding.readVarUint(decoder))
      return
    case contentString:
      skipString(decoder)
      return
    case contentEmbed:
      skipJson(decoder, false)
      return
    case contentFormat:
      skipString(decoder)
      skipJson(decoder, false)
      return
    case contentType: {
      const typeRef = decoding.readVarUint(decoder)
      if (typeRef > lastTypeRef) throw new Unreadable()
      if (typeWithName.has(typeRef)) skipString(decoder)
      return
    }
    case contentAny: {
      const count = decoding.readVarUint(decoder)
      for (let i = 0; i < count; i++) skipAny(decoder)
      return
    }
    case contentDoc: {
      skipString(decoder)
      // Yjs reads the subdocument's options as an object: null or undefined does not decode.
      const options: unknown = decoding.readAny(decoder)
      if (options === null || options === undefined) throw new Unreadable()
      return
    }
    default:
      throw new Unreadable()
  }
}

function skipStructs(decoder: decoding.Decoder): void {
  const clients = decoding.readVarUint(decoder)
  for (let c = 0; c < clients; c++) {
    const structs = decoding.readVarUint(decoder)
    decoding.readVarUint(decoder) // client
    decoding.readVarUint(decoder) // first clock
    for (let s = 0; s < structs; s++) {
      const info = byte(decoder)
      if (info === skipStruct) {
        decoding.readVarUint(decoder)
        continue
      }
      const kind = info & contentBits
      if (kind === 0) {
        decoding.readVarUint(decoder) // a GC struct's length
        continue
      }
      if (info & hasOrigin) {
        decoding.readVarUint(decoder)
        decoding.readVarUint(decoder)
      }
      if (info & hasRightOrigin) {
        decoding.readVarUint(decoder)
        decoding.readVarUint(decoder)
      }
      if ((info & (hasOrigin | hasRightOrigin)) === 0) {
        // The parent: a root type's name, or the id of the item that holds it.
        if (decoding.readVarUint(decoder) === 1) skipString(decoder)
        else {
          decoding.readVarUint(decoder)
          decoding.readVarUint(decoder)
        }
        if (info & hasParentSub) skipString(decoder)
      }
      skipContent(decoder, kind)
    }
  }
}

function skipDeleteSet(decoder: decoding.Decoder): void {
  const clients = decoding.readVarUint(decoder)
  for (let c = 0; c < clients; c++) {
    decoding.readVarUint(decoder) // client
    const ranges = decoding.readVarUint(decoder)
    for (let r = 0; r < ranges; r++) {
      decoding.readVarUint(decoder) // clock
      decoding.readVarUint(decoder) // length
    }
  }
}

/** Whether `update` reads through whole as a Yjs v1 update, with nothing left over. */
export function readsThrough(update: Uint8Array): boolean {
  const decoder = decoding.createDecoder(update)
  try {
    skipStructs(decoder)
    skipDeleteSet(decoder)
    return decoder.pos === update.length
  } catch {
    return false
  }
}
