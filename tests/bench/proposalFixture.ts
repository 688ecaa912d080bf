/** Open proposals for the client benchmark: 200 from 40 delegations on a seeded draft, made through the REST API as delegations do. */
import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { MemberDirectory } from '../../server/auth/members.ts'
import { openTestDatabase } from '../helpers/server.ts'
import type { CreateProposal } from '../../shared/schema/proposals.ts'
import { connectClient, waitFor } from '../helpers/clients.ts'

export const proposalBench = { proposals: 200, delegations: 40 }

export interface Delegate {
  delegation: string
  token: string
}

/** Members of `delegations` delegations, each with a bearer token, written to the data directory before the server starts. */
export async function addDelegates(dataDir: string, delegations = proposalBench.delegations): Promise<Delegate[]> {
  const database = await openTestDatabase(dataDir)
  try {
    const members = new MemberDirectory(database.db)
    const delegates: Delegate[] = []
    for (let index = 0; index < delegations; index++) {
      const delegation = `Delegation ${String(index + 1).padStart(2, '0')}`
      const member = await members.ensureMember(`Delegate of ${delegation}`, 'delegation', delegation)
      delegates.push({ delegation, token: await members.issueToken(member.id) })
    }
    return delegates
  } finally {
    await database.close()
  }
}

const encode = (type: Y.XmlText, index: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index)))

/** The proposals: replacements, insertions, deletions and new paragraphs, spread over the draft's top-level paragraphs. */
export function proposalsOn(doc: Y.Doc, count = proposalBench.proposals): CreateProposal[] {
  const fragment = doc.getXmlFragment('content')
  const paragraphs = fragment.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
  const made: CreateProposal[] = []
  for (let i = 0; i < count; i++) {
    const paragraph = paragraphs[Math.floor((i * paragraphs.length) / count)]
    const text = paragraph?.get(0)
    if (!(text instanceof Y.XmlText)) continue
    const content = text.toString().replace(/<[^>]+>/g, '')
    const from = 10 + (i % 5) * 12
    const to = Math.min(content.length, from + 18)
    const passage = { start: encode(text, from), end: encode(text, to), quote: content.slice(from, to) }
    const position = { start: encode(text, to), end: encode(text, to), quote: '' }
    switch (i % 4) {
      case 0:
        made.push({ kind: 'replace', anchor: passage, text: 'proposed wording', explanation: null })
        break
      case 1:
        made.push({ kind: 'insert', anchor: position, text: ' and inclusive', explanation: null })
        break
      case 2:
        made.push({ kind: 'delete', anchor: passage, explanation: null })
        break
      default:
        made.push({ kind: 'paragraph', anchor: position, text: 'States should share lessons learned with other States.', explanation: null })
    }
  }
  return made
}

/** Reads the document through a y-websocket client and has the delegates propose on it, in turn. */
export async function seedProposals(base: { httpBase: string; wsBase: string; token: string }, documentId: string, delegates: readonly Delegate[]): Promise<number> {
  const reader = connectClient(base.wsBase, documentId, base.token)
  let payloads: CreateProposal[]
  try {
    await waitFor(() => reader.provider.synced && reader.doc.getXmlFragment('content').length > 0, 'the draft before proposing on it', 15_000)
    payloads = proposalsOn(reader.doc)
  } finally {
    reader.destroy()
  }
  for (const [index, payload] of payloads.entries()) {
    const delegate = delegates[index % delegates.length]!
    const response = await fetch(`${base.httpBase}/api/documents/${encodeURIComponent(documentId)}/proposals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${delegate.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(10_000),
    })
    if (response.status !== 201 && response.status !== 200) throw new Error(`proposal ${index + 1} answered ${response.status}: ${await response.text()}`)
  }
  return payloads.length
}
