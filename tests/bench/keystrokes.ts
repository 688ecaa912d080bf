/**
 * Keystroke to paint, measured in the page: a performance mark when the editor receives `keydown` (capture phase, before
 * ProseMirror), a measure from it once the next frame has been painted (requestAnimationFrame, then a task posted from it,
 * which runs after that frame is presented: the usual "next paint" approximation).
 */
import type { Page } from 'playwright-core'
import { percentile } from './latency.ts'

export interface KeystrokeOptions {
  /** The editor's contenteditable element. */
  editorSelector: string
  text: string
  /** Keystrokes at the start that are typed and measured but left out of the figures. */
  warmup: number
  /** Least time from one key press to the next; a key is only pressed once the previous one has been measured. */
  minIntervalMs: number
  /** Longest wait for one keystroke's measurement. */
  keyTimeoutMs: number
}

export interface KeystrokeResult {
  keys: number
  warmup: number
  /** Keydown to next paint of each keystroke after the warm-up, in the order typed (ms). */
  durationsMs: number[]
  /** From the event's timestamp (the browser received the input) to the keydown handler, after the warm-up (ms). */
  inputDelaysMs: number[]
  /** keydown to the start of the next frame (its requestAnimationFrame callback): the key's own work, and whatever else ran before the frame, after the warm-up (ms). */
  toFrameMs: number[]
  /** From the start of that frame to after its paint: rAF callbacks, style, layout, paint, after the warm-up (ms). */
  frameMs: number[]
  p50Ms: number
  p95Ms: number
  maxMs: number
  meanMs: number
  /** Keystrokes per second over the whole typing, warm-up included. */
  keysPerSecond: number
}

interface KeyTiming {
  /** keydown handler (performance.now()). */
  keydown: number
  /** The next animation frame started. */
  frame: number | null
  /** A task posted from that frame's requestAnimationFrame callback ran: the frame has been painted. */
  painted: number | null
  /** From the event's timestamp (the browser received the input) to the keydown handler. */
  inputDelay: number
}

interface ProbeWindow {
  __keyProbe: {
    keys: KeyTiming[]
    /** Keystroke-to-paint measures (performance.measure durations), in key order. */
    durations: number[]
    until(count: number, timeoutMs: number): Promise<number>
    /** Removes the listener. */
    dispose(): void
  }
}

/** Installs the measuring listeners on the editor; every later keydown there is measured. */
export async function installKeystrokeProbe(page: Page, editorSelector: string): Promise<void> {
  await page.evaluate((selector) => {
    const dom = document.querySelector(selector)
    if (!dom) throw new Error(`no ${selector} in the page`)
    ;(window as unknown as Partial<ProbeWindow>).__keyProbe?.dispose()
    const keys: KeyTiming[] = []
    const durations: number[] = []
    const waiters: Array<{ count: number; resolve: (n: number) => void }> = []
    let measured = 0
    const afterTask = (callback: () => void) => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        channel.port1.close()
        callback()
      }
      channel.port2.postMessage(null)
    }
    const probe: ProbeWindow['__keyProbe'] = {
      keys,
      durations,
      dispose: () => dom.removeEventListener('keydown', onKeydown, { capture: true }),
      until(count, timeoutMs) {
        if (measured >= count) return Promise.resolve(measured)
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`only ${measured} of ${count} keystrokes measured after ${timeoutMs} ms`)), timeoutMs)
          waiters.push({
            count,
            resolve: (n) => {
              clearTimeout(timer)
              resolve(n)
            },
          })
        })
      },
    }
    const onKeydown = (event: Event) => {
      const id = keys.length
      const mark = `bench-keydown-${id}`
      performance.mark(mark)
      const key: KeyTiming = { keydown: performance.now(), frame: null, painted: null, inputDelay: 0 }
      key.inputDelay = key.keydown - event.timeStamp
      keys.push(key)
      requestAnimationFrame(() => {
        key.frame = performance.now()
        afterTask(() => {
          key.painted = performance.now()
          const measure = performance.measure(`bench-keystroke-${id}`, mark)
          durations[id] = measure.duration
          performance.clearMarks(mark)
          performance.clearMeasures(measure.name)
          measured++
          for (let i = waiters.length - 1; i >= 0; i--) {
            if (measured >= waiters[i].count) waiters.splice(i, 1)[0].resolve(measured)
          }
        })
      })
    }
    dom.addEventListener('keydown', onKeydown, { capture: true })
    ;(window as unknown as ProbeWindow).__keyProbe = probe
  }, editorSelector)
}

export interface Summary {
  p50: number
  p95: number
  max: number
  mean: number
}

export function summarize(values: readonly number[]): Summary {
  const sorted = Float64Array.from(values).sort()
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    mean: values.reduce((a, b) => a + b, 0) / Math.max(1, values.length),
  }
}

/** Types `text` one key press at a time into the focused editor, each measured by the probe. */
export async function typeMeasured(page: Page, options: KeystrokeOptions): Promise<KeystrokeResult> {
  await installKeystrokeProbe(page, options.editorSelector)
  const keys = [...options.text]
  const started = performance.now()
  for (let i = 0; i < keys.length; i++) {
    const pressedAt = performance.now()
    await page.keyboard.press(keys[i] === ' ' ? 'Space' : keys[i])
    await page.evaluate(({ count, timeoutMs }) => (window as unknown as ProbeWindow).__keyProbe.until(count, timeoutMs), { count: i + 1, timeoutMs: options.keyTimeoutMs })
    const wait = options.minIntervalMs - (performance.now() - pressedAt)
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }
  const seconds = (performance.now() - started) / 1000
  const { durations, timings } = await page.evaluate(() => {
    const probe = (window as unknown as ProbeWindow).__keyProbe
    return { durations: probe.durations, timings: probe.keys }
  })
  if (timings.length !== keys.length || durations.length !== keys.length || Array.from(durations).some((d) => typeof d !== 'number')) {
    throw new Error(`typed ${keys.length} keys but the editor saw ${timings.length} keydowns and ${durations.length} were measured`)
  }
  const kept = durations.slice(options.warmup)
  const total = summarize(kept)
  const keptTimings = timings.slice(options.warmup)
  return {
    keys: keys.length,
    warmup: options.warmup,
    durationsMs: kept,
    inputDelaysMs: keptTimings.map((t) => t.inputDelay),
    toFrameMs: keptTimings.map((t) => t.frame! - t.keydown),
    frameMs: keptTimings.map((t) => t.painted! - t.frame!),
    p50Ms: total.p50,
    p95Ms: total.p95,
    maxMs: total.max,
    meanMs: total.mean,
    keysPerSecond: keys.length / seconds,
  }
}

/** About `length` characters of lowercase words and spaces, deterministic. */
export function typingText(length: number): string {
  const words = ['the', 'group', 'recommends', 'that', 'states', 'share', 'points', 'of', 'contact', 'and', 'report', 'on', 'national', 'measures', 'annually']
  const out: string[] = []
  let total = 0
  for (let i = 0; total < length; i++) {
    const word = words[(i * 7) % words.length]
    out.push(word)
    total += word.length + 1
  }
  return ` ${out.join(' ')}`.slice(0, length)
}

/**
 * Puts the caret in the middle of the document: in the top-level paragraph halfway through the draft, at the word
 * boundary nearest its middle. Returns the text of that paragraph before typing and the caret's position.
 */
export async function caretInTheMiddle(page: Page, editorSelector: string): Promise<{ paragraphIndex: number; paragraphs: number; pos: number; before: string }> {
  const placed = await page.evaluate((selector) => {
    type PmNode = { type: { name: string }; nodeSize: number; textContent: string; forEach(f: (child: PmNode, offset: number, index: number) => void): void }
    const element = document.querySelector(selector) as (HTMLElement & { editor?: { state: { doc: PmNode }; commands: { focus(pos: number, options?: { scrollIntoView: boolean }): boolean } } }) | null
    const editor = element?.editor
    if (!editor) throw new Error(`no TipTap editor on ${selector}`)
    const topParagraphs: Array<{ pos: number; node: PmNode }> = []
    editor.state.doc.forEach((child, offset) => {
      if (child.type.name === 'paragraph') topParagraphs.push({ pos: offset, node: child })
    })
    const index = Math.floor(topParagraphs.length / 2)
    const { pos, node } = topParagraphs[index]
    const text = node.textContent
    const space = text.indexOf(' ', Math.floor(text.length / 2))
    const offset = space < 0 ? text.length : space
    const caret = pos + 1 + offset
    editor.commands.focus(caret, { scrollIntoView: true })
    return { paragraphIndex: index, paragraphs: topParagraphs.length, pos: caret, before: text }
  }, editorSelector)
  // Chromium reports the moved selection in a later task; wait until the editor and the DOM agree.
  await page.waitForFunction(
    ({ selector, pos }) => {
      const element = document.querySelector(selector) as (HTMLElement & { editor?: { view: { posAtDOM(n: Node, o: number): number; state: { selection: { head: number } } } } }) | null
      const view = element?.editor?.view
      const selection = document.getSelection()
      if (!view || !selection?.focusNode || !element.contains(selection.focusNode) || document.activeElement !== element) return false
      try {
        return view.state.selection.head === pos && view.posAtDOM(selection.focusNode, selection.focusOffset) === pos
      } catch {
        return false
      }
    },
    { selector: editorSelector, pos: placed.pos },
    { polling: 16, timeout: 10_000 },
  )
  return placed
}

/** The text of the top-level paragraph with that index (among top-level paragraphs). */
export async function paragraphText(page: Page, editorSelector: string, paragraphIndex: number): Promise<string> {
  return page.evaluate(
    ({ selector, paragraphIndex }) => {
      type PmNode = { type: { name: string }; textContent: string; forEach(f: (child: PmNode) => void): void }
      const editor = (document.querySelector(selector) as (HTMLElement & { editor?: { state: { doc: PmNode } } }) | null)?.editor
      if (!editor) throw new Error(`no TipTap editor on ${selector}`)
      const found: string[] = []
      editor.state.doc.forEach((child) => {
        if (child.type.name === 'paragraph') found.push(child.textContent)
      })
      return found[paragraphIndex] ?? ''
    },
    { selector: editorSelector, paragraphIndex },
  )
}
