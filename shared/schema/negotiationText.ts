/** Brackets and alternatives in draft JSON (pure): their names, labels, and where they remain in a draft. */
import type { DraftDocJson, DraftNodeJson, NodePath } from './draftJson.ts'

export const bracketMarkName = 'bracket'
export const alternativesNodeName = 'alternatives'
export const alternativeNodeName = 'alternative'

/** A `proposers` attribute as written; anything but a list of names reads as no one. */
export function parseProposersAttr(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : []
}

/** "Alt 2 (Kenya, Brazil)": how every export labels an alternative. */
export function alternativeLabel(index: number, proposers: readonly string[]): string {
  return proposers.length === 0 ? `Alt ${index + 1}` : `Alt ${index + 1} (${proposers.join(', ')})`
}

export interface OpenNegotiation {
  kind: 'bracket' | 'alternatives'
  /** The bracketed text, or the first alternative's. */
  text: string
  proposers: string[]
  /** Indices from the doc down to the textblock holding the bracket, or to the alternatives block. */
  path: NodePath
}

function childrenOf(node: DraftNodeJson): DraftNodeJson[] {
  return Array.isArray(node.content) ? node.content : []
}

function textOf(node: DraftNodeJson): string {
  if (typeof node.text === 'string') return node.text
  const children = childrenOf(node)
  const inline = children.some((child) => typeof child.text === 'string')
  return children.map(textOf).join(inline ? '' : ' ')
}

/** Every bracketed passage (consecutive bracketed text in one textblock counts once) and every block of alternatives, in document order. */
export function openNegotiations(doc: DraftDocJson): OpenNegotiation[] {
  const found: OpenNegotiation[] = []
  const visit = (node: DraftNodeJson, path: NodePath): void => {
    if (node.type === alternativesNodeName) {
      const versions = childrenOf(node)
      found.push({
        kind: 'alternatives',
        text: versions[0] ? textOf(versions[0]) : '',
        proposers: [...new Set(versions.flatMap((version) => parseProposersAttr(version.attrs?.proposers)))],
        path,
      })
    }
    let open: OpenNegotiation | null = null
    let openAttrs = ''
    for (const [index, child] of childrenOf(node).entries()) {
      const bracket = typeof child.text === 'string' ? child.marks?.find((mark) => mark.type === bracketMarkName) : undefined
      if (bracket) {
        const attrs = JSON.stringify(bracket.attrs ?? {})
        // Runs of one passage share their attributes; two proposals side by side are two passages.
        if (!open || attrs !== openAttrs) found.push((open = { kind: 'bracket', text: '', proposers: [], path }))
        openAttrs = attrs
        open.text += child.text
        for (const name of parseProposersAttr(bracket.attrs?.proposers)) if (!open.proposers.includes(name)) open.proposers.push(name)
        continue
      }
      open = null
      if (typeof child.type === 'string' && child.text === undefined) visit(child, [...path, index])
    }
  }
  visit(doc, [])
  return found
}
