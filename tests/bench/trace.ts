/** The automerge-paper editing trace: loading it, and turning it into one Yjs update per edit. */
import fs from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import * as Y from 'yjs'

export type Patch = [position: number, deleteCount: number, insertText: string]

export interface SequentialTrace {
  startContent: string
  endContent: string
  txns: Array<{ patches: Patch[] }>
}

export interface TraceUpdates {
  /** One update per patch, in order, as emitted by the local document. */
  updates: Uint8Array[]
  /** The local document after every patch: its text equals the trace's endContent. */
  doc: Y.Doc
  /** The text after the patches replayed: the trace's endContent when all of them were. */
  endContent: string
  patchCount: number
  /** Milliseconds spent applying the patches locally. */
  generateMs: number
}

export const textName = 'content'

/** `../shared/traces` beside the repository. */
export const tracesDir = path.resolve(import.meta.dirname, '../../../shared/traces')

export function loadTrace(name = 'automerge-paper'): SequentialTrace {
  const file = path.join(tracesDir, `${name}.json.gz`)
  return JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')) as SequentialTrace
}

/**
 * Applies each patch (the first `limit` of them) in its own transaction to a fresh Y.Doc and captures the update each one
 * emits. Positions are in code points; Y.Text counts UTF-16 units, so positions are converted
 * whenever the text holds characters outside the BMP.
 */
export function traceToUpdates(trace: SequentialTrace, limit = Number.POSITIVE_INFINITY): TraceUpdates {
  const doc = new Y.Doc()
  const text = doc.getText(textName)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  if (trace.startContent) text.insert(0, trace.startContent)
  updates.length = 0

  const astral = /[\u{10000}-\u{10FFFF}]/u.test(trace.endContent) || trace.txns.some((t) => t.patches.some((p) => /[\u{10000}-\u{10FFFF}]/u.test(p[2])))
  let mirror = astral ? [...trace.startContent] : null
  const toUnits = (pos: number): number => (mirror ? mirror.slice(0, pos).join('').length : pos)

  let patchCount = 0
  const started = performance.now()
  replay: for (const txn of trace.txns) {
    for (const [position, deleteCount, insertText] of txn.patches) {
      if (patchCount >= limit) break replay
      doc.transact(() => {
        const at = toUnits(position)
        if (deleteCount > 0) {
          const deleteUnits = mirror ? mirror.slice(position, position + deleteCount).join('').length : deleteCount
          text.delete(at, deleteUnits)
        }
        if (insertText) text.insert(at, insertText)
      })
      if (mirror) mirror.splice(position, deleteCount, ...insertText)
      patchCount++
    }
  }
  const generateMs = performance.now() - started
  mirror = null
  const result = text.toString()
  const complete = patchCount === trace.txns.reduce((sum, txn) => sum + txn.patches.length, 0)
  if (complete && result !== trace.endContent) {
    throw new Error(`replaying the trace locally gave ${result.length} characters that differ from endContent (${trace.endContent.length})`)
  }
  if (updates.length !== patchCount) throw new Error(`expected ${patchCount} updates, captured ${updates.length}`)
  return { updates, doc, endContent: result, patchCount, generateMs }
}
