import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import type { BreakSilence } from '../../shared/schema/procedures.ts'
import { loadConfig } from '../config.ts'
import { createServices, type Services } from '../services.ts'
import { openDatabase, type OpenDatabase } from '../store/database.ts'

const running: Array<{ database: OpenDatabase; services: Services }> = []
afterEach(async () => {
  for (const { database, services } of running.splice(0)) {
    services.procedures.stop()
    await services.pool.close()
    await database.close()
  }
})

async function setUp() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-procedure-service-'))
  const database = await openDatabase({ dataDir })
  const services = await createServices(loadConfig({ DATA_DIR: dataDir, HEAVY_WORKERS: '1' }), database)
  running.push({ database, services })
  const lead = await services.members.ensureMember('Co-facilitator', 'cofacilitator', 'Singapore', null)
  const kenya = await services.members.ensureMember('Delegate of Kenya', 'delegation', 'Kenya', null)
  await services.registry.createWorkspace({ dtg: 1, year: 2026, title: 'DTG 1' })
  const document = await services.registry.createDocument({ workspaceId: 'dtg1-2026', title: 'Recommendations', kind: 'recommendations', symbol: null, createdBy: lead.id })
  const revision = await services.revisions.cut({
    documentId: document.id,
    label: 'Rev.1',
    note: null,
    state: new Uint8Array(),
    content: doc(paragraph('The group met.'), recommendation('rec-a', ['norm-g'], 'States should protect critical infrastructure.')),
    createdBy: lead.id,
  })
  await services.procedures.start()
  // The worker thread starts on first use, slowly on a loaded machine: started here, so that opening a procedure with a
  // deadline a few seconds away does not see it pass meanwhile.
  await services.heavy.checkRevision((await services.revisions.get(document.id, revision.id))!.content)
  return { services, lead, kenya, document, revision }
}

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms))

describe('procedure service', () => {
  it('counts an objection received before the deadline even when it is still being read as the deadline passes', async () => {
    const { services, lead, kenya, document, revision } = await setUp()
    const deadline = Math.ceil(Date.now() / 1000) * 1000 + 4000
    const stages: string[] = []
    services.events.subscribe(document.id, ({ event, data }) => event === 'stage' && stages.push((data as { stage: { kind: string } }).stage.kind))
    const { procedure } = await services.procedures.open(document, lead, { kind: 'silence', revisionId: revision.id, deadline: new Date(deadline).toISOString() })

    // Received now, before the deadline; its body arrives 300 ms after it (a slow connection).
    const payload = later<BreakSilence>({ block: { position: 1, number: 'R1' }, reason: 'Too narrow.' }, deadline - Date.now() + 300)
    const answer = await services.procedures.breakSilence(document, procedure.id, kenya, Date.now(), payload)
    expect(answer.procedure.objections).toHaveLength(1)

    const outcome = await services.procedures.outcome(document.id, procedure.id)
    expect(outcome).toMatchObject({ outcome: 'broken', brokenBy: [{ delegation: 'Kenya', blocks: ['R1'] }] })
    expect(stages).toEqual(['silence', 'broken'])

    // One received after the deadline is refused, whenever its body comes.
    await expect(
      services.procedures.breakSilence(document, procedure.id, kenya, Date.now(), Promise.resolve({ block: { position: 0, number: '1' }, reason: 'Late.' })),
    ).rejects.toMatchObject({ status: 409, code: 'silence_ended' })
  })

  it('counts an objection taken up before the deadline whose handling began after it (authentication waited on a busy server)', async () => {
    const { services, lead, kenya, document, revision } = await setUp()
    const deadline = Math.ceil(Date.now() / 1000) * 1000 + 4000
    const { procedure } = await services.procedures.open(document, lead, { kind: 'silence', revisionId: revision.id, deadline: new Date(deadline).toISOString() })
    // Taken up now; its handler starts 300 ms past the deadline, once what it waited for is done.
    const takenUpAt = Date.now()
    const answered = services.procedures.objectionArriving(procedure.id)
    await later(null, deadline - Date.now() + 300)
    const answer = await services.procedures
      .breakSilence(document, procedure.id, kenya, takenUpAt, Promise.resolve({ block: { position: 1, number: 'R1' }, reason: 'Too narrow.' }))
      .finally(answered)
    expect(answer.procedure.objections).toHaveLength(1)
    expect(await services.procedures.outcome(document.id, procedure.id)).toMatchObject({ outcome: 'broken', brokenBy: [{ delegation: 'Kenya', blocks: ['R1'] }] })
  })

  it('refuses an objection begun before the deadline whose body arrives past the grace, and settles without waiting for it', { timeout: 30_000 }, async () => {
    const { services, lead, kenya, document, revision } = await setUp()
    const deadline = Math.ceil(Date.now() / 1000) * 1000 + 4000
    const { procedure } = await services.procedures.open(document, lead, { kind: 'silence', revisionId: revision.id, deadline: new Date(deadline).toISOString() })

    // Begun before the deadline, held open until 2.5 s after it: past the 2 s grace.
    const payload = later<BreakSilence>({ block: { position: 1, number: 'R1' }, reason: 'Decided late.' }, deadline - Date.now() + 2500)
    const held = services.procedures.breakSilence(document, procedure.id, kenya, Date.now(), payload)
    await expect(held).rejects.toMatchObject({ status: 409, code: 'silence_ended' })

    const outcome = await services.procedures.outcome(document.id, procedure.id)
    expect(outcome).toMatchObject({ outcome: 'adopted' })
    expect((await services.procedures.list(document.id, lead.id)).procedures[0]!.objections).toHaveLength(0)
  })

  it('settles at start-up a deadline that passed while it was stopped, and only once', async () => {
    const { services, lead, kenya, document, revision } = await setUp()
    const deadline = Math.ceil(Date.now() / 1000) * 1000 + 4000
    const { procedure } = await services.procedures.open(document, lead, { kind: 'silence', revisionId: revision.id, deadline: new Date(deadline).toISOString() })
    await services.procedures.breakSilence(document, procedure.id, kenya, Date.now(), Promise.resolve({ block: { position: 0, number: '1' }, reason: 'No.' }))
    services.procedures.stop()
    await later(null, deadline - Date.now() + 100)
    expect((await services.procedures.list(document.id, lead.id)).procedures[0]!.outcome).toBeNull()
    // The stage already follows the server's clock before the record is written.
    expect(await services.procedures.stage(document.id)).toMatchObject({ kind: 'broken', brokenBy: ['Kenya'] })

    await services.procedures.start()
    const record = (await services.procedures.list(document.id, lead.id)).procedures[0]!.outcome
    expect(record).toMatchObject({ outcome: 'broken', objections: [{ delegation: 'Kenya', reason: 'No.' }] })
    await services.procedures.start()
    expect((await services.procedures.list(document.id, lead.id)).procedures[0]!.outcome).toEqual(record)
  })
})
