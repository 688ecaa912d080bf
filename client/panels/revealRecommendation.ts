/** Brings a recommendation into view in the editor, selecting it or not. */
import type { Editor } from '@tiptap/core'
import { findRecommendation } from '../editor/recommendationCommands.ts'

export function scrollToRecommendation(editor: Editor, recommendationId: string): boolean {
  const found = findRecommendation(editor.state.doc, recommendationId)
  const dom = found ? editor.view.nodeDOM(found.pos) : null
  if (!(dom instanceof HTMLElement)) return false
  dom.scrollIntoView({ block: 'center', behavior: 'smooth' })
  return true
}

export function revealRecommendation(editor: Editor, recommendationId: string): boolean {
  if (!editor.chain().focus().selectRecommendation(recommendationId).run()) return false
  scrollToRecommendation(editor, recommendationId)
  return true
}
