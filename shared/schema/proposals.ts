/** Zod schemas of the proposals API: what a delegation proposes, stances, decisions, the proposal as served, events, the compilation. */
import { z } from 'zod'
import { Anchor } from './comments.ts'
import { oneOf, requiredText } from './fields.ts'
import { roles, regionalGroups } from './member.ts'

/** Longest proposed text by default (MAX_PROPOSAL_CHARS). */
export const defaultMaxProposalChars = 10_000
/** Longest explanation, stance reason or rejection reason. */
export const maxReasonChars = 2_000
/** A recommendation carries at most this many framework links. */
export const maxRefs = 20

/**
 * What a proposal changes:
 * - `replace`: the anchored passage becomes `text`;
 * - `insert`: `text` goes in at the anchor (a position: start and end alike, quote empty);
 * - `delete`: the anchored passage goes;
 * - `paragraph`: a new paragraph of `text` after the block the anchor is in;
 * - `recommendation`: a new recommendation of `text`, linked to `refs`, after the block the anchor is in;
 * - `relink`: recommendation `recommendationId` is linked to `refs` instead.
 */
export const proposalKinds = ['replace', 'insert', 'delete', 'paragraph', 'recommendation', 'relink'] as const
export type ProposalKind = (typeof proposalKinds)[number]

export const proposalStatuses = ['open', 'accepted', 'rejected', 'withdrawn', 'bracketed'] as const
export type ProposalStatus = (typeof proposalStatuses)[number]

export const stanceValues = ['support', 'object'] as const
export type StanceValue = (typeof stanceValues)[number]

/** A catalogue id as a recommendation's refs hold it (norm-g, cbm-7); whether the catalogue knows it is checked by the server. */
export const FrameworkRefId = z
  .string({ error: (issue) => (issue.input === undefined ? 'ref is required' : 'each ref must be text') })
  .trim()
  .min(1, 'a ref must not be empty')
  .max(80, 'a ref must be at most 80 characters')

/** At least one framework link, like any recommendation; duplicates are dropped. */
export const ProposedRefs = z
  .array(FrameworkRefId, { error: (issue) => (issue.input === undefined ? 'refs is required' : 'refs must be a list of catalogue ids') })
  .min(1, 'refs must name at least one framework element: every recommendation links to the framework')
  .max(maxRefs, `refs must name at most ${maxRefs} framework elements`)
  .transform((refs) => [...new Set(refs)])

export const RecommendationIdField = requiredText('recommendationId', { max: 128 })

function explanationField() {
  return z.string({ error: () => 'explanation must be text' }).trim().max(maxReasonChars, `explanation must be at most ${maxReasonChars} characters`).nullish()
}

function optionalReason(field: string) {
  return z.string({ error: () => `${field} must be text` }).trim().max(maxReasonChars, `${field} must be at most ${maxReasonChars} characters`).nullish()
}

/** The payloads of the proposal routes, for a given longest text. Author fields in a payload are dropped: the session says who proposes. */
export function proposalPayloads(maxProposalChars: number = defaultMaxProposalChars) {
  // Kept as given, spaces included: an insertion of "single " must not lose its space. Only blank text is refused.
  const text = z
    .string({ error: (issue) => (issue.input === undefined ? 'text is required' : 'text must be text') })
    .max(maxProposalChars, `text must be at most ${maxProposalChars} characters`)
    .refine((value) => value.trim() !== '', 'text must not be empty')
  const explanation = explanationField()
  const anchored = { anchor: Anchor, explanation }
  const CreateProposal = z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('replace'), ...anchored, text }),
      z.object({ kind: z.literal('insert'), ...anchored, text }),
      z.object({ kind: z.literal('delete'), ...anchored }),
      z.object({ kind: z.literal('paragraph'), ...anchored, text }),
      z.object({ kind: z.literal('recommendation'), ...anchored, text, refs: ProposedRefs }),
      z.object({ kind: z.literal('relink'), recommendationId: RecommendationIdField, refs: ProposedRefs, explanation }),
    ],
    {
      error: (issue) =>
        issue.input === undefined || (typeof issue.input === 'object' && issue.input !== null && !('kind' in issue.input))
          ? `kind is required: one of ${proposalKinds.join(', ')}`
          : `kind must be one of: ${proposalKinds.join(', ')}`,
    },
  )
  /** The proposer edits an open proposal: its text, links or explanation (the anchor stays; propose anew elsewhere). */
  const EditProposal = z
    .object({ text: text.optional(), refs: ProposedRefs.optional(), explanation })
    .refine((edit) => edit.text !== undefined || edit.refs !== undefined || edit.explanation !== undefined, {
      message: 'name at least one of text, refs, explanation to change',
    })
  return { CreateProposal, EditProposal }
}
export type CreateProposal = z.infer<ReturnType<typeof proposalPayloads>['CreateProposal']>
export type EditProposal = z.infer<ReturnType<typeof proposalPayloads>['EditProposal']>

/** A delegation supports or objects, with an optional reason; a second stance replaces the first. */
export const TakeStance = z.object({
  stance: oneOf('stance', stanceValues),
  reason: optionalReason('reason'),
  /**
   * The proposal's `updatedAt` as the delegation saw it: a stance on a proposal edited since is refused (409
   * `proposal_changed`), so that support given to one wording never lands on another. Absent: taken on the proposal as
   * it is (clients of the API that do not track it).
   */
  updatedAt: z.number().int().nonnegative().optional(),
})
export type TakeStance = z.infer<typeof TakeStance>

/** A rejection says why, for everyone to see. */
export const RejectProposal = z.object({ reason: requiredText('reason', { max: maxReasonChars }) })
export type RejectProposal = z.infer<typeof RejectProposal>

/** Accepting or bracketing may carry a note for the record. */
export const DecideProposal = z.object({ note: optionalReason('note') })
export type DecideProposal = z.infer<typeof DecideProposal>
export const BracketProposal = DecideProposal
export type BracketProposal = DecideProposal

/** Filters of `GET /api/documents/:id/proposals` (query string). */
export const ProposalFilter = z.object({
  status: oneOf('status', proposalStatuses).optional(),
  delegation: z.string().trim().min(1, 'delegation must not be empty').max(200, 'delegation must be at most 200 characters').optional(),
  revision: z.string().trim().regex(/^\d+$/, 'revision must be a revision id').optional(),
})
export type ProposalFilter = z.infer<typeof ProposalFilter>

/** A member as the server names them beside what they did. */
export const ProposalMember = z.object({
  id: z.number(),
  name: z.string(),
  role: z.enum(roles),
  delegation: z.string().nullable(),
  regionalGroup: z.enum(regionalGroups).nullable(),
})
export type ProposalMember = z.infer<typeof ProposalMember>

/**
 * The delegation a member speaks for in negotiation: their delegation; a member without one speaks as the
 * Secretariat (secretariat role) or in their own name. One stance per such delegation; its members edit its proposals.
 */
export function speakingFor(member: { name?: string; role: string; delegation?: string | null }): string {
  if (member.delegation) return member.delegation
  return member.role === 'secretariat' ? 'Secretariat' : (member.name ?? 'unknown')
}

/** Who proposes: the member, and the delegation they speak for (a member without one: "Secretariat" or their name). */
export const Proposer = z.object({ member: ProposalMember, delegation: z.string() })
export type Proposer = z.infer<typeof Proposer>

export const Stance = z.object({
  delegation: z.string(),
  stance: z.enum(stanceValues),
  reason: z.string().nullable(),
  member: ProposalMember,
  at: z.number(),
})
export type Stance = z.infer<typeof Stance>

export const Decision = z.object({
  status: z.enum(['accepted', 'rejected', 'withdrawn', 'bracketed']),
  by: ProposalMember,
  at: z.number(),
  /** The rejection's reason, or a note given with the decision. */
  reason: z.string().nullable(),
})
export type Decision = z.infer<typeof Decision>

/** Where a proposal is in the current text, in document order. */
export const ProposalPlace = z.object({
  /** The block's position among the document's blocks (headings, paragraphs, recommendations), for ordering. */
  order: z.number(),
  blockKind: z.enum(['heading', 'paragraph', 'recommendation']).nullable(),
  /** Paragraph 12 or recommendation 4; null for a heading. */
  number: z.number().nullable(),
  /** "para. 12", "R4", "heading". */
  label: z.string(),
  /** The id of the recommendation concerned, when it is one. */
  recommendationId: z.string().nullable(),
})
export type ProposalPlace = z.infer<typeof ProposalPlace>

export const Proposal = z.object({
  id: z.string(),
  documentId: z.string(),
  kind: z.enum(proposalKinds),
  /** Null only for `relink`, which names its recommendation instead. */
  anchor: Anchor.nullable(),
  /** The text the proposal was made on (the anchor's quote; for `relink`, the recommendation's text then). */
  quote: z.string(),
  /** The proposed text (replace, insert, paragraph, recommendation). */
  text: z.string().nullable(),
  /** The proposed links (recommendation, relink). */
  refs: z.array(z.string()).nullable(),
  /** For relink: the recommendation; for the others, the recommendation the anchor fell in when proposed, if any. */
  recommendationId: z.string().nullable(),
  explanation: z.string().nullable(),
  proposer: Proposer,
  status: z.enum(proposalStatuses),
  /** The anchored text (or the recommendation) is gone from the document: kept, shown with its quote; may be bracketed or rejected. */
  outdated: z.boolean(),
  /** One per delegation, the latest. */
  stances: z.array(Stance),
  decision: Decision.nullable(),
  /** The delegation an accepted change is credited to (in the audit and here). */
  creditedTo: z.string().nullable(),
  createdAt: z.number(),
  /** When the proposal was made or last edited (its text, links or explanation); a decision leaves it as it is. */
  updatedAt: z.number(),
  /** Where it is now; null when outdated. */
  place: ProposalPlace.nullable(),
  /**
   * Set on a change answered or announced before the server could read the text for it (busy): `place` and `outdated`
   * then say nothing, and a page keeps those it had.
   */
  placeUnknown: z.literal(true).optional(),
})
export type Proposal = z.infer<typeof Proposal>

/** `GET /api/documents/:id/proposals`: in document order (outdated ones last), with the revision they were read from. */
export const ProposalList = z.object({
  documentId: z.string(),
  /** Set when the list is the one recorded with a revision. */
  revision: z.number().nullable(),
  proposals: z.array(Proposal),
})
export type ProposalList = z.infer<typeof ProposalList>

/** What each proposal route answers: the proposal as it now is. */
export const ProposalAnswer = z.object({ proposal: Proposal })
export type ProposalAnswer = z.infer<typeof ProposalAnswer>

export const proposalChanges = ['created', 'edited', 'stance', 'withdrawn', 'accepted', 'rejected', 'bracketed'] as const
export type ProposalChange = (typeof proposalChanges)[number]

/** The `proposal` event on the document's event stream: what happened and the proposal as it now is. */
export const ProposalEvent = z.object({ change: z.enum(proposalChanges), proposal: Proposal })
export type ProposalEvent = z.infer<typeof ProposalEvent>
export const proposalEventName = 'proposal'

export const compilationFormats = ['json', 'md', 'docx'] as const
export type ProposalCompilationFormat = (typeof compilationFormats)[number]

/** A proposal as the compilation prints it under its block. */
export const CompiledProposal = z.object({
  id: z.string(),
  kind: z.enum(proposalKinds),
  status: z.enum(proposalStatuses),
  outdated: z.boolean(),
  quote: z.string(),
  text: z.string().nullable(),
  refs: z.array(z.string()).nullable(),
  explanation: z.string().nullable(),
  proposer: z.string(),
  supporters: z.array(z.object({ delegation: z.string(), reason: z.string().nullable() })),
  objectors: z.array(z.object({ delegation: z.string(), reason: z.string().nullable() })),
  decision: z.object({ status: Decision.shape.status, by: z.string(), reason: z.string().nullable() }).nullable(),
})
export type CompiledProposal = z.infer<typeof CompiledProposal>

export const CompiledBlock = z.object({
  kind: z.enum(['heading', 'paragraph', 'recommendation']),
  /** Paragraph or recommendation number; null for a heading. */
  number: z.number().nullable(),
  label: z.string(),
  text: z.string(),
  refs: z.array(z.string()).nullable(),
  proposals: z.array(CompiledProposal),
})
export type CompiledBlock = z.infer<typeof CompiledBlock>

/** `GET /api/documents/:id/proposals/compilation?format=json`: the text block by block, every proposal under its block. */
export const ProposalCompilation = z.object({
  documentId: z.string(),
  title: z.string(),
  symbol: z.string().nullable(),
  /** The revision compiled, or null for the current text. */
  revision: z.object({ id: z.number(), label: z.string() }).nullable(),
  generatedAt: z.number(),
  blocks: z.array(CompiledBlock),
  /** Proposals whose text is gone from the document: kept, listed apart. */
  outdated: z.array(CompiledProposal),
})
export type ProposalCompilation = z.infer<typeof ProposalCompilation>
