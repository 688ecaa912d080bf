/**
 * Proposals in a document of 300 paragraphs with 200 open proposals from 40 delegations: the list shown after a fresh
 * editor's sync, an accepted proposal reaching every open editor (against the relay latency of a typed edit, measured
 * in the same run), and the compilation as DOCX.
 */
import { performance } from 'node:perf_hooks'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { toBase64 } from 'lib0/buffer'
import type { Anchor } from '../../shared/schema/comments.ts'
import { plainOf } from '../helpers/passages.ts'
import { mintToken, startTestServer, tempDataDir } from '../helpers/server.ts'
import { draftFixture } from './draftFixture.ts'
import { met, ms, type Row } from './table.ts'

const quick = process.env.BENCH_QUICK === '1'
const runs = quick ? 5 : 15
const delegations = 40
const proposalCount = 200
const editorCount = 10

function stats(samples: number[]): { median: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  return { median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] }
}

/** The first XmlText of each top-level paragraph, in order. */
function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment('content')
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
    .map((node) => node.get(0) as Y.XmlText)
}

/** An anchor on the first `length` characters of this paragraph's text (paragraphs of the fixture repeat their text). */
function anchorIn(text: Y.XmlText, length: number): Anchor {
  const encode = (index: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, -1)))
  return { start: encode(0), end: encode(length), quote: plainOf(text).slice(0, length) }
}

export async function runProposalBenchmarks(log: (line: string) => void = console.log): Promise<Row[]> {
  const dataDir = tempDataDir()
  const secretariat = await mintToken(dataDir, 'Bench secretariat', 'secretariat')
  const tokens: string[] = []
  for (let index = 0; index < delegations; index++) tokens.push(await mintToken(dataDir, `Delegate ${index + 1}`, 'delegation', { delegation: `Delegation ${index + 1}` }))
  const server = await startTestServer(dataDir, { API_WRITES_PER_MINUTE: '0', LOG_LEVEL: 'error' })
  const editors: TestClient[] = []
  try {
    const api = new ApiClient(server.url, secretariat)
    const workspace = await api.post('/api/workspaces', { dtg: 2, year: 2030, title: 'Bench' })
    const created = await api.post(`/api/workspaces/${workspace.json.id}/documents`, { title: 'Bench draft', kind: 'working-draft' })
    const documentId = created.json.document.id as string
    const fixture = draftFixture({ paragraphs: 300, recommendations: 60 })
    const writer = connectClient(server.wsUrl, documentId, secretariat)
    editors.push(writer)
    await writer.synced
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(draftSchema, fixture.json, 'content')))
    const witness = connectClient(server.wsUrl, documentId, secretariat)
    editors.push(witness)
    await waitFor(() => witness.doc.getXmlFragment('content').length === fixture.json.content!.length, 'the fixture to be stored', 20_000)

    // 200 open proposals, five per delegation, each replacing the first word of its own paragraph.
    const paragraphs = paragraphTexts(writer.doc)
    for (let index = 0; index < proposalCount; index++) {
      const firstWord = plainOf(paragraphs[index]).split(' ')[0]
      const delegate = new ApiClient(server.url, tokens[index % delegations])
      const answer = await delegate.post(`/api/documents/${documentId}/proposals`, {
        kind: 'replace',
        anchor: anchorIn(paragraphs[index], 40),
        text: `${firstWord.toUpperCase()}${plainOf(paragraphs[index]).slice(firstWord.length, 40)}`,
      })
      if (answer.status !== 201) throw new Error(`proposal ${index} refused: ${JSON.stringify(answer.json)}`)
    }
    log(`proposals: ${fixture.paragraphs} paragraphs, ${proposalCount} open proposals from ${delegations} delegations, ${runs} runs`)

    // A fresh editor opens the document: from its sync to the list of proposals in hand.
    const shown: number[] = []
    for (let run = 0; run < runs; run++) {
      const reader = connectClient(server.wsUrl, documentId, tokens[run % delegations])
      await reader.synced
      const synced = performance.now()
      const list = await new ApiClient(server.url, tokens[run % delegations]).get(`/api/documents/${documentId}/proposals`)
      shown.push(performance.now() - synced)
      if (list.json.proposals.length < proposalCount - run) throw new Error('proposals missing from the list')
      reader.destroy()
    }

    for (let index = 0; index < editorCount; index++) {
      const editor = connectClient(server.wsUrl, documentId, tokens[index])
      editors.push(editor)
      await editor.synced
    }
    const everyone = editors.slice(2)
    // Relay latency: a typed edit from one editor until every other open editor has it.
    const relay: number[] = []
    for (let run = 0; run < runs; run++) {
      const marker = `r${run}`
      const started = performance.now()
      writer.doc.transact(() => paragraphTexts(writer.doc)[299].insert(0, marker))
      await waitFor(() => everyone.every((editor) => plainOf(paragraphTexts(editor.doc)[299]).startsWith(marker)), 'the typed edit', 10_000)
      relay.push(performance.now() - started)
    }
    // An accepted proposal: from the co-facilitator's request until every open editor has the change.
    const listed = (await api.get(`/api/documents/${documentId}/proposals?status=open`)).json.proposals as Array<{ id: string; text: string; place: { number: number } }>
    const accepted: number[] = []
    for (let run = 0; run < runs; run++) {
      const proposal = listed[run]
      const paragraphIndex = proposal.place.number - 1
      const started = performance.now()
      const answer = await api.post(`/api/documents/${documentId}/proposals/${proposal.id}/accept`)
      if (answer.status !== 200) throw new Error(`accept refused: ${JSON.stringify(answer.json)}`)
      await waitFor(() => everyone.every((editor) => plainOf(paragraphTexts(editor.doc)[paragraphIndex]).startsWith(proposal.text)), 'the accepted proposal', 10_000)
      accepted.push(performance.now() - started)
    }

    const compile: number[] = []
    for (let run = 0; run < runs; run++) {
      const started = performance.now()
      const response = await fetch(`${server.url}/api/documents/${documentId}/proposals/compilation?format=docx`, { headers: { authorization: `Bearer ${secretariat}` } })
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`compilation failed: ${response.status}`)
      compile.push(performance.now() - started)
    }

    const shownStats = stats(shown)
    const relayStats = stats(relay)
    const acceptedStats = stats(accepted)
    const compileStats = stats(compile)
    return [
      {
        metric: `proposals listed after sync, ${proposalCount} open (ms)`,
        ours: `${ms(shownStats.median)} (max ${ms(shownStats.max)})`,
        reference: 'n/a',
        ratio: '',
        target: '< 300 ms',
        met: met(shownStats.max < 300),
      },
      {
        metric: `accepted proposal at all ${editorCount} editors, median (ms)`,
        ours: `${ms(acceptedStats.median)} (max ${ms(acceptedStats.max)})`,
        reference: `${ms(relayStats.median)} (typed edit relayed)`,
        ratio: '',
        target: 'relay + 50 ms',
        met: met(acceptedStats.median <= relayStats.median + 50),
      },
      {
        metric: 'compilation of proposals as DOCX, over HTTP (ms)',
        ours: `${ms(compileStats.median)} (max ${ms(compileStats.max)})`,
        reference: 'n/a',
        ratio: '',
        target: '< 500 ms',
        met: met(compileStats.max < 500),
      },
    ]
  } finally {
    for (const editor of editors) editor.destroy()
    await server.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import('./table.ts')
  console.log(formatTable(await runProposalBenchmarks()))
  process.exit(0)
}
