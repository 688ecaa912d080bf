/** The editor's recommendation commands and guards, as a TipTap extension. */
import { Extension } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { addRecommendationRefs, findRecommendation, insertRecommendation, removeRecommendationRef } from './recommendationCommands.ts'
import { recommendationIdsPlugin } from './recommendationIds.ts'
import { recommendationInvariantPlugin } from './recommendationInvariant.ts'
import { recommendationPastePlugin } from './recommendationPaste.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    recommendationEditing: {
      /** Inserts a recommendation linked to `refs` (at least one) with a new id. */
      insertRecommendation: (refs: readonly string[], id?: string) => ReturnType
      addRecommendationRefs: (id: string, refs: readonly string[]) => ReturnType
      /** Refused when `ref` is the recommendation's last link. */
      removeRecommendationRef: (id: string, ref: string) => ReturnType
      /** Selects the recommendation as a whole and scrolls it into view. */
      selectRecommendation: (id: string) => ReturnType
    }
  }
}

export const RecommendationEditing = Extension.create({
  name: 'recommendationEditing',

  addCommands() {
    return {
      insertRecommendation:
        (refs, id = crypto.randomUUID()) =>
        ({ state, dispatch }) =>
          insertRecommendation(id, refs)(state, dispatch),
      addRecommendationRefs:
        (id, refs) =>
        ({ state, dispatch }) =>
          addRecommendationRefs(id, refs)(state, dispatch),
      removeRecommendationRef:
        (id, ref) =>
        ({ state, dispatch }) =>
          removeRecommendationRef(id, ref)(state, dispatch),
      selectRecommendation:
        (id) =>
        ({ tr, dispatch }) => {
          const found = findRecommendation(tr.doc, id)
          if (!found) return false
          if (dispatch) tr.setSelection(NodeSelection.create(tr.doc, found.pos)).scrollIntoView()
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    return [recommendationInvariantPlugin(), recommendationPastePlugin(), recommendationIdsPlugin()]
  },
})
