/** Bold and italic carried into a redline's word segments from the runs of the version each segment comes from. */
import type { DraftBlock, TextRun } from '../model/draftModel.ts'
import type { TextSegment } from './comparison.ts'

/** A block's runs in order, lines joined by plain "\n" runs: their texts put together give the block's text. */
export function blockRuns(block: DraftBlock): TextRun[] {
  if (block.kind === 'heading') return block.runs
  const lines = block.kind === 'paragraph' ? block.lines : block.paragraphs
  return lines.flatMap((line, index) => [...(index > 0 ? [{ text: '\n', bold: false, italic: false }] : []), ...line.runs])
}

interface Mark {
  bold: boolean
  italic: boolean
}

/** The marks of each character of the runs' text. */
function marksByCharacter(runs: readonly TextRun[]): Mark[] {
  return runs.flatMap((run) => Array.from({ length: run.text.length }, () => ({ bold: run.bold, italic: run.italic })))
}

function segment(op: TextSegment['op'], text: string, mark: Mark | undefined): TextSegment {
  return { op, text, ...(mark?.bold ? { bold: true } : {}), ...(mark?.italic ? { italic: true } : {}) }
}

const isSpace = (character: string) => /\s/.test(character)

/**
 * Splits the segments where bold or italic changes: deleted text takes the earlier version's marks, equal and
 * inserted text the later version's. Equal and inserted segments spell the later text exactly; the earlier text is
 * followed by its non-space characters (the diff gives equal runs the later version's spacing). Where the segments
 * do not match both texts, they come back without marks rather than with misplaced ones.
 */
export function withMarks(segments: readonly TextSegment[], before: DraftBlock | null, after: DraftBlock | null): TextSegment[] {
  const beforeRuns = before ? blockRuns(before) : []
  const afterRuns = after ? blockRuns(after) : []
  // Most blocks have neither mark: they are left as they are without a look at each character.
  if (!beforeRuns.some((run) => run.bold || run.italic) && !afterRuns.some((run) => run.bold || run.italic)) return [...segments]
  const beforeMarks = marksByCharacter(beforeRuns)
  const afterMarks = marksByCharacter(afterRuns)
  const beforeText = before?.text ?? ''
  let beforeAt = 0
  let afterAt = 0
  /** Steps over the next non-space character of the earlier text, which must be `character`; its marks, or null. */
  const earlier = (character: string): Mark | null => {
    while (beforeAt < beforeText.length && isSpace(beforeText[beforeAt])) beforeAt++
    if (beforeText[beforeAt] !== character) return null
    return beforeMarks[beforeAt++]
  }
  const result: TextSegment[] = []
  for (const { op, text } of segments) {
    const marks: Array<Mark | undefined> = []
    for (let i = 0; i < text.length; i++) {
      const character = text[i]
      if (op !== 'insert' && !isSpace(character)) {
        const mark = earlier(character)
        if (mark === null) return [...segments]
        if (op === 'delete') marks.push(mark)
      } else if (op === 'delete') marks.push(undefined)
      if (op !== 'delete') marks.push(afterMarks[afterAt++])
    }
    // A deleted space takes the marks of the character before it, or else of the one after.
    for (let i = 0; i < marks.length; i++) marks[i] ??= marks[i - 1] ?? marks.slice(i + 1).find((mark) => mark !== undefined)
    let from = 0
    for (let i = 1; i <= text.length; i++) {
      if (i === text.length || marks[i - 1]?.bold !== marks[i]?.bold || marks[i - 1]?.italic !== marks[i]?.italic) {
        result.push(segment(op, text.slice(from, i), marks[i - 1]))
        from = i
      }
    }
  }
  if (after && afterAt !== afterMarks.length) return [...segments]
  return result
}
