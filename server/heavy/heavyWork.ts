/** The heavy work routes and services ask for, run on the worker pool: each call names the member it counts against. */
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import type { Thread } from '../comments/commentStore.ts'
import type { Rooms } from '../collab/rooms.ts'
import { readCurrentStored } from '../documents/currentDoc.ts'
import type { DocumentStore } from '../store/store.ts'
import type { Proposal, ProposalFilter } from '../../shared/schema/proposals.ts'
import type { StoredProposal } from '../proposals/proposalStore.ts'
import type { CompilationRequest, DraftSource, ProposalsInput, StoredInput, TaskInput } from './tasks.ts'
import type { WorkerPool } from './workerPool.ts'

export interface HeavyWorkDeps {
  pool: WorkerPool
  rooms: Rooms
  store: DocumentStore
  catalogue: () => FrameworkCatalogue
  /** Problems listed in a validation status or a refusal, at most. */
  maxProblems: number
}

type Without<T, K extends keyof T> = Omit<T, K>

/** How long placing proposals just changed waits for a free thread before its caller does without (ProposalService). */
const placeWaitMs = 2000

export class HeavyWork {
  constructor(private readonly deps: HeavyWorkDeps) {}

  /**
   * The current text as stored, a loaded room's pending updates stored first: by reference when the pool's threads read
   * the store themselves (the relay's loop never holds the bytes), else the bytes.
   */
  private async stored(documentId: string): Promise<StoredInput> {
    if (!this.deps.pool.readsStore) return readCurrentStored(this.deps.rooms, this.deps.store, documentId)
    if (this.deps.rooms.loaded(documentId)) await this.deps.rooms.whenStored()
    return { storedIn: documentId }
  }

  async current(documentId: string): Promise<DraftSource> {
    return { stored: await this.stored(documentId) }
  }

  async validate(documentId: string) {
    const stored = await this.stored(documentId)
    return this.deps.pool.run('validate', { stored, catalogue: this.deps.catalogue(), maxProblems: this.deps.maxProblems })
  }

  async prepareRevision(documentId: string, memberId: number) {
    const current = await this.stored(documentId)
    // The revision keeps the encoded state: built from the bytes in one step, as they are stored.
    const stored: StoredInput = 'storedIn' in current ? { ...current, afresh: true } : current
    return this.deps.pool.run('prepareRevision', { stored, catalogue: this.deps.catalogue(), maxProblems: this.deps.maxProblems }, memberId)
  }

  /** A revision's validity for silence (no error, no bracket, no alternative) and its numbered blocks. */
  checkRevision(content: TaskInput<'checkRevision'>['content'], memberId?: number) {
    return this.deps.pool.run('checkRevision', { content, catalogue: this.deps.catalogue(), maxProblems: this.deps.maxProblems }, memberId ?? null)
  }

  /** The compacted state of a document from what is stored (its state and exactly these log entries), or null. */
  async compactState(documentId: string, logSeqs: readonly number[]): Promise<Uint8Array | null> {
    const { state } = await this.deps.pool.run('compactState', { stored: { storedIn: documentId, logSeqs: [...logSeqs] } })
    return state
  }

  exportDraft(input: Without<TaskInput<'exportDraft'>, 'catalogue' | 'maxProblems'>, memberId: number) {
    return this.deps.pool.run('exportDraft', { ...input, catalogue: this.deps.catalogue(), maxProblems: this.deps.maxProblems }, memberId)
  }

  compare(input: Without<TaskInput<'compare'>, 'catalogue'>, memberId: number) {
    return this.deps.pool.run('compare', { ...input, catalogue: this.deps.catalogue() }, memberId)
  }

  /**
   * The written inputs compiled and written out (`compileWrittenInputs`). The threads are read by the pool's thread when
   * it reads the store itself; otherwise by `readThreads`, on the loop, only once the member's share of the pool has room.
   */
  async compileWrittenInputs(documentId: string, readThreads: () => Promise<Thread[]>, request: CompilationRequest, memberId: number) {
    this.deps.pool.assertRoomFor(memberId)
    const threads = this.deps.pool.readsStore ? { threadsOf: documentId } : await readThreads()
    const stored = await this.stored(documentId)
    return this.deps.pool.run('compileWrittenInputs', { stored, threads, catalogue: this.deps.catalogue(), request }, memberId)
  }

  /** The proposals by reference when the pool's threads read the store themselves, else read by `read` on the loop. */
  private async proposals(documentId: string, read: () => Promise<StoredProposal[]>): Promise<ProposalsInput> {
    return this.deps.pool.readsStore ? { proposalsOf: documentId } : read()
  }

  /**
   * The document's proposals that pass `filter`, placed in its current text, as the listing's JSON; counted against
   * the member who asks.
   */
  async listProposals(
    documentId: string,
    filter: Omit<ProposalFilter, 'revision'>,
    read: () => Promise<StoredProposal[]>,
    memberId: number,
    /** Called as a thread takes the task up (it reads what is stored from then on). */
    onStart?: () => void,
  ) {
    this.deps.pool.assertRoomFor(memberId)
    const proposals = await this.proposals(documentId, read)
    const stored = await this.stored(documentId)
    return this.deps.pool.run('listProposals', { documentId, stored, proposals, filter, catalogue: this.deps.catalogue() }, memberId, { onStart })
  }

  /**
   * A few proposals (one just changed) placed in the current text: urgent, since the change is stored and its author
   * waits, and refused (503) when no thread is free within `placeWaitMs` (all busy with long exports, say).
   */
  async placeProposals(documentId: string, proposals: StoredProposal[]) {
    const stored = await this.stored(documentId)
    const task = { stored, proposals, catalogue: this.deps.catalogue() }
    return (await this.deps.pool.run('placeSomeProposals', task, null, { urgent: true, maxWaitMs: placeWaitMs })).proposals
  }

  exportProposals(input: Without<TaskInput<'exportProposals'>, 'catalogue' | 'proposals'> & { proposals: Proposal[] }, memberId: number) {
    return this.deps.pool.run('exportProposals', { ...input, proposals: { placed: input.proposals }, catalogue: this.deps.catalogue() }, memberId)
  }

  /** The compilation of the proposals on the current text: the text and the proposals read, and placed, by the pool. */
  async exportCurrentProposals(
    documentId: string,
    input: Without<TaskInput<'exportProposals'>, 'catalogue' | 'proposals' | 'source'>,
    read: () => Promise<StoredProposal[]>,
    memberId: number,
  ) {
    this.deps.pool.assertRoomFor(memberId)
    const current = await this.proposals(documentId, read)
    const source = await this.current(documentId)
    return this.deps.pool.run('exportProposals', { ...input, source, proposals: { current }, catalogue: this.deps.catalogue() }, memberId)
  }

  exportComparison(input: Without<TaskInput<'exportComparison'>, 'catalogue'>, memberId: number) {
    return this.deps.pool.run('exportComparison', { ...input, catalogue: this.deps.catalogue() }, memberId)
  }
}
