/** Selects a recommendation in the editor and brings it into view. */
import type { Editor } from '@tiptap/core'
import { findRecommendation } from '../editor/recommendationCommands.ts'

export function revealRecommendation(editor: Editor, recommendationId: string): boolean {
  if (!editor.chain().focus().selectRecommendation(recommendationId).run()) return false
  const found = findRecommendation(editor.state.doc, recommendationId)
  const dom = found ? editor.view.nodeDOM(found.pos) : null
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center', behavior: 'smooth' })
  return true
}
