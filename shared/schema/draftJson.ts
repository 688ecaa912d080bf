/** ProseMirror JSON of a draft, as the editor and the server's Yjs conversion produce it, and walks over it. */

export interface DraftMarkJson {
  type: string
  attrs?: Record<string, unknown>
}

export interface DraftNodeJson {
  type: string
  attrs?: Record<string, unknown>
  content?: DraftNodeJson[]
  marks?: DraftMarkJson[]
  text?: string
}

export interface DraftDocJson extends DraftNodeJson {
  type: 'doc'
}

/** Indices from the doc down to a node: [2, 0] is doc.content[2].content[0]. */
export type NodePath = number[]

export interface RecommendationOccurrence {
  node: DraftNodeJson
  path: NodePath
  /** R1, R2, ...: recommendations are numbered in document order, wherever they sit. */
  number: number
  /** The number of the recommendation this one sits in (the schema forbids it: a recommendation holds paragraphs). */
  within?: number
}

/**
 * How deep a draft's nodes may nest: doc, list, item, list, item, ... paragraph, text. No real text comes near it
 * (ten levels of nested lists are 22 deep); every walk over a draft stops there, so a hostile document costs no more
 * than a legitimate one.
 */
export const maxDraftDepth = 32

/** Whether some node of the draft sits deeper than `maxDepth` (the doc is depth 0). Iterative: no stack to overflow. */
export function exceedsDepth(doc: DraftNodeJson, maxDepth = maxDraftDepth): boolean {
  const stack: Array<{ node: DraftNodeJson; depth: number }> = [{ node: doc, depth: 0 }]
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!
    if (depth > maxDepth) return true
    for (const child of childrenOf(node)) if (isNode(child)) stack.push({ node: child, depth: depth + 1 })
  }
  return false
}

export function isDraftDoc(value: unknown): value is DraftDocJson {
  if (typeof value !== 'object' || value === null) return false
  const { type, content } = value as { type?: unknown; content?: unknown }
  return type === 'doc' && (content === undefined || Array.isArray(content))
}

function childrenOf(node: DraftNodeJson): DraftNodeJson[] {
  return Array.isArray(node.content) ? node.content : []
}

function isNode(value: unknown): value is DraftNodeJson {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}

/** Every recommendation in document order, with the one it sits in if any; nothing below `maxDraftDepth` is visited. */
export function recommendationsInOrder(doc: DraftDocJson): RecommendationOccurrence[] {
  const occurrences: RecommendationOccurrence[] = []
  const visit = (node: DraftNodeJson, path: NodePath, within: number | undefined): void => {
    let inside = within
    if (node.type === 'recommendation') {
      const number = occurrences.length + 1
      occurrences.push({ node, path, number, ...(within === undefined ? {} : { within }) })
      inside = number
    }
    if (path.length >= maxDraftDepth) return
    for (const [index, child] of childrenOf(node).entries()) if (isNode(child)) visit(child, [...path, index], inside)
  }
  visit(doc, [], undefined)
  return occurrences
}

/** Text of a node: inline content is concatenated, blocks are joined with a newline, empty blocks dropped. */
export function plainText(node: DraftNodeJson, depth = 0): string {
  if (typeof node.text === 'string') return node.text
  if (node.type === 'hardBreak') return '\n'
  if (depth >= maxDraftDepth) return ''
  const children = childrenOf(node).filter(isNode)
  const inline = children.some((child) => typeof child.text === 'string' || child.type === 'hardBreak')
  const parts = children.map((child) => plainText(child, depth + 1))
  return inline ? parts.join('') : parts.filter((part) => part !== '').join('\n')
}

export function recommendationId(node: DraftNodeJson): string | undefined {
  const id = node.attrs?.id
  return typeof id === 'string' && id.trim() !== '' ? id : undefined
}

/** The refs attribute as written; anything but a list reads as no refs. */
export function recommendationRefs(node: DraftNodeJson): unknown[] {
  const refs = node.attrs?.refs
  return Array.isArray(refs) ? refs : []
}
