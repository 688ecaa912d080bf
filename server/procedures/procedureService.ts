/**
 * Comment periods and silence procedures: opening them, breaking silence, settling each deadline (by a timer, and at
 * start-up for those that passed while the server was down), the stage derived from it all, and its live events.
 */
import { ApiError } from '../../shared/errors/apiError.ts'
import type { Member } from '../../shared/schema/member.ts'
import type {
  BlockRef,
  BreakSilence,
  DeadlineEvent,
  ObjectionEvent,
  OpenProcedure,
  OutcomeRecord,
  Procedure,
  ProcedureAnswer,
  ProcedureList,
  Stage,
  StageEvent,
} from '../../shared/schema/procedures.ts'
import { deriveStage } from '../../shared/stage/deriveStage.ts'
import { sameBlock } from '../../shared/stage/revisionBlocks.ts'
import { settle } from '../../shared/stage/settle.ts'
import { stageText } from '../../shared/stage/stageText.ts'
import { formatNewYork } from '../../shared/time/unTime.ts'
import type { DocumentEvent, DocumentEvents } from '../documents/documentEvents.ts'
import { blockName } from '../../shared/stage/blockName.ts'
import type { HeavyWork } from '../heavy/heavyWork.ts'
import { log } from '../log.ts'
import type { RevisionStore } from '../revisions/revisionStore.ts'
import type { DocumentRecord, Registry } from '../workspaces/registry.ts'
import { DeadlineTimers } from './deadlineTimers.ts'
import type { ProcedureStore } from './procedureStore.ts'
import { negotiationRemaining } from '../../shared/schema/validateDraft.ts'

export interface ProcedureServiceDeps {
  store: ProcedureStore
  revisions: RevisionStore
  registry: Registry
  events: DocumentEvents
  heavy: HeavyWork
  /** How long before a deadline the `deadline` event goes out. */
  warningMs: number
  /** How far ahead a deadline may be set. */
  maxDeadlineMs: number
  /**
   * How long after the deadline the body of an objection whose request arrived before it may still finish arriving:
   * past that it is refused as late, so no one can hold a request open to decide after the deadline (or hold up the
   * settlement, which waits for objections being received).
   */
  objectionBodyGraceMs?: number
  /**
   * Other instances take objections too (REDIS_URL): an objection being received there is not seen here, so a
   * settlement waits out the whole grace before writing the outcome.
   */
  sharedDeadlines?: boolean
  /** The server's clock (tests may not change it: deadlines follow the real one). */
  now?: () => number
}

/** See `objectionBodyGraceMs`. */
export const defaultObjectionBodyGraceMs = 2000

/** Revisions whose numbered blocks are kept (a revision never changes, so neither do they). */
const cachedRevisions = 64

/** "29 November 2026, 10:00 New York time (2026-11-29T15:00:00.000Z)". */
const stated = (ms: number) => `${formatNewYork(ms)} (${new Date(ms).toISOString()})`

export class ProcedureService {
  private readonly timers: DeadlineTimers
  private readonly now: () => number
  /** Objections received and still being checked, per procedure: the settlement waits for them. */
  private readonly receiving = new Map<number, Set<Promise<unknown>>>()
  private readonly blocks = new Map<number, BlockRef[]>()
  private readonly settling = new Map<number, Promise<boolean>>()

  constructor(private readonly deps: ProcedureServiceDeps) {
    this.now = deps.now ?? Date.now
    this.timers = new DeadlineTimers(this.now)
  }

  /** Settles every deadline that passed while the server was down (objections received before it count), arms the rest. */
  async start(): Promise<void> {
    let settledNow = 0
    for (const procedure of await this.deps.store.pending()) {
      if (procedure.deadline <= this.now()) {
        if (await this.settleNow(procedure.id, procedure.deadline)) settledNow++
      } else this.arm(procedure)
    }
    if (settledNow > 0) log.info('procedures.settled_at_startup', { count: settledNow })
  }

  stop(): void {
    this.timers.stopAll()
  }

  /**
   * Arms the deadlines of every procedure not settled that this instance has no timer for (another instance opened it):
   * each instance settles it at its deadline, the outcome is written once (one transaction), and one instance gone
   * leaves the others to do it.
   */
  async armPending(): Promise<void> {
    for (const procedure of await this.deps.store.pending()) {
      if (procedure.deadline > this.now() && !this.timers.has(`settle:${procedure.id}`)) this.arm(procedure, false)
    }
  }

  async stage(documentId: string): Promise<Stage> {
    return deriveStage({
      procedures: await this.deps.store.list(documentId),
      latestRevisionId: await this.deps.revisions.latestId(documentId),
      submittedAt: (await this.deps.store.submission(documentId))?.submittedAt ?? null,
      now: this.now(),
    })
  }

  /** The revision adopted under silence while the document stands adopted or submitted, else null. */
  async adoptedRevision(documentId: string): Promise<number | null> {
    const submission = await this.deps.store.submission(documentId)
    if (submission) return (await this.deps.store.get(documentId, submission.procedureId))?.revision.id ?? null
    const stage = await this.stage(documentId)
    return stage.kind === 'adopted' ? (stage.revision?.id ?? null) : null
  }

  async list(documentId: string, memberId: number): Promise<ProcedureList> {
    const procedures = await this.deps.store.list(documentId)
    const stage = deriveStage({
      procedures,
      latestRevisionId: await this.deps.revisions.latestId(documentId),
      submittedAt: (await this.deps.store.submission(documentId))?.submittedAt ?? null,
      now: this.now(),
    })
    return { documentId, stage, procedures, unseen: await this.deps.store.unseen(documentId, memberId), serverTime: this.now() }
  }

  async markSeen(documentId: string, memberId: number): Promise<number> {
    const at = this.now()
    await this.deps.store.markSeen(documentId, memberId, at)
    return at
  }

  /** Refuses new comments and proposals (409 `period_closed`) once the comment period on the current revision ended. */
  async assertInputsOpen(documentId: string): Promise<void> {
    const stage = await this.stage(documentId)
    if (stage.commentsClosedAt === null) return
    const at = stage.commentsClosedAt
    throw new ApiError(
      409,
      'period_closed',
      `the period for comments and proposals closed on ${stated(at)}; nothing new is taken on this revision until the co-facilitators cut the next one or open a new period`,
      { deadline: new Date(at).toISOString(), deadlineNewYork: formatNewYork(at), serverTime: new Date(this.now()).toISOString() },
    )
  }

  /** Opens a comment period or starts silence on a revision, until a deadline in the future by the server's clock. */
  async open(document: DocumentRecord, member: Member, request: OpenProcedure): Promise<ProcedureAnswer> {
    const deadline = Date.parse(request.deadline)
    if (deadline % 1000 !== 0) throw new ApiError(400, 'invalid_deadline', 'deadline must be to the second, without fractions of a second')
    this.checkDeadline(deadline)
    const revision = await this.deps.revisions.get(document.id, request.revisionId)
    if (!revision) throw new ApiError(404, 'revision_not_found', `there is no revision "${request.revisionId}" of this document`)
    if (await this.deps.store.submission(document.id)) throw new ApiError(409, 'already_submitted', 'this document has been submitted; no further procedure can be opened on it')
    await this.refuseSuperseded(document.id, revision)
    if (request.kind === 'silence') {
      const check = await this.deps.heavy.checkRevision(revision.content, member.id)
      this.remember(revision.id, check.blocks)
      const { validation } = check
      if (!validation.valid) {
        throw new ApiError(422, 'revision_invalid', `${revision.label} cannot go under silence: it has ${validation.problemCount} problem${validation.problemCount === 1 ? '' : 's'} to fix first`, validation.problems)
      }
      if (!validation.submittable) {
        throw new ApiError(
          422,
          'revision_under_negotiation',
          `${revision.label} cannot go under silence: ${negotiationRemaining(validation.negotiation)} to be settled`,
          validation.problems,
        )
      }
    }
    // The deadline is checked again after the check above took its time, and a procedure past its deadline settled first.
    this.checkDeadline(deadline)
    await this.refuseSuperseded(document.id, revision)
    await this.settleDue(document.id)
    const procedure = await this.deps.store.open({ documentId: document.id, kind: request.kind, revisionId: revision.id, deadline, openedBy: member.id, openedAt: this.now() })
    this.arm(procedure)
    const stage = await this.publishStage(document.id)
    return { procedure, stage }
  }

  /** Only the latest revision is put under a procedure: an older one could be adopted yet never submitted. */
  private async refuseSuperseded(documentId: string, revision: { id: number; label: string }): Promise<void> {
    const latest = await this.deps.revisions.latestId(documentId)
    if (latest !== null && latest !== revision.id) {
      throw new ApiError(409, 'revision_superseded', `${revision.label} has been superseded by a later revision: open the procedure on the latest revision`)
    }
  }

  /**
   * A delegation breaks silence on one block. `at` is when the request arrived (the server's clock): an objection
   * received before the deadline counts even if the settlement's timer fires while it is being checked.
   */
  breakSilence(document: DocumentRecord, procedureId: number, member: Member, at: number, payload: Promise<BreakSilence>): Promise<ProcedureAnswer> {
    const work = this.receive(document, procedureId, member, at, payload)
    this.track(procedureId, work)
    return work
  }

  /**
   * An objection's request taken up by the server, before it is authenticated and its document found: the settlement
   * waits for it (within the grace) as for one being received, so those waits cannot make it late. Call the function
   * returned once the request is answered.
   */
  objectionArriving(procedureId: number): () => void {
    let answered: () => void = () => {}
    this.track(procedureId, new Promise<void>((resolve) => (answered = resolve)))
    return answered
  }

  /** Settlement of the procedure waits for `work` (within the grace). */
  private track(procedureId: number, work: Promise<unknown>): void {
    let pending = this.receiving.get(procedureId)
    if (!pending) this.receiving.set(procedureId, (pending = new Set()))
    const tracked = work.catch(() => undefined)
    pending.add(tracked)
    void tracked.then(() => {
      pending.delete(tracked)
      if (pending.size === 0 && this.receiving.get(procedureId) === pending) this.receiving.delete(procedureId)
    })
  }

  private async receive(document: DocumentRecord, procedureId: number, member: Member, at: number, payload: Promise<BreakSilence>): Promise<ProcedureAnswer> {
    const { block, reason } = await payload
    const procedure = await this.procedure(document.id, procedureId)
    const bodyAt = this.now()
    const grace = this.deps.objectionBodyGraceMs ?? defaultObjectionBodyGraceMs
    if (at < procedure.deadline && bodyAt >= procedure.deadline + grace) {
      throw new ApiError(409, 'silence_ended', `silence on ${procedure.revision.label} ended on ${stated(procedure.deadline)}; your objection began to arrive before it but was received whole only on ${stated(bodyAt)} by the server's clock`, {
        deadline: new Date(procedure.deadline).toISOString(),
        receivedAt: new Date(bodyAt).toISOString(),
      })
    }
    if (procedure.kind !== 'silence') throw new ApiError(409, 'not_silence', 'this procedure is a comment period: silence is broken only under a silence procedure')
    const ended = (stored: Procedure) => {
      if (stored.outcome === null && at < stored.deadline) return
      throw new ApiError(409, 'silence_ended', `silence on ${stored.revision.label} ended on ${stated(stored.deadline)}; your objection arrived on ${stated(at)} by the server's clock`, {
        deadline: new Date(stored.deadline).toISOString(),
        receivedAt: new Date(at).toISOString(),
      })
    }
    ended(procedure)
    const blocks = await this.blocksOf(document.id, procedure)
    if (!blocks.some((known) => sameBlock(known, block))) {
      throw new ApiError(422, 'block_not_found', `${procedure.revision.label} has no ${blockName(block.number)} at position ${block.position}`)
    }
    const objection = await this.deps.store.addObjection(
      { procedureId, delegation: member.delegation ?? '', block, reason, memberId: member.id, at },
      ended,
    )
    this.deps.events.publish(document.id, 'objection', { documentId: document.id, objection } satisfies ObjectionEvent)
    return { procedure: await this.procedure(document.id, procedureId), stage: await this.stage(document.id) }
  }

  /** The outcome record, once the deadline passed (settled now if its timer has not run yet); 409 before. */
  async outcome(documentId: string, procedureId: number): Promise<OutcomeRecord> {
    const procedure = await this.procedure(documentId, procedureId)
    if (procedure.outcome) return procedure.outcome
    if (procedure.deadline > this.now()) {
      throw new ApiError(409, 'not_settled', `the deadline (${stated(procedure.deadline)}) has not passed: there is no outcome yet`)
    }
    await this.settleNow(procedureId, procedure.deadline)
    return (await this.procedure(documentId, procedureId)).outcome!
  }

  /** Marks the document submitted to the plenary: only after its latest revision was adopted under silence. */
  async submit(document: DocumentRecord, member: Member): Promise<Stage> {
    await this.settleDue(document.id)
    const stage = await this.stage(document.id)
    if (stage.kind !== 'adopted') {
      throw new ApiError(409, 'not_adopted', `a document is marked submitted once its revision is adopted under silence; it is now: ${stageText(stage)}`)
    }
    // The store checks again, in the transaction that writes the submission, that nothing was opened or cut meanwhile.
    await this.deps.store.submit(document.id, stage.procedureId ?? 0, member.id, this.now())
    // From here the text, its metadata and its negotiation are closed, on every instance (shared/auth/permissions.ts).
    await this.deps.registry.documentSubmitted(document.id)
    return await this.publishStage(document.id)
  }

  /** The `deadline` events a new event stream starts with: each running procedure already within the warning. */
  async eventsOnConnect(documentId: string): Promise<DocumentEvent[]> {
    const now = this.now()
    return (await this.deps.store.list(documentId))
      .filter((procedure) => procedure.outcome === null && procedure.deadline > now && procedure.deadline - now <= this.deps.warningMs)
      .map((procedure) => ({ event: 'deadline', data: this.deadlineEvent(procedure) }))
  }

  private async procedure(documentId: string, procedureId: number): Promise<Procedure> {
    const procedure = await this.deps.store.get(documentId, procedureId)
    if (!procedure) throw new ApiError(404, 'procedure_not_found', `there is no procedure "${procedureId}" on this document`)
    return procedure
  }

  private checkDeadline(deadline: number): void {
    const now = this.now()
    if (deadline <= now) {
      throw new ApiError(422, 'deadline_past', `the deadline ${stated(deadline)} is not in the future by the server's clock, which reads ${stated(now)}`, {
        deadline: new Date(deadline).toISOString(),
        serverTime: new Date(now).toISOString(),
      })
    }
    if (deadline - now > this.deps.maxDeadlineMs) {
      const days = Math.round(this.deps.maxDeadlineMs / 86_400_000)
      throw new ApiError(422, 'deadline_too_far', `the deadline ${stated(deadline)} is more than ${days} days ahead`)
    }
  }

  private remember(revisionId: number, blocks: BlockRef[]): void {
    this.blocks.delete(revisionId)
    this.blocks.set(revisionId, blocks)
    if (this.blocks.size > cachedRevisions) this.blocks.delete(this.blocks.keys().next().value!)
  }

  private async blocksOf(documentId: string, procedure: Procedure): Promise<BlockRef[]> {
    const known = this.blocks.get(procedure.revision.id)
    if (known) return known
    const revision = (await this.deps.revisions.get(documentId, procedure.revision.id))!
    const { blocks } = await this.deps.heavy.checkRevision(revision.content)
    this.remember(revision.id, blocks)
    return blocks
  }

  private arm(procedure: Procedure, announce = true): void {
    const warnAt = procedure.deadline - this.deps.warningMs
    if (warnAt > this.now()) {
      this.timers.schedule(`warn:${procedure.id}`, warnAt, () => this.deps.events.publish(procedure.documentId, 'deadline', this.deadlineEvent(procedure)))
    } else if (announce) {
      this.deps.events.publish(procedure.documentId, 'deadline', this.deadlineEvent(procedure))
    }
    this.timers.schedule(`settle:${procedure.id}`, procedure.deadline, () => {
      this.settleNow(procedure.id, procedure.deadline).catch((error) => log.error('procedures.settlement_failed', { procedureId: procedure.id, error }))
    })
  }

  private deadlineEvent(procedure: Procedure): DeadlineEvent {
    return { documentId: procedure.documentId, procedureId: procedure.id, kind: procedure.kind, deadline: procedure.deadline, serverTime: this.now() }
  }

  /** Settles every procedure of the document whose deadline passed and whose outcome is not written. */
  private async settleDue(documentId: string): Promise<void> {
    const now = this.now()
    for (const procedure of await this.deps.store.list(documentId)) if (procedure.outcome === null && procedure.deadline <= now) await this.settleNow(procedure.id, procedure.deadline)
  }

  /**
   * Writes the outcome once (one transaction; a second call writes nothing), after the objections still being received
   * are stored or refused. Publishes the new stage. True when this call wrote it.
   */
  private settleNow(procedureId: number, deadline: number): Promise<boolean> {
    // One settlement of a procedure at a time in this process: a second caller (the timer, a request for the outcome)
    // waits for the first, stage event included, instead of racing it to the store.
    const running = this.settling.get(procedureId)
    if (running) return running.then(() => false)
    const settling = this.settleOnce(procedureId, deadline).finally(() => this.settling.delete(procedureId))
    this.settling.set(procedureId, settling)
    return settling
  }

  private async settleOnce(procedureId: number, deadline: number): Promise<boolean> {
    // Objections begun before the deadline are waited for, but no longer than their grace: one still arriving after it
    // is refused as late (and by the store once the outcome is written), so a held request cannot hold up the outcome.
    const graceEnds = deadline + (this.deps.objectionBodyGraceMs ?? defaultObjectionBodyGraceMs)
    if (this.deps.sharedDeadlines && this.now() < graceEnds) await new Promise((resolve) => setTimeout(resolve, graceEnds - this.now()))
    while (this.receiving.get(procedureId)?.size && this.now() < graceEnds) {
      let timer: NodeJS.Timeout | undefined
      const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, graceEnds - this.now()))))
      await Promise.race([Promise.all(this.receiving.get(procedureId)!), graceOver])
      clearTimeout(timer)
    }
    this.timers.cancel(`settle:${procedureId}`)
    this.timers.cancel(`warn:${procedureId}`)
    const record = await this.deps.store.settle(procedureId, (procedure) => {
      const document = this.deps.registry.document(procedure.documentId)
      return settle(
        {
          id: procedure.id,
          kind: procedure.kind,
          documentId: procedure.documentId,
          documentTitle: document?.title ?? procedure.documentId,
          symbol: document?.symbol ?? null,
          revision: procedure.revision,
          deadline: procedure.deadline,
          openedBy: procedure.openedBy.name,
          openedAt: procedure.openedAt,
        },
        procedure.objections,
        this.now(),
      )
    })
    if (!record) return false
    log.info('procedures.settled', { procedureId, documentId: record.documentId, outcome: record.outcome, objections: record.objections.length })
    await this.publishStage(record.documentId)
    return true
  }

  /** Something the stage derives from changed elsewhere (a revision was cut): open pages get the stage again. */
  stageChanged(documentId: string): void {
    this.publishStage(documentId).catch((error) => log.error('procedures.stage_publish_failed', { documentId, error }))
  }

  private async publishStage(documentId: string): Promise<Stage> {
    const stage = await this.stage(documentId)
    this.deps.events.publish(documentId, 'stage', { documentId, stage, serverTime: this.now() } satisfies StageEvent)
    return stage
  }
}
