/** An open proposal as the editor shows it inline (a suggestion), and the sentence that names who stands where on it. */
import type { Anchor } from '../../shared/schema/comments.ts'

/** How a suggestion is drawn: text struck and/or inserted in a passage, a ghost block after one, links proposed on a recommendation. */
export type SuggestionKind = 'replace' | 'insert' | 'delete' | 'paragraph' | 'recommendation' | 'relink'

export interface Objection {
  delegation: string
  reason: string | null
}

export interface Suggestion {
  id: string
  kind: SuggestionKind
  /** Null for a change of links, which names its recommendation instead. */
  anchor: Anchor | null
  /** The recommendation whose links a change of links concerns. */
  recommendationId: string | null
  /** Drawn in the text only while open; the others are placed for the panel's order and numbers. */
  open: boolean
  /** The text proposed (replace, insert, new paragraph or recommendation); '' otherwise. */
  text: string
  /** Framework links, as labels: of a new recommendation, or added by a change of links. */
  addedRefs: string[]
  /** Links a change of links removes, as labels. */
  removedRefs: string[]
  /** The delegation that proposed it (or the proposer's name when they speak for none). */
  proposer: string
  supporters: string[]
  objections: Objection[]
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** "Proposed by Kenya; supported by Brazil and Norway; objection: Egypt (too broad)". */
export function stanceSummary({ proposer, supporters, objections }: Pick<Suggestion, 'proposer' | 'supporters' | 'objections'>): string {
  const parts = [`Proposed by ${proposer}`]
  if (supporters.length > 0) parts.push(`supported by ${list(supporters)}`)
  if (objections.length > 0) {
    const named = objections.map(({ delegation, reason }) => (reason ? `${delegation} (${reason})` : delegation))
    parts.push(`${objections.length === 1 ? 'objection' : 'objections'}: ${named.join(', ')}`)
  }
  if (supporters.length === 0 && objections.length === 0) parts.push('no stances yet')
  return parts.join('; ')
}

/** What a screen reader hears for a suggestion's chip: what is proposed, by whom, and the counts. */
export function chipLabel(suggestion: Suggestion): string {
  const what: Record<SuggestionKind, string> = {
    replace: 'Proposed replacement',
    insert: 'Proposed insertion',
    delete: 'Proposed deletion',
    paragraph: 'Proposed new paragraph',
    recommendation: 'Proposed new recommendation',
    relink: 'Proposed change of links',
  }
  const supporters = suggestion.supporters.length
  const objectors = suggestion.objections.length
  return `${what[suggestion.kind]} by ${suggestion.proposer}: ${supporters} ${supporters === 1 ? 'supporter' : 'supporters'}, ${objectors} ${objectors === 1 ? 'objection' : 'objections'}`
}

/** Changes whenever anything a suggestion draws changes: widgets are redrawn only then. */
export function suggestionKey(suggestion: Suggestion): string {
  return JSON.stringify([suggestion.id, suggestion.kind, suggestion.open, suggestion.text, suggestion.addedRefs, suggestion.removedRefs, suggestion.proposer, suggestion.supporters, suggestion.objections])
}
