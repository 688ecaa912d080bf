/**
 * Placeholders that say what to do: in an empty document, in an empty recommendation, and on the empty last line of a
 * recommendation (where Enter leaves it). Only the top-level blocks (and the items of top-level lists) are looked at,
 * and only when the document changes: cheap on the keystroke's path. The texts are read in the interface's language
 * when the editor is created (the page is created again when the language changes).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'
import { directionOf } from '../../shared/i18n/languages.ts'
import { currentLanguage, t } from '../i18n/i18n.ts'
import { atRecommendationExit } from './leaveRecommendation.ts'

export interface PlaceholderTexts {
  document: string
  recommendation: string
  exit: string
  /** The interface's direction: an empty document's placeholder reads in it (the text takes its own once written). */
  direction: 'ltr' | 'rtl'
}

export function placeholderTexts(): PlaceholderTexts {
  return {
    document: t('editor.placeholderDocument'),
    recommendation: t('editor.placeholderRecommendation'),
    exit: t('editor.placeholderExit'),
    direction: directionOf(currentLanguage()),
  }
}

function placeholder(pos: number, node: ProseMirrorNode, text: string, attrs: Record<string, string> = {}): Decoration {
  return Decoration.node(pos, pos + node.nodeSize, { class: 'has-placeholder', 'data-placeholder': text, ...attrs })
}

/** Every paragraph of the recommendation empty: each then takes two positions, its opening and its closing. */
function isEmptyRecommendation(node: ProseMirrorNode): boolean {
  return node.type.name === recommendationNodeName && node.firstChild !== null && node.content.size === node.childCount * 2
}

/** The placeholders a document needs, whatever the selection. */
export function documentPlaceholders(doc: ProseMirrorNode, texts: PlaceholderTexts): Decoration[] {
  const first = doc.firstChild
  if (doc.childCount === 1 && first?.type.name === 'paragraph' && first.content.size === 0) return [placeholder(0, first, texts.document, { dir: texts.direction })]
  const found: Decoration[] = []
  const visit = (node: ProseMirrorNode, pos: number) => {
    if (isEmptyRecommendation(node)) found.push(placeholder(pos + 1, node.firstChild!, texts.recommendation))
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
  const texts = placeholderTexts()
  return new Plugin<Decoration[]>({
    key,
    state: {
      init: (_config, state) => documentPlaceholders(state.doc, texts),
      apply: (tr, previous) => (tr.docChanged ? documentPlaceholders(tr.doc, texts) : previous),
    },
    props: {
      decorations: (state: EditorState) => {
        if (!isEditable()) return null
        const found = key.getState(state) ?? []
        const { selection } = state
        const exit = selection instanceof TextSelection && atRecommendationExit(selection)
        if (found.length === 0 && !exit) return null
        // A new array each time: DecorationSet.create empties the one it is given.
        const all = exit ? [...found, placeholder(selection.$from.before(), selection.$from.parent, texts.exit)] : [...found]
        return DecorationSet.create(state.doc, all)
      },
    },
  })
}
