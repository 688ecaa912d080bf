/** A last guard in the editor: no local transaction may create a recommendation without links or strip its last one. */
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { AttrStep, ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'
import { refsOf } from './recommendationCommands.ts'

function holdsUnlinkedRecommendation(content: { descendants: ProseMirrorNode['descendants'] }): boolean {
  let unlinked = false
  content.descendants((node) => {
    if (unlinked) return false
    if (node.type.name === recommendationNodeName && refsOf(node).length === 0) unlinked = true
    return !unlinked
  })
  return unlinked
}

export function unlinksRecommendation(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (step instanceof AttrStep) {
      if (step.attr !== 'refs') return false
      const node = tr.docs[tr.steps.indexOf(step)].nodeAt(step.pos)
      return node?.type.name === recommendationNodeName && (!Array.isArray(step.value) || step.value.length === 0)
    }
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) return holdsUnlinkedRecommendation(step.slice.content)
    return false
  })
}

export const recommendationInvariantKey = new PluginKey('recommendationInvariant')

export function recommendationInvariantPlugin(): Plugin {
  return new Plugin({
    key: recommendationInvariantKey,
    // Changes from other participants arrive through Yjs and must never be refused here, or the editor would drift from the document.
    filterTransaction: (tr) => !tr.docChanged || isChangeOrigin(tr) || !unlinksRecommendation(tr),
  })
}
