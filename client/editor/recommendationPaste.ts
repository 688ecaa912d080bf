/** Pasted recommendations become new ones: a fresh id when theirs is taken, and unwrapped into paragraphs when unlinked. */
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'
import { refsOf } from './recommendationCommands.ts'

function idsIn(doc: ProseMirrorNode): Set<string> {
  const ids = new Set<string>()
  doc.descendants((node) => {
    if (node.type.name === recommendationNodeName && typeof node.attrs.id === 'string') ids.add(node.attrs.id)
    return node.isBlock && !node.isTextblock
  })
  return ids
}

/** `openStart`/`openEnd`: how deep the slice is open at its first and last node; open nodes keep their shape. */
function adopt(fragment: Fragment, taken: Set<string>, newId: () => string, openStart: number, openEnd: number): Fragment {
  const nodes: ProseMirrorNode[] = []
  fragment.forEach((node, _offset, index) => {
    const innerStart = index === 0 ? Math.max(openStart - 1, 0) : 0
    const innerEnd = index === fragment.childCount - 1 ? Math.max(openEnd - 1, 0) : 0
    const open = (index === 0 && openStart > 0) || (index === fragment.childCount - 1 && openEnd > 0)
    if (node.type.name !== recommendationNodeName) {
      nodes.push(node.isTextblock || node.isLeaf ? node : node.copy(adopt(node.content, taken, newId, innerStart, innerEnd)))
      return
    }
    if (refsOf(node).length === 0 && !open) {
      node.content.forEach((child) => nodes.push(child))
      return
    }
    const id = typeof node.attrs.id === 'string' && node.attrs.id !== '' && !taken.has(node.attrs.id) ? node.attrs.id : newId()
    taken.add(id)
    nodes.push(node.type.create({ ...node.attrs, id }, node.content, node.marks))
  })
  return Fragment.from(nodes)
}

export function recommendationPastePlugin(newId: () => string = () => crypto.randomUUID()): Plugin {
  return new Plugin({
    key: new PluginKey('recommendationPaste'),
    props: {
      transformPasted: (slice, view) => new Slice(adopt(slice.content, idsIn(view.state.doc), newId, slice.openStart, slice.openEnd), slice.openStart, slice.openEnd),
    },
  })
}
