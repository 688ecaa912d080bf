/**
 * Placeholders that say what to do: in an empty document, in an empty recommendation, and on the empty last line of a
 * recommendation (where Enter leaves it). Only the top-level blocks (and the items of top-level lists) are looked at,
 * and only when the document changes: cheap on the keystroke's path.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'
import { atRecommendationExit } from './leaveRecommendation.ts'

export const placeholderTexts = {
  document: 'Type the draft here. Numbers are added as you write; "Insert recommendation" adds a recommendation linked to the framework.',
  recommendation: 'Write the recommendation here. Enter on an empty last line leaves it.',
  exit: 'Press Enter again to leave the recommendation.',
} as const

function placeholder(pos: number, node: ProseMirrorNode, text: string): Decoration {
  return Decoration.node(pos, pos + node.nodeSize, { class: 'has-placeholder', 'data-placeholder': text })
}

/** Every paragraph of the recommendation empty: each then takes two positions, its opening and its closing. */
function isEmptyRecommendation(node: ProseMirrorNode): boolean {
  return node.type.name === recommendationNodeName && node.firstChild !== null && node.content.size === node.childCount * 2
}

/** The placeholders a document needs, whatever the selection. */
export function documentPlaceholders(doc: ProseMirrorNode): Decoration[] {
  const first = doc.firstChild
  if (doc.childCount === 1 && first?.type.name === 'paragraph' && first.content.size === 0) return [placeholder(0, first, placeholderTexts.document)]
  const found: Decoration[] = []
  const visit = (node: ProseMirrorNode, pos: number) => {
    if (isEmptyRecommendation(node)) found.push(placeholder(pos + 1, node.firstChild!, placeholderTexts.recommendation))
  }
  doc.forEach((node, offset) => {
    visit(node, offset)
    if (node.type.name === 'bulletList' || node.type.name === 'orderedList') {
      node.forEach((item, itemOffset) => item.forEach((child, childOffset) => visit(child, offset + 1 + itemOffset + 1 + childOffset)))
    }
  })
  return found
}

const key = new PluginKey<Decoration[]>('placeholders')

export function placeholdersPlugin(isEditable: () => boolean): Plugin<Decoration[]> {
  return new Plugin<Decoration[]>({
    key,
    state: {
      init: (_config, state) => documentPlaceholders(state.doc),
      apply: (tr, previous) => (tr.docChanged ? documentPlaceholders(tr.doc) : previous),
    },
    props: {
      decorations: (state: EditorState) => {
        if (!isEditable()) return null
        const found = key.getState(state) ?? []
        const { selection } = state
        const exit = selection instanceof TextSelection && atRecommendationExit(selection)
        if (found.length === 0 && !exit) return null
        // A new array each time: DecorationSet.create empties the one it is given.
        const all = exit ? [...found, placeholder(selection.$from.before(), selection.$from.parent, placeholderTexts.exit)] : [...found]
        return DecorationSet.create(state.doc, all)
      },
    },
  })
}
