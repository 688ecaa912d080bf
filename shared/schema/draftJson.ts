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

function* walk(node: DraftNodeJson, path: NodePath): Generator<{ node: DraftNodeJson; path: NodePath }> {
  yield { node, path }
  for (const [index, child] of childrenOf(node).entries()) {
    if (isNode(child)) yield* walk(child, [...path, index])
  }
}

export function recommendationsInOrder(doc: DraftDocJson): RecommendationOccurrence[] {
  const occurrences: RecommendationOccurrence[] = []
  for (const { node, path } of walk(doc, [])) {
    if (node.type === 'recommendation') occurrences.push({ node, path, number: occurrences.length + 1 })
  }
  return occurrences
}

/** Text of a node: inline content is concatenated, blocks are joined with a newline, empty blocks dropped. */
export function plainText(node: DraftNodeJson): string {
  if (typeof node.text === 'string') return node.text
  if (node.type === 'hardBreak') return '\n'
  const children = childrenOf(node).filter(isNode)
  const inline = children.some((child) => typeof child.text === 'string' || child.type === 'hardBreak')
  const parts = children.map(plainText)
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
