/** `/api/documents/:id/proposals`: propose text, take a stance, edit or withdraw one's own, decide; the compilation. */
import { Hono, type Context } from 'hono'
import { ApiError } from '../../shared/errors/apiError.ts'
import {
  compilationFormats,
  DecideProposal,
  ProposalAnswer,
  ProposalCompilation,
  ProposalFilter,
  ProposalList,
  proposalPayloads,
  RejectProposal,
  TakeStance,
} from '../../shared/schema/proposals.ts'
import { can, type Action } from '../../shared/auth/permissions.ts'
import { refuseIfSubmitted } from '../auth/authenticate.ts'
import { downloadFileName } from '../export/fileName.ts'
import type { HeavyWork } from '../heavy/heavyWork.ts'
import { parseJson, refuseNul, reply, type AppEnv } from '../http.ts'
import { filterProposals } from '../proposals/placeProposals.ts'
import type { ProposalService } from '../proposals/proposalService.ts'
import type { StoredProposal } from '../proposals/proposalStore.ts'
import type { RevisionStore } from '../revisions/revisionStore.ts'
import { allowOnDocument } from './documentScope.ts'

export interface ProposalRouteDeps {
  proposals: ProposalService
  revisions: RevisionStore
  /** The compilation is made on the worker pool, counted against the member who asks. */
  heavy: HeavyWork
  maxProposalChars: number
  /** Refuses (409 `period_closed`) once the comment period on the current revision ended. */
  inputsOpen?: (documentId: string) => void
}

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

function query(c: Context<AppEnv>) {
  const parsed = ProposalFilter.safeParse(c.req.query())
  if (!parsed.success) {
    throw new ApiError(400, 'invalid_query', parsed.error.issues.map((issue) => issue.message).join('; '))
  }
  return parsed.data
}

/** Refuses unless the member may act on this proposal; the message says why in the proposal's terms. */
function allowOn(c: Context<AppEnv>, proposal: StoredProposal, action: Action, message: string): void {
  const subject = { ...c.get('subject'), proposerDelegation: proposal.proposer.delegation }
  refuseIfSubmitted(subject, action)
  if (!can(subject, action)) throw new ApiError(403, 'forbidden', message)
}

/** Accept and bracket may come with no body at all. */
async function optionalNote(c: Context<AppEnv>): Promise<string | null> {
  const text = await c.req.text()
  if (text.trim() === '') return null
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new ApiError(400, 'invalid_json', 'the request body must be JSON')
  }
  refuseNul(body)
  const parsed = DecideProposal.safeParse(body)
  if (!parsed.success) throw new ApiError(400, 'invalid_payload', parsed.error.issues.map((issue) => issue.message).join('; '))
  return parsed.data.note || null
}

/** Under the document scope (`documentRoutesScoped`). */
export function proposalRoutes({ proposals, revisions, heavy, maxProposalChars, inputsOpen }: ProposalRouteDeps) {
  const { CreateProposal, EditProposal } = proposalPayloads(maxProposalChars)
  const readable = allowOnDocument('proposal.read')

  return new Hono<AppEnv>()
    .get('/:id/proposals', readable, async (c) => {
      const documentId = c.get('document').id
      const { revision, ...filter } = query(c)
      if (revision !== undefined) {
        const id = Number(revision)
        if (!(await revisions.get(documentId, id))) throw new ApiError(404, 'revision_not_found', `there is no revision "${revision}" of this document`)
        const recorded = filterProposals((await proposals.forRevision(id)) ?? [], filter)
        return reply(c, ProposalList, { documentId, revision: id, proposals: recorded })
      }
      // Written whole (`ProposalList`), on the worker pool or, for a small loaded document, at once (ProposalService.listJson).
      c.header('content-type', 'application/json; charset=utf-8')
      return c.body(await proposals.listJson(documentId, filter, c.get('member').id))
    })
    .post('/:id/proposals', readable, async (c) => {
      const member = c.get('member')
      refuseIfSubmitted(c.get('subject'), 'proposal.create')
      if (!can(c.get('subject'), 'proposal.create')) {
        throw new ApiError(403, 'forbidden', `your role (${member.role}) may not propose text: the process is State-led; send a written input as a comment instead`)
      }
      const payload = await parseJson(c, CreateProposal)
      await inputsOpen?.(c.get('document').id)
      return reply(c, ProposalAnswer, { proposal: await proposals.create(c.get('document').id, member, payload) }, 201)
    })
    .get('/:id/proposals/compilation', readable, async (c) => {
      if (!can(c.get('subject'), 'document.export')) throw new ApiError(403, 'forbidden', 'your role may not export')
      const format = c.req.query('format') ?? 'json'
      if (!(compilationFormats as readonly string[]).includes(format)) {
        throw new ApiError(400, 'invalid_query', `format must be one of: ${compilationFormats.join(', ')}`)
      }
      const document = c.get('document')
      const revisionParam = c.req.query('revision')
      const meta = { documentId: document.id, title: document.title, symbol: document.symbol ?? null, revision: null as { id: number; label: string } | null }
      const memberId = c.get('member').id
      const wanted = format as 'json' | 'md' | 'docx'
      let made
      if (revisionParam !== undefined && revisionParam !== 'current') {
        const id = /^\d{1,12}$/.test(revisionParam) ? Number(revisionParam) : null
        const revision = id === null ? null : await revisions.get(document.id, id)
        if (!revision || id === null) throw new ApiError(404, 'revision_not_found', `revision: there is no revision "${revisionParam}" of this document`)
        meta.revision = { id, label: revision.label }
        made = await heavy.exportProposals({ source: { content: revision.content }, proposals: (await proposals.forRevision(id)) ?? [], meta, format: wanted }, memberId)
      } else {
        // The text read, the proposals placed in it, compiled and written out, all on the pool.
        made = await heavy.exportCurrentProposals(document.id, { meta, format: wanted }, () => proposals.stored(document.id), memberId)
      }
      const { compilation, body } = made
      if (format === 'json') return reply(c, ProposalCompilation, compilation)
      const fileName = downloadFileName([document.symbol ?? document.title, 'proposals', compilation.revision?.label], format)
      c.header('content-disposition', `attachment; filename="${fileName}"`)
      c.header('cache-control', 'no-store')
      c.header('content-type', format === 'md' ? 'text/markdown; charset=utf-8' : docxType)
      return c.body(body as string | Uint8Array<ArrayBuffer>)
    })
    .patch('/:id/proposals/:proposalId', readable, async (c) => {
      const documentId = c.get('document').id
      const proposal = await proposals.get(documentId, c.req.param('proposalId'))
      allowOn(c, proposal, 'proposal.edit', `only members of ${proposal.proposer.delegation}, which made this proposal, may edit it`)
      const change = await parseJson(c, EditProposal)
      await inputsOpen?.(c.get('document').id)
      return reply(c, ProposalAnswer, { proposal: await proposals.edit(documentId, proposal.id, change) })
    })
    .post('/:id/proposals/:proposalId/stance', readable, async (c) => {
      const documentId = c.get('document').id
      const member = c.get('member')
      const proposal = await proposals.get(documentId, c.req.param('proposalId'))
      if (member.delegation && member.delegation === proposal.proposer.delegation) {
        throw new ApiError(403, 'own_proposal', `${proposal.proposer.delegation} made this proposal: a delegation takes no stance on its own proposal`)
      }
      allowOn(c, proposal, 'proposal.stance', `your role (${member.role}) may not take a stance: stances are taken by delegations other than the proposer's`)
      const stance = await parseJson(c, TakeStance)
      return reply(c, ProposalAnswer, { proposal: await proposals.takeStance(documentId, proposal.id, member, stance) })
    })
    .post('/:id/proposals/:proposalId/withdraw', readable, async (c) => {
      const documentId = c.get('document').id
      const proposal = await proposals.get(documentId, c.req.param('proposalId'))
      allowOn(c, proposal, 'proposal.withdraw', `only members of ${proposal.proposer.delegation}, which made this proposal, may withdraw it`)
      return reply(c, ProposalAnswer, { proposal: await proposals.withdraw(documentId, proposal.id, c.get('member')) })
    })
    .post('/:id/proposals/:proposalId/accept', readable, async (c) => {
      const documentId = c.get('document').id
      const proposal = await proposals.get(documentId, c.req.param('proposalId'))
      allowOn(c, proposal, 'proposal.decide', 'only the co-facilitators of this workspace and the secretariat may accept a proposal')
      const note = await optionalNote(c)
      return reply(c, ProposalAnswer, { proposal: await proposals.accept(documentId, proposal.id, c.get('member'), note) })
    })
    .post('/:id/proposals/:proposalId/reject', readable, async (c) => {
      const documentId = c.get('document').id
      const proposal = await proposals.get(documentId, c.req.param('proposalId'))
      allowOn(c, proposal, 'proposal.decide', 'only the co-facilitators of this workspace and the secretariat may reject a proposal')
      const { reason } = await parseJson(c, RejectProposal)
      return reply(c, ProposalAnswer, { proposal: await proposals.reject(documentId, proposal.id, c.get('member'), reason) })
    })
    .post('/:id/proposals/:proposalId/bracket', readable, async (c) => {
      const documentId = c.get('document').id
      const proposal = await proposals.get(documentId, c.req.param('proposalId'))
      allowOn(c, proposal, 'proposal.bracket', 'only the co-facilitators of this workspace and the secretariat may bracket a proposal')
      const note = await optionalNote(c)
      return reply(c, ProposalAnswer, { proposal: await proposals.bracket(documentId, proposal.id, c.get('member'), note) })
    })
}
