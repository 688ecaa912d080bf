/**
 * Where the proposals the text does not show as suggestions (decided: accepted, rejected, bracketed; withdrawn) are in
 * the text as it is now, so that their place follows the text as open ones' does instead of staying as the server said
 * when it last listed them: a bracketed one where its brackets or alternatives are (they carry its id), any other
 * where its passage is or was.
 */
import type { EditorState } from '@tiptap/pm/state'
import type { Proposal } from '../../shared/schema/proposals.ts'
import { anchorStartIn, bindingOf } from '../comments/anchors.ts'
import { findRecommendation } from '../editor/recommendationCommands.ts'

/** The position of each proposal in `proposals` that the text can place, by id. */
export function decidedPositions(state: EditorState, proposals: readonly Proposal[]): Map<string, number> {
  const positions = new Map<string, number>()
  if (proposals.length === 0) return positions
  const bracketed = new Set(proposals.filter((proposal) => proposal.status === 'bracketed').map((proposal) => proposal.id))
  if (bracketed.size > 0) {
    state.doc.descendants((node, pos) => {
      if (typeof node.attrs.proposalId === 'string' && bracketed.has(node.attrs.proposalId) && !positions.has(node.attrs.proposalId)) positions.set(node.attrs.proposalId, pos)
      for (const mark of node.marks) {
        const id = mark.attrs.proposalId
        if (typeof id === 'string' && bracketed.has(id) && !positions.has(id)) positions.set(id, pos)
      }
      return true
    })
  }
  const binding = bindingOf(state)
  for (const proposal of proposals) {
    if (positions.has(proposal.id)) continue
    if (proposal.anchor && binding) {
      const at = anchorStartIn(binding, state.doc, proposal.anchor)
      if (at !== null) positions.set(proposal.id, addsBlock(proposal) ? nextBlockStart(state, at) : at)
    } else if (proposal.recommendationId) {
      const found = findRecommendation(state.doc, proposal.recommendationId)
      if (found) positions.set(proposal.id, found.pos + 1)
    }
  }
  return positions
}

/** An accepted new paragraph or recommendation is the block after the one its anchor is in. */
function addsBlock(proposal: Proposal): boolean {
  return proposal.status === 'accepted' && (proposal.kind === 'paragraph' || proposal.kind === 'recommendation')
}

function nextBlockStart(state: EditorState, at: number): number {
  const $at = state.doc.resolve(at)
  if ($at.depth < 1) return at
  const after = $at.after(1)
  return after + 1 <= state.doc.content.size ? after + 1 : at
}
