/** An open proposal as the editor shows it inline (a suggestion), and the sentence that names who stands where on it. */
import type { Anchor } from '../../shared/schema/comments.ts'
import { formatList, t } from '../i18n/i18n.ts'

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

/** A delegation with the reason it gave, if any: "Egypt (too broad)". */
export const withReason = ({ delegation, reason }: Objection): string => (reason ? t('proposals.delegationWithReason', { delegation, reason }) : delegation)

/** "Proposed by Kenya; supported by Brazil and Norway; objection: Egypt (too broad)". */
export function stanceSummary({ proposer, supporters, objections }: Pick<Suggestion, 'proposer' | 'supporters' | 'objections'>): string {
  const values = { proposer, supporters: formatList(supporters), count: objections.length, objections: formatList(objections.map(withReason)) }
  if (supporters.length > 0 && objections.length > 0) return t('proposals.stanceSummaryBoth', values)
  if (supporters.length > 0) return t('proposals.stanceSummarySupported', values)
  if (objections.length > 0) return t('proposals.stanceSummaryObjected', values)
  return t('proposals.stanceSummaryNone', values)
}

/** What a screen reader hears for a suggestion's chip: what is proposed, by whom, and the counts. */
export function chipLabel(suggestion: Suggestion): string {
  return t('proposals.chipLabel', { kind: suggestion.kind, proposer: suggestion.proposer, supporters: suggestion.supporters.length, objections: suggestion.objections.length })
}

/** Changes whenever anything a suggestion draws changes: widgets are redrawn only then. */
export function suggestionKey(suggestion: Suggestion): string {
  return JSON.stringify([suggestion.id, suggestion.kind, suggestion.open, suggestion.text, suggestion.addedRefs, suggestion.removedRefs, suggestion.proposer, suggestion.supporters, suggestion.objections])
}
