/** Highlights the recommendations that link to one framework element, as chosen in the coverage panel. */
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'
import { refsOf } from './recommendationCommands.ts'

export const recommendationHighlightKey = new PluginKey<string | null>('recommendationHighlight')

function highlights(doc: ProseMirrorNode, elementId: string | null): DecorationSet {
  if (!elementId) return DecorationSet.empty
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === recommendationNodeName) {
      if (refsOf(node).includes(elementId)) decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'is-highlighted' }))
      return false
    }
    return node.isBlock && !node.isTextblock
  })
  return DecorationSet.create(doc, decorations)
}

export function highlightedElement(state: EditorState): string | null {
  return recommendationHighlightKey.getState(state) ?? null
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    recommendationHighlight: {
      /** Highlights recommendations linking to the element; null clears the highlight. */
      highlightElement: (elementId: string | null) => ReturnType
    }
  }
}

export const RecommendationHighlight = Extension.create({
  name: 'recommendationHighlight',

  addCommands() {
    return {
      highlightElement:
        (elementId) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(recommendationHighlightKey, elementId)
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<string | null>({
        key: recommendationHighlightKey,
        state: {
          init: () => null,
          apply: (tr, previous) => {
            const next = tr.getMeta(recommendationHighlightKey) as string | null | undefined
            return next === undefined ? previous : next
          },
        },
        props: {
          decorations: (state) => highlights(state.doc, highlightedElement(state)),
        },
      }),
    ]
  },
})
