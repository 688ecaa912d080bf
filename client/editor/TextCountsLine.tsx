/**
 * Word and character counts of the document and of the selection, under the text. Counted once the editor has been
 * still for a moment, never on the keystroke's path.
 */
import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import { t } from '../i18n/i18n.ts'
import { countText, type TextCounts } from './textCounts.ts'

const settleMs = 300

interface Counts {
  document: TextCounts
  selection: TextCounts | null
}

function countsOf(editor: Editor): Counts {
  const { doc, selection } = editor.state
  const document = countText(doc.textBetween(0, doc.content.size, '\n', ' '))
  return { document, selection: selection.empty ? null : countText(doc.textBetween(selection.from, selection.to, '\n', ' ')) }
}

export function TextCountsLine({ editor }: { editor: Editor }) {
  const [counts, setCounts] = useState<Counts>(() => countsOf(editor))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const later = () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        if (!editor.isDestroyed) setCounts(countsOf(editor))
      }, settleMs)
    }
    editor.on('update', later)
    editor.on('selectionUpdate', later)
    return () => {
      clearTimeout(timer)
      editor.off('update', later)
      editor.off('selectionUpdate', later)
    }
  }, [editor])
  return (
    <p className="text-counts" data-testid="text-counts">
      <span>{t('editor.countsDocument', { ...counts.document })}</span>
      {counts.selection && <span>{t('editor.countsSelection', { ...counts.selection })}</span>}
    </p>
  )
}
