/**
 * Paragraph status in the editor: each block's status drawn as a colour and a label in the margin (node decorations),
 * and agreed blocks kept read-only: local transactions and typed input that would change one are refused, with a
 * notice. Changes from others arrive through Yjs and are never refused (the server has accepted them). Registered at
 * run time by useBlockStatuses, which feeds it the server's statuses.
 */
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type * as Y from 'yjs'
import { blockKeyOf } from '../../shared/collab/blockKey.ts'
import type { BlockStatusValue } from '../../shared/schema/blockStatus.ts'
import { alternativesNodeName } from '../../shared/schema/negotiationText.ts'
import { t } from '../i18n/i18n.ts'
import { alternativesStatusLabel, blockStatusLabel } from './blockStatusLabels.ts'
import { changesWithinBlocks, lockedBlocksChanged, touches } from './blockRanges.ts'

export interface BlockStatusPluginState {
  statuses: ReadonlyMap<string, BlockStatusValue>
  decorations: DecorationSet
}

interface StatusSpec {
  key: string
  status: BlockStatusValue
}

export type BlockStatusMeta = { statuses: ReadonlyMap<string, BlockStatusValue> } | { refresh: true }

export const blockStatusKey = new PluginKey<BlockStatusPluginState>('blockStatus')

/** What a block's margin says when pointed at. */
const titleOf = (status: BlockStatusValue): string => (status === 'agreed' ? t('blocks.agreedLockedTitle') : status === 'negotiating' ? blockStatusLabel(status) : '')

/** The decorations of every block that is not open; null when the Y.Doc has not caught up with the editor (block counts differ). */
function decorate(doc: ProseMirrorNode, fragment: Y.XmlFragment, statuses: ReadonlyMap<string, BlockStatusValue>): DecorationSet | null {
  if (statuses.size === 0) return DecorationSet.empty
  const children = fragment.toArray()
  if (children.length !== doc.childCount) return null
  const decorations: Decoration[] = []
  doc.forEach((node, offset, index) => {
    const key = blockKeyOf(children[index] as Y.AbstractType<unknown>)
    const status = key ? statuses.get(key) : undefined
    if (!key || !status || status === 'open') return
    decorations.push(
      Decoration.node(
        offset,
        offset + node.nodeSize,
        { class: `block-status block-status-${status}`, 'data-block-status': status, 'data-block-label': node.type.name === alternativesNodeName ? alternativesStatusLabel() : blockStatusLabel(status), title: titleOf(status) },
        { key, status } satisfies StatusSpec,
      ),
    )
  })
  return DecorationSet.create(doc, decorations)
}

function signature(decorations: DecorationSet | null): string {
  return decorations === null ? 'stale' : decorations.find().map((decoration) => `${decoration.from}:${(decoration.spec as StatusSpec).key}:${(decoration.spec as StatusSpec).status}`).join(',')
}

/** The ranges of the agreed blocks of a state. */
export function agreedRanges(state: EditorState): Array<{ from: number; to: number; key: string }> {
  const plugin = blockStatusKey.getState(state)
  if (!plugin) return []
  return plugin.decorations
    .find(undefined, undefined, (spec) => (spec as StatusSpec).status === 'agreed')
    .map((decoration) => ({ from: decoration.from, to: decoration.to, key: (decoration.spec as StatusSpec).key }))
}

/** The keys of the blocks at these indexes of the document, as the Y.Doc holds them now. */
export function blockKeysAt(fragment: Y.XmlFragment, indexes: readonly number[]): string[] {
  const children = fragment.toArray()
  return indexes.map((index) => (children[index] ? blockKeyOf(children[index] as Y.AbstractType<unknown>) : null)).filter((key): key is string => key !== null)
}

export function blockStatusPlugin({ fragment, onRefused }: { fragment: Y.XmlFragment; onRefused: () => void }): Plugin<BlockStatusPluginState> {
  const refuse = () => setTimeout(onRefused, 0)
  // A change of the blocks themselves since the view last checked that the Y.Doc keys them as the decorations say.
  let blocksChanged = false
  return new Plugin<BlockStatusPluginState>({
    key: blockStatusKey,
    state: {
      init: () => ({ statuses: new Map(), decorations: DecorationSet.empty }),
      apply(tr, value, _before, state) {
        const meta = tr.getMeta(blockStatusKey) as BlockStatusMeta | undefined
        if (!meta && !tr.docChanged) return value
        // Typing inside blocks leaves every block and its key in place: the decorations are mapped, not walked again.
        if (!meta && changesWithinBlocks(tr)) return { statuses: value.statuses, decorations: value.decorations.map(tr.mapping, tr.doc) }
        if (tr.docChanged) blocksChanged = true
        const statuses = meta && 'statuses' in meta ? meta.statuses : value.statuses
        return { statuses, decorations: decorate(state.doc, fragment, statuses) ?? value.decorations.map(tr.mapping, tr.doc) }
      },
    },
    // Changes from other participants arrive through Yjs: refusing one would leave the editor out of step with the document.
    filterTransaction(tr, state) {
      if (!tr.docChanged || isChangeOrigin(tr)) return true
      const agreed = agreedRanges(state)
      if (agreed.length === 0) return true
      const locked = new Set(agreed.map((range) => state.doc.resolve(range.from).index(0)))
      if (lockedBlocksChanged(tr, locked).length === 0) return true
      refuse()
      return false
    },
    props: {
      decorations: (state) => blockStatusKey.getState(state)?.decorations,
      handleDOMEvents: {
        // Typing is refused before the browser changes the page, so the agreed text on screen stays as it is.
        beforeinput(view, event) {
          const { from, to } = view.state.selection
          if (!agreedRanges(view.state).some((range) => touches(range, from, to))) return false
          event.preventDefault()
          refuse()
          return true
        },
      },
    },
    view: () => ({
      // A local change reaches the Y.Doc only after the editor drew it: once it has, the blocks are keyed again if need be.
      update(view, previous) {
        if (view.state.doc === previous.doc || !blocksChanged) return
        blocksChanged = false
        const current = blockStatusKey.getState(view.state)
        if (!current || current.statuses.size === 0) return
        if (signature(decorate(view.state.doc, fragment, current.statuses)) === signature(current.decorations)) return
        setTimeout(() => {
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(blockStatusKey, { refresh: true } satisfies BlockStatusMeta).setMeta('addToHistory', false))
        }, 0)
      },
    }),
  })
}
