/** From a model's NodePath (child indices from the doc down) to the node and its position in a ProseMirror doc. */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { NodePath } from '../../shared/schema/draftJson.ts'

export interface PositionedNode {
  node: ProseMirrorNode
  pos: number
}

/** Positions of a node's children, computed once and reused for every path through it. */
export class NodePositions {
  private readonly starts = new Map<ProseMirrorNode, number[]>()

  constructor(private readonly doc: ProseMirrorNode) {}

  private childStarts(parent: ProseMirrorNode): number[] {
    let starts = this.starts.get(parent)
    if (!starts) {
      starts = []
      let offset = 0
      parent.forEach((child) => {
        starts!.push(offset)
        offset += child.nodeSize
      })
      this.starts.set(parent, starts)
    }
    return starts
  }

  at(path: NodePath): PositionedNode | null {
    let node = this.doc
    let contentStart = 0
    let pos = 0
    for (const index of path) {
      if (index < 0 || index >= node.childCount) return null
      pos = contentStart + this.childStarts(node)[index]
      node = node.child(index)
      contentStart = pos + 1
    }
    return path.length === 0 ? null : { node, pos }
  }
}
