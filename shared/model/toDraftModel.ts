/**
 * ProseMirror JSON -> DraftModel. Numbering rule (UN style, derived here, never stored):
 * each top-level paragraph with text, and each item of a top-level bullet or ordered list, is the next numbered
 * paragraph 1, 2, 3, ...; a list item's nested lists belong to its paragraph; headings and empty paragraphs get no number;
 * recommendations are numbered separately R1, R2, ... in document order and do not consume paragraph numbers.
 * Sub-paragraphs: the items of an ordered list inside a numbered paragraph are lettered (a), (b), (c); an ordered list
 * inside one of those is numbered (i), (ii), (iii), and deeper levels again (a), (b)... (subParagraphLabel). The letter
 * leads the item's first line, as the editor shows it, and goes by position: an empty item still takes its letter.
 */
import type { FrameworkCatalogue } from '../framework/element.ts'
import { resolveRef } from '../framework/lookup.ts'
import {
  type DraftDocJson,
  type DraftNodeJson,
  maxDraftDepth,
  type NodePath,
  recommendationId,
  recommendationRefs,
  recommendationsInOrder,
} from '../schema/draftJson.ts'
import { alternativeLabel, parseProposersAttr } from '../schema/negotiationText.ts'
import type { AlternativeText, DraftBlock, DraftModel, ModelRef, ParagraphBlock, TextLine, TextRun } from './draftModel.ts'
import { subParagraphLabel } from './subParagraphs.ts'

const textblockTypes = new Set(['paragraph', 'heading'])
const listTypes = new Set(['bulletList', 'orderedList'])

function childrenOf(node: DraftNodeJson): DraftNodeJson[] {
  return Array.isArray(node.content) ? node.content : []
}

const plainRun = (text: string): TextRun => ({ text, bold: false, italic: false })

/** The runs of a textblock; bracketed text is printed UN style, between square brackets of its own runs: "[text]". */
function runsOf(textblock: DraftNodeJson): TextRun[] {
  const runs: TextRun[] = []
  // The bracket around the previous run (its attributes as JSON: two proposals side by side are two brackets), or null.
  let open: string | null = null
  for (const inline of childrenOf(textblock)) {
    const marks = new Set((inline.marks ?? []).map((mark) => mark.type))
    const text = inline.type === 'hardBreak' ? '\n' : (inline.text ?? '')
    const bracket = inline.marks?.find((mark) => mark.type === 'bracket')
    const current = bracket ? JSON.stringify(bracket.attrs ?? {}) : null
    if (current !== open) {
      if (open !== null) runs.push(plainRun(']'))
      if (current !== null) runs.push(plainRun('['))
      open = current
    }
    runs.push({ text, bold: marks.has('bold'), italic: marks.has('italic') })
  }
  if (open !== null) runs.push(plainRun(']'))
  return runs
}

/** Each version of a block of alternatives, its first line led by "Alt 1: ", "Alt 2 (Kenya): ". */
function alternativesOf(node: DraftNodeJson, depth: number): AlternativeText[] {
  return childrenOf(node)
    .filter((child) => child.type === 'alternative')
    .map((child, index) => {
      const proposers = parseProposersAttr(child.attrs?.proposers)
      const label = alternativeLabel(index, proposers)
      const [first, ...rest] = childrenOf(child).flatMap((grandchild) => linesOf(grandchild, depth + 2))
      const lead = plainRun(`${label}: `)
      const lines = first ? [{ text: lead.text + first.text, runs: [lead, ...first.runs] }, ...rest] : [{ text: `${label}: `, runs: [lead] }]
      return { label, proposers, lines }
    })
}

/**
 * The non-empty textblocks under a node, in order, leaving out recommendations nested in it. Nothing deeper than
 * `maxDraftDepth` is read (validation refuses such a draft; a working copy leaves that part out).
 */
function linesOf(node: DraftNodeJson, depth: number, subLevel = 0): TextLine[] {
  if (node.type === 'alternatives') return alternativesOf(node, depth).flatMap((version) => version.lines)
  if (node.type === 'orderedList' && depth < maxDraftDepth) return subParagraphsOf(node, depth, subLevel + 1)
  if (textblockTypes.has(node.type)) {
    const runs = runsOf(node)
    const text = runs.map((run) => run.text).join('')
    return text.trim() === '' ? [] : [{ text, runs }]
  }
  if (depth >= maxDraftDepth) return []
  return childrenOf(node)
    .filter((child) => child.type !== 'recommendation')
    .flatMap((child) => linesOf(child, depth + 1, subLevel))
}

/** The items of a nested ordered list, each item's first line led by its label: "(a) ", "(b) " at level 1. */
function subParagraphsOf(list: DraftNodeJson, depth: number, level: number): TextLine[] {
  return childrenOf(list).flatMap((item, index) => {
    const label = subParagraphLabel(level, index)
    const [first, ...rest] = linesOf(item, depth + 1, level)
    if (!first) return []
    const lead = plainRun(`${label} `)
    // The item's other lines belong to it at its level; the lines of a list inside it already have theirs.
    const own = rest.map((line) => (line.level === undefined ? { ...line, level } : line))
    return [{ text: lead.text + first.text, runs: [lead, ...first.runs], label, level }, ...own]
  })
}

function nestedRecommendations(node: DraftNodeJson, path: NodePath): { node: DraftNodeJson; path: NodePath }[] {
  if (path.length >= maxDraftDepth) return []
  return childrenOf(node).flatMap((child, index) =>
    child.type === 'recommendation' ? [{ node: child, path: [...path, index] }] : nestedRecommendations(child, [...path, index]),
  )
}

function modelRef(catalogue: FrameworkCatalogue, id: string): ModelRef {
  const resolved = resolveRef(catalogue, id)
  if (resolved.status === 'unknown') return { id, status: 'unknown', label: id }
  const { label, title, pillar } = resolved.element
  return { id, status: resolved.status, label, title, pillar }
}

/** A pure projection: the same JSON and catalogue always give the same model. */
export function toDraftModel(docJson: DraftDocJson, catalogue: FrameworkCatalogue): DraftModel {
  const recommendationNumbers = new Map(recommendationsInOrder(docJson).map(({ node, number }) => [node, number]))
  const blocks: DraftBlock[] = []
  let paragraphNumber = 0

  const paragraph = (node: DraftNodeJson, path: NodePath, source: ParagraphBlock['source']): void => {
    const lines = linesOf(node, path.length)
    if (lines.length > 0) {
      paragraphNumber += 1
      const text = lines.map((line) => line.text).join('\n')
      const versions = node.type === 'alternatives' ? { alternatives: alternativesOf(node, path.length) } : {}
      blocks.push({ kind: 'paragraph', number: paragraphNumber, source, ...versions, text, lines, path })
    }
    for (const nested of nestedRecommendations(node, path)) recommendation(nested.node, nested.path)
  }

  const recommendation = (node: DraftNodeJson, path: NodePath): void => {
    const paragraphs = linesOf(node, path.length)
    blocks.push({
      kind: 'recommendation',
      number: recommendationNumbers.get(node) ?? 0,
      id: recommendationId(node) ?? null,
      refs: recommendationRefs(node)
        .filter((ref): ref is string => typeof ref === 'string')
        .map((ref) => modelRef(catalogue, ref)),
      text: paragraphs.map((line) => line.text).join('\n'),
      paragraphs,
      path,
    })
  }

  for (const [index, node] of childrenOf(docJson).entries()) {
    const path = [index]
    if (node.type === 'heading') {
      const runs = runsOf(node)
      const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1
      blocks.push({ kind: 'heading', level, text: runs.map((run) => run.text).join(''), runs, path })
    } else if (node.type === 'recommendation') {
      recommendation(node, path)
    } else if (listTypes.has(node.type)) {
      const source = node.type as 'bulletList' | 'orderedList'
      for (const [itemIndex, item] of childrenOf(node).entries()) paragraph(item, [...path, itemIndex], source)
    } else {
      paragraph(node, path, node.type === 'alternatives' ? 'alternatives' : 'paragraph')
    }
  }
  return { blocks }
}
