/**
 * How UN texts carry disagreement, in the document schema: a `bracket` mark over contested text ("[text]"), and an
 * `alternatives` block holding `alternative` blocks ("Alt 1", "Alt 2"), each attributed to the delegations proposing it.
 */
import { Mark, mergeAttributes, Node } from '@tiptap/core'
import { alternativeNodeName, alternativesNodeName, bracketMarkName, parseProposersAttr } from './negotiationText.ts'

/** Reads `data-proposers='["Kenya","African Group"]'` (names may hold spaces); anything unreadable is no one. */
export function parseProposers(attribute: string | null): string[] {
  if (!attribute) return []
  try {
    return parseProposersAttr(JSON.parse(attribute))
  } catch {
    return []
  }
}

function validateProposers(value: unknown): void {
  if (!Array.isArray(value) || value.some((name) => typeof name !== 'string')) {
    throw new RangeError('proposers must be a list of delegation names')
  }
}

function proposersAttribute() {
  return {
    default: [] as string[],
    validate: validateProposers,
    parseHTML: (element: HTMLElement) => parseProposers(element.getAttribute('data-proposers')),
    renderHTML: (attributes: Record<string, unknown>) => ({ 'data-proposers': JSON.stringify(attributes.proposers ?? []) }),
  }
}

function proposalIdAttribute() {
  return {
    default: null as string | null,
    parseHTML: (element: HTMLElement) => element.getAttribute('data-proposal'),
    renderHTML: (attributes: Record<string, unknown>) => (attributes.proposalId ? { 'data-proposal': attributes.proposalId } : {}),
  }
}

/** Contested text. `proposers`: the delegations whose proposal put it there (empty for text bracketed by the chair). */
export const Bracket = Mark.create({
  name: bracketMarkName,
  // Typing at the edge of a bracketed passage does not extend it.
  inclusive: false,
  addAttributes() {
    return { proposers: proposersAttribute(), proposalId: proposalIdAttribute() }
  },
  parseHTML() {
    return [{ tag: 'span[data-bracket]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ 'data-bracket': '', class: 'bracketed' }, HTMLAttributes), 0]
  },
})

/** A block holding two or more versions of a paragraph that are still negotiated: Alt 1, Alt 2, ... */
export const Alternatives = Node.create({
  name: alternativesNodeName,
  group: 'block',
  content: `${alternativeNodeName}+`,
  defining: true,
  isolating: true,
  parseHTML() {
    return [{ tag: 'div[data-alternatives]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-alternatives': '', class: 'alternatives' }, HTMLAttributes), 0]
  },
})

/** One version inside `alternatives`, attributed to the delegations proposing it (empty: the text as it stood). */
export const Alternative = Node.create({
  name: alternativeNodeName,
  content: 'paragraph+',
  defining: true,
  isolating: true,
  addAttributes() {
    return { proposers: proposersAttribute(), proposalId: proposalIdAttribute() }
  },
  parseHTML() {
    return [{ tag: 'div[data-alternative]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-alternative': '', class: 'alternative' }, HTMLAttributes), 0]
  },
})
