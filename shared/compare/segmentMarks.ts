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

/**
 * Splits the segments where bold or italic changes: deleted text takes the earlier version's marks, equal and
 * inserted text the later version's. Segments without either mark stay as they were.
 */
export function withMarks(segments: readonly TextSegment[], before: DraftBlock | null, after: DraftBlock | null): TextSegment[] {
  const beforeMarks = before ? marksByCharacter(blockRuns(before)) : []
  const afterMarks = after ? marksByCharacter(blockRuns(after)) : []
  if (!beforeMarks.some((mark) => mark.bold || mark.italic) && !afterMarks.some((mark) => mark.bold || mark.italic)) return [...segments]
  const beforeText = before?.text ?? ''
  let beforeAt = 0
  let afterAt = 0
  const result: TextSegment[] = []
  for (const { op, text } of segments) {
    let start = afterAt
    if (op === 'delete') {
      // Equal runs carry the later version's whitespace, so the earlier text is found again near where it should be.
      const found = beforeText.indexOf(text, Math.max(0, beforeAt - 8))
      start = found >= 0 ? found : beforeAt
      beforeAt = start
    }
    const marks = op === 'delete' ? beforeMarks : afterMarks
    let from = 0
    for (let i = 1; i <= text.length; i++) {
      const previous = marks[start + i - 1]
      const next = marks[start + i]
      if (i === text.length || previous?.bold !== next?.bold || previous?.italic !== next?.italic) {
        result.push(segment(op, text.slice(from, i), previous))
        from = i
      }
    }
    if (op !== 'insert') beforeAt += text.length
    if (op !== 'delete') afterAt += text.length
  }
  // Equal and inserted runs spell out the later text exactly; if they do not, no marks rather than misplaced ones.
  if (after && afterAt !== afterMarks.length) return [...segments]
  return result
}
