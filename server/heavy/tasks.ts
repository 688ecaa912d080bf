/**
 * The CPU-heavy work of the server as plain functions over bytes and JSON: validation, export, comparison, the redline.
 * They run on the worker pool's threads (workerMain.ts), never on the relay's event loop; errors are ApiErrors.
 * The writers built on the docx library load with the first task that needs them, so a thread that only validates
 * stays small.
 */
import { Node } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { blockKeys } from '../../shared/collab/blockKey.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import { compareDrafts } from '../../shared/compare/compareDrafts.ts'
import { type AcceptedChange, creditProposals } from '../../shared/compare/proposalCredits.ts'
import type { Comparison } from '../../shared/compare/comparison.ts'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import { coverage } from '../../shared/model/coverage.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import type { ExportFormat } from '../../shared/schema/api.ts'
import { type DraftDocJson, exceedsDepth, maxDraftDepth } from '../../shared/schema/draftJson.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { negotiationRemaining, submissionProblems, validateDraft } from '../../shared/schema/validateDraft.ts'
import type { BlockRef } from '../../shared/schema/procedures.ts'
import { numberedBlocks } from '../../shared/stage/revisionBlocks.ts'
import type { Thread } from '../comments/commentStore.ts'
import { compileFromDoc, type CompiledEntry } from '../comments/compileInputs.ts'
import { readDraft, unreadableDraft } from '../documents/readDraft.ts'
import { draftToAkomaNtoso } from '../export/akomaNtoso.ts'
import { type CompilationOptions, groupInputs } from '../export/compilation.ts'
import type { Compilation } from '../../shared/schema/compilation.ts'
import { compilationToMarkdown } from '../export/compilationMarkdown.ts'
import { type CompilationMeta as ProposalCompilationMeta, compileProposals } from '../export/proposalCompilation.ts'
import { proposalCompilationToMarkdown } from '../export/proposalCompilationMarkdown.ts'
import type { Proposal, ProposalCompilation, ProposalFilter } from '../../shared/schema/proposals.ts'
import { filterProposals, placeProposals } from '../proposals/placeProposals.ts'
import type { StoredProposal } from '../proposals/proposalStore.ts'
import type { ExportMeta } from '../export/exportMeta.ts'
import { draftToHtml } from '../export/html.ts'
import { draftToMarkdown } from '../export/markdown.ts'
import { draftToPlainText } from '../export/plainText.ts'
import type { ComparisonMeta } from '../export/redlineLayout.ts'
import { applyStoredDocument, dropPending, reloadsWhole } from '../store/storedDocument.ts'
import type { BuiltDocument } from './builtDocuments.ts'
import { type BoundedValidation, boundProblems } from '../validation/boundedProblems.ts'
import { problemSummary } from '../validation/problemSummary.ts'

/** A document as the store holds it: apply `state`, then `updates`. */
export interface StoredBytes {
  state: Uint8Array | null
  updates: Uint8Array[]
}

/** A document's stored bytes by reference: read by the thread that runs the task (storedReader.ts), never by the relay. */
export interface StoredRef {
  storedIn: string
  /** Only these log entries (by sequence number) after the state; all of them when absent. */
  logSeqs?: number[]
  /**
   * The bytes as stored, built afresh rather than from a document the thread kept: for what keeps the encoded state (a
   * revision). The text is the same either way, but a document brought up to date in several steps may hold a few more
   * deleted formatting marks than one built in one.
   */
  afresh?: true
}

/**
 * What a task is given for a stored document; references are replaced before the task runs by their bytes, or by the
 * document the thread built for an earlier task and brought up to date (builtDocuments.ts).
 */
export type StoredInput = StoredBytes | StoredRef | BuiltDocument

/** A document's comment threads, or a reference the thread that runs the task reads them by (storedReader.ts). */
export type ThreadsInput = Thread[] | { threadsOf: string }

/** A document's proposals as stored, or a reference the thread that runs the task reads them by (storedReader.ts). */
export type ProposalsInput = StoredProposal[] | { proposalsOf: string }

/** One side of an export or a comparison: the stored current text, or a revision's JSON. */
export type DraftSource = { stored: StoredInput } | { content: DraftDocJson }

const tooDeep = () =>
  new ApiError(422, 'document_too_deep', `the document nests blocks more than ${maxDraftDepth} deep; no draft needs that, so it cannot be processed`)

function withDoc<T>(stored: StoredInput, read: (doc: Y.Doc) => T): T {
  if ('storedIn' in stored) throw new Error(`the stored bytes of ${stored.storedIn} were not read before the task`)
  // Kept by the thread for the next task: read as it is (it integrated whole), never changed or destroyed here.
  if ('built' in stored) return read(stored.built)
  const doc = new Y.Doc()
  try {
    applyStoredDocument(doc, stored)
    // Only what is integrated is read, as a loaded room would serve it.
    dropPending(doc)
    return read(doc)
  } finally {
    doc.destroy()
  }
}

/** The draft's JSON, or a 409 (content outside the editor) or 422 (nested past any real text). */
function draftOf(source: DraftSource): DraftDocJson {
  const json =
    'content' in source
      ? source.content
      : withDoc(source.stored, (doc) => {
          const draft = readDraft(doc)
          if (!draft.ok) throw new ApiError(409, 'document_unreadable', draft.message)
          return draft.json
        })
  if (exceedsDepth(json)) throw tooDeep()
  return json
}

/** Why a draft's JSON does not fit the editor's schema (content written past the editor), or null. */
function schemaProblem(json: DraftDocJson): string | null {
  try {
    Node.fromJSON(draftSchema, json).check()
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

export function validate({ stored, catalogue, maxProblems }: { stored: StoredInput; catalogue: FrameworkCatalogue; maxProblems: number }): BoundedValidation & { blockKeys: string[] } {
  return withDoc(stored, (doc) => {
    const draft = readDraft(doc)
    // The blocks' keys come along, for counting their statuses.
    return { ...boundProblems(draft.ok ? validateDraft(draft.json, catalogue) : unreadableDraft(draft.message), maxProblems), blockKeys: blockKeys(doc) }
  })
}

export type RevisionDraft =
  | { ok: true; content: DraftDocJson; state: Uint8Array }
  | { ok: false; code: 'draft_invalid' | 'draft_not_in_schema'; message: string; problems?: BoundedValidation }

/** What a revision cut now would hold, or why none can be cut: the draft is invalid or outside the editor's schema. */
export function prepareRevision({ stored, catalogue, maxProblems }: { stored: StoredInput; catalogue: FrameworkCatalogue; maxProblems: number }): RevisionDraft {
  return withDoc(stored, (doc) => {
    const draft = readDraft(doc)
    const validation = draft.ok ? validateDraft(draft.json, catalogue) : unreadableDraft(draft.message)
    if (!validation.valid || !draft.ok) {
      return { ok: false, code: 'draft_invalid', message: `cannot cut a revision: ${problemSummary(validation.problems)}`, problems: boundProblems(validation, maxProblems) }
    }
    const outsideSchema = schemaProblem(draft.json)
    if (outsideSchema) {
      return { ok: false, code: 'draft_not_in_schema', message: `cannot cut a revision: the draft holds content the editor cannot show (${outsideSchema})` }
    }
    return { ok: true, content: draft.json, state: Y.encodeStateAsUpdate(doc) }
  })
}

export async function exportDraft(input: {
  source: DraftSource
  format: ExportFormat
  meta: ExportMeta
  catalogue: FrameworkCatalogue
  maxProblems: number
}): Promise<{ body: string | Uint8Array }> {
  const { format, meta, catalogue } = input
  const content = draftOf(input.source)
  const validation = validateDraft(content, catalogue)
  if (!meta.working && !validation.valid) {
    throw new ApiError(
      422,
      'draft_invalid',
      `cannot export for submission: ${problemSummary(validation.problems)}; a working copy (working=1) can still be exported`,
      boundProblems(validation, input.maxProblems).problems,
    )
  }
  if (!meta.working && !validation.submittable) {
    throw new ApiError(
      422,
      'draft_under_negotiation',
      `cannot export for submission: ${negotiationRemaining(validation.negotiation)} to be settled; a working copy (working=1) prints them`,
      boundProblems({ valid: false, problems: submissionProblems(validation), negotiation: validation.negotiation, submittable: false }, input.maxProblems).problems,
    )
  }
  const model = toDraftModel(content, catalogue)
  const covered = coverage(model, catalogue)
  const body =
    format === 'docx'
      ? await (await import('../export/docx.ts')).draftToDocx(model, meta, covered)
      : format === 'md'
        ? draftToMarkdown(model, meta, covered)
        : format === 'html'
          ? draftToHtml(model, meta, covered)
          : format === 'akn'
            ? draftToAkomaNtoso(model, meta)
            : draftToPlainText(model, meta, covered)
  return { body }
}

/** The comparison of two versions, naming the accepted proposals behind its changes ("inserted on the proposal of Kenya"). */
export function compare({ from, to, catalogue, accepted = [] }: { from: DraftSource; to: DraftSource; catalogue: FrameworkCatalogue; accepted?: AcceptedChange[] }): Comparison {
  return creditProposals(compareDrafts(toDraftModel(draftOf(from), catalogue), toDraftModel(draftOf(to), catalogue)), accepted)
}

export async function exportComparison(input: {
  from: DraftSource
  to: DraftSource
  catalogue: FrameworkCatalogue
  accepted?: AcceptedChange[]
  format: 'docx' | 'html'
  meta: ComparisonMeta
}): Promise<{ body: string | Uint8Array }> {
  const comparison = compare(input)
  const { comparisonToDocx, comparisonToHtml } = await import('../export/redline.ts')
  return { body: input.format === 'docx' ? await comparisonToDocx(comparison, input.meta) : comparisonToHtml(comparison, input.meta) }
}

/** What a compilation of written inputs is asked for: its format, grouping and heading. */
export interface CompilationRequest {
  documentId: string
  format: 'json' | 'md' | 'docx'
  options: CompilationOptions
}

/**
 * The document's comment threads placed in its current text and compiled as written inputs, written out whole: the JSON
 * answer too (`Compilation`), so the relay's loop only passes on a string however many inputs there are.
 */
export async function compileWrittenInputs({
  stored,
  threads,
  catalogue,
  request,
}: {
  stored: StoredInput
  threads: ThreadsInput
  catalogue: FrameworkCatalogue
  request: CompilationRequest
}): Promise<{ body: string | Uint8Array }> {
  if (!Array.isArray(threads)) throw new Error(`the comment threads of ${threads.threadsOf} were not read before the task`)
  const inputs: CompiledEntry[] = withDoc(stored, (doc) => compileFromDoc(doc, threads, catalogue))
  const { documentId, format, options } = request
  if (format === 'json') {
    const groups = groupInputs(inputs, options.by)
    const compilation: Compilation = {
      documentId,
      by: options.by,
      inputs: groups.flatMap((group) => group.inputs),
      groups: groups.map((group) => ({ heading: group.heading, threadIds: group.inputs.map((input) => input.threadId) })),
    }
    return { body: JSON.stringify(compilation) }
  }
  return { body: format === 'md' ? compilationToMarkdown(inputs, options) : await (await import('../export/compilationDocx.ts')).compilationToDocx(inputs, options) }
}

function proposalsOf(proposals: ProposalsInput): StoredProposal[] {
  if (!Array.isArray(proposals)) throw new Error(`the proposals of ${proposals.proposalsOf} were not read before the task`)
  return proposals
}

/**
 * The document's proposals that pass `filter`, placed in its current text, in document order, written whole as the
 * listing's JSON (`ProposalList`): the relay's loop only passes on a string however many there are.
 */
export function listProposals({
  documentId,
  stored,
  proposals,
  filter,
  catalogue,
}: {
  documentId: string
  stored: StoredInput
  proposals: ProposalsInput
  filter: Omit<ProposalFilter, 'revision'>
  catalogue: FrameworkCatalogue
}): { body: string } {
  const wanted = filterProposals(proposalsOf(proposals), filter)
  const placed = withDoc(stored, (doc) => {
    const draft = readDraft(doc)
    return placeProposals(doc, draft.ok ? draft.json : null, wanted, catalogue)
  })
  return { body: JSON.stringify({ documentId, revision: null, proposals: placed }) }
}

/** Some proposals (one changed, one made) placed in the document's current text. */
export function placeSomeProposals({ stored, proposals, catalogue }: { stored: StoredInput; proposals: StoredProposal[]; catalogue: FrameworkCatalogue }): { proposals: Proposal[] } {
  return {
    proposals: withDoc(stored, (doc) => {
      const draft = readDraft(doc)
      return placeProposals(doc, draft.ok ? draft.json : null, proposals, catalogue)
    }),
  }
}

/**
 * The compilation of proposals on a version of the text, as JSON (`compilation`) or as a Markdown or DOCX download
 * (`body`): on a revision's JSON with the proposals recorded with it (`placed`), or on the stored current text with
 * the document's proposals (`current`), placed in that text here, so that each proposal's block is a block of it.
 */
export async function exportProposals({
  source,
  proposals,
  meta,
  catalogue,
  format,
}: {
  source: DraftSource
  proposals: { placed: Proposal[] } | { current: ProposalsInput }
  meta: ProposalCompilationMeta
  catalogue: FrameworkCatalogue
  format: 'json' | 'md' | 'docx'
}): Promise<{ compilation: ProposalCompilation; body: string | Uint8Array | null }> {
  let content: DraftDocJson
  let list: Proposal[]
  if ('placed' in proposals) {
    content = draftOf(source)
    list = proposals.placed
  } else {
    if (!('stored' in source)) throw new Error('the proposals of the current text are compiled on the stored text')
    const current = proposalsOf(proposals.current)
    ;[content, list] = withDoc(source.stored, (doc): [DraftDocJson, Proposal[]] => {
      const draft = readDraft(doc)
      if (!draft.ok) throw new ApiError(409, 'document_unreadable', 'the document holds content outside the editor; it cannot be compiled')
      if (exceedsDepth(draft.json)) throw tooDeep()
      return [draft.json, placeProposals(doc, draft.json, current, catalogue)]
    })
  }
  const compilation = compileProposals(toDraftModel(content, catalogue), list, meta)
  if (format === 'json') return { compilation, body: null }
  const body =
    format === 'md' ? proposalCompilationToMarkdown(compilation) : await (await import('../export/proposalCompilationDocx.ts')).proposalCompilationToDocx(compilation)
  return { compilation, body }
}

export interface RevisionCheck {
  validation: BoundedValidation
  /** Its numbered blocks: what a delegation may break silence on. */
  blocks: BlockRef[]
}

/** A revision's validity under the catalogue in force (valid, and free of brackets and alternatives?) and its blocks. */
export function checkRevision({ content, catalogue, maxProblems }: { content: DraftDocJson; catalogue: FrameworkCatalogue; maxProblems: number }): RevisionCheck {
  if (exceedsDepth(content)) throw tooDeep()
  const validation = validateDraft(content, catalogue)
  const bounded = boundProblems({ ...validation, problems: submissionProblems(validation) }, maxProblems)
  return { validation: bounded, blocks: numberedBlocks(toDraftModel(content, catalogue)).map(({ position, number }) => ({ position, number })) }
}

/**
 * A document's compacted state: what is stored (the state and the log entries given), without what cannot be
 * integrated, encoded; null when that state does not load back whole into a fresh document.
 */
export function compactState({ stored }: { stored: StoredInput }): { state: Uint8Array | null } {
  return withDoc(stored, (doc) => {
    const state = Y.encodeStateAsUpdate(doc)
    return { state: reloadsWhole(state) ? state : null }
  })
}

const tasks = {
  checkRevision,
  validate,
  prepareRevision,
  exportDraft,
  compare,
  exportComparison,
  compileWrittenInputs,
  listProposals,
  placeSomeProposals,
  exportProposals,
  compactState,
}

export type TaskName = keyof typeof tasks
export type TaskInput<N extends TaskName> = Parameters<(typeof tasks)[N]>[0]
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof tasks)[N]>>

export function runTask<N extends TaskName>(name: N, input: TaskInput<N>): Promise<TaskOutput<N>> {
  const task = tasks[name] as (input: TaskInput<N>) => TaskOutput<N> | Promise<TaskOutput<N>>
  if (!task) return Promise.reject(new Error(`no task "${name}"`))
  return Promise.resolve(task(input))
}
