/** What a member may propose at the editor's selection: a passage (replace, delete), a position (insert), its block, its recommendation. */
import type { EditorState } from '@tiptap/pm/state'
import type { Anchor } from '../../shared/schema/comments.ts'
import type { ProposalKind } from '../../shared/schema/proposals.ts'
import type { ProposalDraft } from '../api/proposals.ts'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'
import { anchorFor, bindingOf } from '../comments/anchors.ts'
import { refsOf } from '../editor/recommendationCommands.ts'
import { selectionPlaced } from '../editor/selectionPlaced.ts'
import { t } from '../i18n/i18n.ts'
import { locationAt } from './proposalLocation.ts'

export interface ProposalTarget {
  /** The selected passage; its quote is '' for a caret. */
  passage: Anchor
  /** A position: the caret, or the end of the selected passage (where an insertion goes). */
  position: Anchor
  /** The recommendation the selection is in, if any. */
  recommendation: { id: string; refs: string[] } | null
  /** "para. 12", "R4", or null in a heading. */
  location: string | null
}

export type TargetAnswer = { target: ProposalTarget } | { hint: string }

export function proposalTarget(state: EditorState): TargetAnswer {
  const binding = bindingOf(state)
  if (!binding) return { hint: t('proposals.hintStillLoading') }
  const { from, to, $from } = state.selection
  if ($from.depth === 0 || !selectionPlaced(state)) return { hint: t('proposals.hintClickIntoText') }
  const passage = anchorFor(binding, state.doc, from, to)
  let recommendation: ProposalTarget['recommendation'] = null
  for (let depth = $from.depth; depth >= 1; depth--) {
    const node = $from.node(depth)
    if (node.type.name === recommendationNodeName) {
      recommendation = { id: String(node.attrs.id), refs: refsOf(node) }
      break
    }
  }
  return { target: { passage, position: anchorFor(binding, state.doc, to, to), recommendation, location: locationAt(state, from) } }
}

const kindLabels: Record<ProposalKind, string> = {
  replace: 'proposals.kindReplaceLabel',
  insert: 'proposals.kindInsertLabel',
  delete: 'proposals.kindDeleteLabel',
  paragraph: 'proposals.kindParagraphLabel',
  recommendation: 'proposals.kindRecommendationLabel',
  relink: 'proposals.kindRelinkLabel',
}

const kindNames: Record<ProposalKind, string> = {
  replace: 'proposals.kindReplace',
  insert: 'proposals.kindInsert',
  delete: 'proposals.kindDelete',
  paragraph: 'proposals.kindParagraph',
  recommendation: 'proposals.kindRecommendation',
  relink: 'proposals.kindRelink',
}

/** What a kind of proposal does, as the propose form offers it ("Replace the selected text"). */
export function proposalKindLabel(kind: ProposalKind): string {
  return t(kindLabels[kind])
}

/** A kind's short name, for cards and chips ("Replacement"). */
export function proposalKindName(kind: ProposalKind): string {
  return t(kindNames[kind])
}

/** The kinds that make sense at a target: a passage can be replaced or deleted; a change of links needs a recommendation. */
export function kindsFor(target: ProposalTarget): ProposalKind[] {
  const kinds: ProposalKind[] = []
  if (target.passage.quote !== '') kinds.push('replace', 'delete')
  kinds.push('insert', 'paragraph', 'recommendation')
  if (target.recommendation) kinds.push('relink')
  return kinds
}

/** The payload proposing `fields` at `target`: a passage for a replacement or deletion, a position otherwise. */
export function draftFor(target: ProposalTarget, fields: { kind: ProposalKind; text: string; refs: string[]; explanation: string }): ProposalDraft {
  const explanation = fields.explanation || null
  switch (fields.kind) {
    case 'replace':
      return { kind: 'replace', anchor: target.passage, text: fields.text, explanation }
    case 'delete':
      return { kind: 'delete', anchor: target.passage, explanation }
    case 'insert':
      return { kind: 'insert', anchor: target.position, text: fields.text, explanation }
    case 'paragraph':
      return { kind: 'paragraph', anchor: target.position, text: fields.text, explanation }
    case 'recommendation':
      return { kind: 'recommendation', anchor: target.position, text: fields.text, refs: fields.refs, explanation }
    case 'relink':
      return { kind: 'relink', recommendationId: target.recommendation?.id ?? '', refs: fields.refs, explanation }
  }
}
