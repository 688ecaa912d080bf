/** `/api/documents/:id/procedures`, `/submitted`: comment periods, silence and its objections, the outcome record, the stage. */
import { Hono, type Context } from 'hono'
import { can } from '../../shared/auth/permissions.ts'
import { refuseIfSubmitted } from '../auth/authenticate.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import { objectionPayload, OpenProcedure, OutcomeRecord, ProcedureAnswer, ProcedureList, StageSeen, SubmittedAnswer } from '../../shared/schema/procedures.ts'
import { outcomeToMarkdown } from '../export/outcomeMarkdown.ts'
import { parseJson, reply, type AppEnv } from '../http.ts'
import type { ProcedureService } from '../procedures/procedureService.ts'
import { allowOnDocument } from './documentScope.ts'

export interface ProcedureRouteDeps {
  procedures: ProcedureService
  maxObjectionReasonChars: number
}

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const formats = ['json', 'md', 'docx'] as const

function procedureIdOf(c: Context<AppEnv>): number {
  const raw = c.req.param('procedureId') ?? ''
  if (!/^\d{1,12}$/.test(raw)) throw new ApiError(404, 'procedure_not_found', `there is no procedure "${raw}" on this document`)
  return Number(raw)
}

/** Under the document scope (`documentRoutesScoped`). */
export function procedureRoutes({ procedures, maxObjectionReasonChars }: ProcedureRouteDeps) {
  const BreakSilence = objectionPayload(maxObjectionReasonChars)
  return new Hono<AppEnv>()
    .get('/:id/procedures', async (c) => reply(c, ProcedureList, await procedures.list(c.get('document').id, c.get('member').id)))
    .post('/:id/procedures/seen', async (c) => reply(c, StageSeen, { unseen: 0, seenAt: await procedures.markSeen(c.get('document').id, c.get('member').id) }))
    .post('/:id/procedures', async (c) => {
      const request = await parseJson(c, OpenProcedure)
      const action = request.kind === 'silence' ? 'silence.start' : 'period.open'
      refuseIfSubmitted(c.get('subject'), action)
      if (!can(c.get('subject'), action)) {
        throw new ApiError(403, 'forbidden', `only the co-facilitators of this workspace and the secretariat may ${request.kind === 'silence' ? 'put a revision under silence' : 'open a comment period'}`)
      }
      return reply(c, ProcedureAnswer, await procedures.open(c.get('document'), c.get('member'), request), 201)
    })
    .post('/:id/procedures/:procedureId/objections', async (c) => {
      // When the server took the request up, by its clock (before authenticating it, and before anything else it waited
      // for): what decides whether the objection came before the deadline.
      const at = c.get('receivedAt') ?? Date.now()
      const member = c.get('member')
      if (!can(c.get('subject'), 'silence.break')) {
        throw new ApiError(403, 'forbidden', `only delegations break silence; your role (${member.role}${member.delegation ? '' : ', speaking for no delegation'}) does not`)
      }
      const procedureId = procedureIdOf(c)
      return procedures.breakSilence(c.get('document'), procedureId, member, at, parseJson(c, BreakSilence)).then((answer) => reply(c, ProcedureAnswer, answer, 201))
    })
    .get('/:id/procedures/:procedureId/outcome', async (c) => {
      const format = c.req.query('format') ?? 'json'
      if (!(formats as readonly string[]).includes(format)) throw new ApiError(400, 'invalid_query', `format must be one of: ${formats.join(', ')}`)
      const record = await procedures.outcome(c.get('document').id, procedureIdOf(c))
      if (format === 'json') return reply(c, OutcomeRecord, record)
      const label = record.revision.label.replace(/[^A-Za-z0-9._-]+/g, '-')
      c.header('content-disposition', `attachment; filename="${record.documentId}-${record.kind === 'silence' ? 'silence' : 'comment-period'}-${label}.${format}"`)
      c.header('cache-control', 'no-store')
      if (format === 'md') {
        c.header('content-type', 'text/markdown; charset=utf-8')
        return c.body(outcomeToMarkdown(record))
      }
      c.header('content-type', docxType)
      // The DOCX writer (and the docx library) loads with the first such export, not with the server.
      const { outcomeToDocx } = await import('../export/outcomeDocx.ts')
      return c.body(new Uint8Array(await outcomeToDocx(record)))
    })
    .post('/:id/submitted', allowOnDocument('document.submit'), async (c) => reply(c, SubmittedAnswer, { stage: await procedures.submit(c.get('document'), c.get('member')) }, 201))
}
