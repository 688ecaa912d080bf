/**
 * Paragraph numbers (1, 2, 3), sub-paragraph labels ((a), (b); (i), (ii)) and recommendation numbers (R1, R2) in the
 * margin, as toDraftModel derives them for export. A keystroke only maps the numbers along; the model is derived again once typing pauses
 * for a moment, off the keystroke's path, and the decorations replaced only when a number changed. The labels of alternatives ("Alt 1"), also CSS counters, come with it.
 */
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import type { DraftModel } from '../../shared/model/draftModel.ts'
import { subParagraphLabel } from '../../shared/model/subParagraphs.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { negotiationLabelStyle } from './negotiationLabels.ts'
import { NodePositions } from './nodePaths.ts'

export interface NumberingState {
  model: DraftModel
  decorations: DecorationSet
  /** The text changed since `model` was derived. */
  stale: boolean
}

/** How long typing must pause before the numbering is derived again. */
const recomputeDelayMs = 60

export interface NumberSpec {
  paragraphNumber?: number
  recommendationNumber?: number
  subParagraph?: string
}

/** The labels of the sub-paragraphs under a numbered paragraph's node: each item of an ordered list inside it, by level. */
function subParagraphDecorations(node: ProseMirrorNode, pos: number, level: number, into: Decoration[]): void {
  node.forEach((child, offset) => {
    const at = pos + 1 + offset
    if (child.type.name === 'orderedList') {
      child.forEach((item, itemOffset, index) => {
        const itemPos = at + 1 + itemOffset
        const label = subParagraphLabel(level + 1, index)
        into.push(Decoration.node(itemPos, itemPos + item.nodeSize, { 'data-sub-paragraph': label }, { subParagraph: label } satisfies NumberSpec))
        subParagraphDecorations(item, itemPos, level + 1, into)
      })
    } else if (!child.isTextblock && child.type.name !== 'recommendation') {
      subParagraphDecorations(child, at, level, into)
    }
  })
}

export function numberingDecorations(doc: ProseMirrorNode, model: DraftModel): DecorationSet {
  const positions = new NodePositions(doc)
  const decorations: Decoration[] = []
  for (const block of model.blocks) {
    if (block.kind === 'heading') continue
    const found = positions.at(block.path)
    if (!found) continue
    const { pos, node } = found
    if (block.kind === 'paragraph') {
      if (block.source !== 'paragraph' && block.source !== 'alternatives') subParagraphDecorations(node, pos, 0, decorations)
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, { class: 'numbered', 'data-paragraph-number': String(block.number) }, {
          paragraphNumber: block.number,
        } satisfies NumberSpec),
      )
    } else {
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, { 'data-recommendation-number': `R${block.number}` }, {
          recommendationNumber: block.number,
        } satisfies NumberSpec),
      )
    }
  }
  return DecorationSet.create(doc, decorations)
}

export const draftNumberingKey = new PluginKey<NumberingState>('draftNumbering')

/** Whether two sets number the same nodes the same way (what the decorations draw follows from their specs). */
export function sameNumbering(a: DecorationSet, b: DecorationSet): boolean {
  const before = a.find()
  const after = b.find()
  if (before.length !== after.length) return false
  const byPlace = (x: Decoration, y: Decoration) => x.from - y.from || x.to - y.to
  before.sort(byPlace)
  after.sort(byPlace)
  return before.every((decoration, i) => {
    const other = after[i]
    const [x, y] = [decoration.spec as NumberSpec, other.spec as NumberSpec]
    return (
      decoration.from === other.from &&
      decoration.to === other.to &&
      x.paragraphNumber === y.paragraphNumber &&
      x.recommendationNumber === y.recommendationNumber &&
      x.subParagraph === y.subParagraph
    )
  })
}

function numbering(doc: ProseMirrorNode, catalogue: FrameworkCatalogue): NumberingState {
  const model = toDraftModel(doc.toJSON() as DraftDocJson, catalogue)
  return { model, decorations: numberingDecorations(doc, model), stale: false }
}

export interface DraftNumberingOptions {
  /** The catalogue in force when the model is derived (it may change while the document is open). */
  catalogue: () => FrameworkCatalogue
}

/** Derives the model again at once, e.g. after the catalogue changed, without touching the document or its history. */
export function recountNumbering(view: EditorView, catalogue: FrameworkCatalogue): void {
  if (view.isDestroyed) return
  view.dispatch(view.state.tr.setMeta(draftNumberingKey, numbering(view.state.doc, catalogue)).setMeta('addToHistory', false))
}

export const DraftNumbering = Extension.create<DraftNumberingOptions>({
  name: 'draftNumbering',

  addOptions() {
    return { catalogue: () => ({ version: 'empty', elements: [] }) }
  },

  addProseMirrorPlugins() {
    const { catalogue } = this.options
    let labels: string | null = null
    return [
      new Plugin<NumberingState>({
        key: draftNumberingKey,
        state: {
          init: (_config, state) => numbering(state.doc, catalogue()),
          apply: (tr, previous) => {
            const derived = tr.getMeta(draftNumberingKey) as NumberingState | undefined
            if (derived) return derived
            if (!tr.docChanged) return previous
            return { model: previous.model, decorations: previous.decorations.map(tr.mapping, tr.doc), stale: true }
          },
        },
        view: () => {
          let timer: ReturnType<typeof setTimeout> | undefined
          return {
            update: (view) => {
              if (!draftNumberingKey.getState(view.state)?.stale) return
              clearTimeout(timer)
              timer = setTimeout(() => {
                if (view.isDestroyed) return
                const derived = numbering(view.state.doc, catalogue())
                // Typing seldom changes a number: the mapped decorations are then kept, so that neither the text nor
                // the recommendations' node views are drawn again.
                const current = draftNumberingKey.getState(view.state)
                if (current && sameNumbering(current.decorations, derived.decorations)) derived.decorations = current.decorations
                view.dispatch(view.state.tr.setMeta(draftNumberingKey, derived).setMeta('addToHistory', false))
              }, recomputeDelayMs)
            },
            destroy: () => clearTimeout(timer),
          }
        },
        props: {
          decorations: (state) => draftNumberingKey.getState(state)?.decorations,
          // Read once, in the language the page was made in.
          attributes: () => ({ style: (labels ??= negotiationLabelStyle()) }),
        },
      }),
    ]
  },
})

/** The recommendation number a node view receives through its decorations. */
export function recommendationNumberFrom(decorations: readonly Decoration[]): number | null {
  for (const decoration of decorations) {
    const spec = decoration.spec as NumberSpec
    if (typeof spec.recommendationNumber === 'number') return spec.recommendationNumber
  }
  return null
}
