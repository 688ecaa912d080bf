/**
 * Leaving a recommendation: Enter on its empty last paragraph takes that paragraph out of it and puts the cursor in a
 * plain paragraph after it (the paragraph stays when it is the recommendation's only one: a recommendation holds at
 * least one).
 */
import type { Command } from '@tiptap/pm/state'
import { TextSelection } from '@tiptap/pm/state'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'

export const leaveRecommendation: Command = (state, dispatch) => {
  const { selection } = state
  if (!selection.empty || !(selection instanceof TextSelection)) return false
  const { $from } = selection
  if ($from.depth < 2 || $from.parent.type.name !== 'paragraph' || $from.parent.content.size !== 0) return false
  const recommendation = $from.node(-1)
  if (recommendation.type.name !== recommendationNodeName || $from.index(-1) !== recommendation.childCount - 1) return false
  const paragraph = state.schema.nodes.paragraph
  if (dispatch) {
    const tr = state.tr
    const after = $from.after(-1)
    if (recommendation.childCount > 1) tr.delete($from.before(), $from.after())
    const at = tr.mapping.map(after)
    tr.insert(at, paragraph.create())
    tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView()
    dispatch(tr)
  }
  return true
}

/** Whether the cursor is on an empty last paragraph of a recommendation, where Enter leaves it. */
export function atRecommendationExit(selection: TextSelection | { empty: boolean; $from: TextSelection['$from'] }): boolean {
  const { $from } = selection
  if (!selection.empty || $from.depth < 2 || $from.parent.type.name !== 'paragraph' || $from.parent.content.size !== 0) return false
  const recommendation = $from.node(-1)
  return recommendation.type.name === recommendationNodeName && $from.index(-1) === recommendation.childCount - 1 && recommendation.childCount > 1
}
