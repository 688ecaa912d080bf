/** Keeps recommendation ids unique after local edits: a copy gets a new id, the original keeps its own so it can still be followed. */
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'

function recommendationIds(doc: ProseMirrorNode): Array<{ id: unknown; pos: number }> {
  const found: Array<{ id: unknown; pos: number }> = []
  doc.descendants((node, pos) => {
    if (node.type.name === recommendationNodeName) {
      found.push({ id: node.attrs.id, pos })
      return false
    }
    return node.isBlock && !node.isTextblock
  })
  return found
}

function duplicatedIds(doc: ProseMirrorNode): Set<unknown> {
  const seen = new Set<unknown>()
  const duplicated = new Set<unknown>()
  for (const { id } of recommendationIds(doc)) (seen.has(id) ? duplicated : seen).add(id)
  return duplicated
}

/** Positions of the recommendations whose id an earlier one already holds, except duplicates that were there before. */
export function newlyDuplicated(before: ProseMirrorNode, after: ProseMirrorNode): number[] {
  const alreadyDuplicated = duplicatedIds(before)
  const seen = new Set<unknown>()
  const positions: number[] = []
  for (const { id, pos } of recommendationIds(after)) {
    if (seen.has(id) && !alreadyDuplicated.has(id)) positions.push(pos)
    seen.add(id)
  }
  return positions
}

export function recommendationIdsPlugin(newId: () => string = () => crypto.randomUUID()): Plugin {
  return new Plugin({
    key: new PluginKey('recommendationIds'),
    appendTransaction: (transactions: readonly Transaction[], oldState, newState) => {
      if (!transactions.some((tr) => tr.docChanged && !isChangeOrigin(tr))) return null
      const positions = newlyDuplicated(oldState.doc, newState.doc)
      if (positions.length === 0) return null
      const tr = newState.tr
      for (const pos of positions) tr.setNodeAttribute(pos, 'id', newId())
      return tr
    },
  })
}
