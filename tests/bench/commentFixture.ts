/** Comment threads for the client benchmark: threads on passages spread over a seeded draft, opened through the REST API, shown in the margin. */
import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { connectClient, waitFor } from '../helpers/clients.ts'
import type { Delegate } from './proposalFixture.ts'

export const commentBench = { threads: 40 }

const encode = (type: Y.XmlText, index: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index, -1)))

/**
 * Opens `count` threads on passages of the draft's top-level paragraphs, evenly spread, each by one of the delegates in
 * turn (as delegations comment; one member alone would meet the write rate limit); returns how many were opened.
 */
export async function seedComments(base: { httpBase: string; wsBase: string; token: string }, documentId: string, delegates: readonly Delegate[], count = commentBench.threads): Promise<number> {
  const reader = connectClient(base.wsBase, documentId, base.token)
  const anchors: Array<{ start: string; end: string; quote: string }> = []
  try {
    await waitFor(() => reader.provider.synced && reader.doc.getXmlFragment('content').length > 0, 'the draft before commenting on it', 15_000)
    const paragraphs = reader.doc
      .getXmlFragment('content')
      .toArray()
      .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
    for (let i = 0; i < count; i++) {
      const text = paragraphs[Math.floor((i * paragraphs.length) / count)]?.get(0)
      if (!(text instanceof Y.XmlText)) continue
      const content = text.toString().replace(/<[^>]+>/g, '')
      const from = 4 + (i % 4) * 9
      const to = Math.min(content.length, from + 24)
      anchors.push({ start: encode(text, from), end: encode(text, to), quote: content.slice(from, to) })
    }
  } finally {
    reader.destroy()
  }
  for (const [index, anchor] of anchors.entries()) {
    const response = await fetch(`${base.httpBase}/api/documents/${encodeURIComponent(documentId)}/threads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${delegates[index % delegates.length]!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ anchor, body: `Comment ${index + 1}: the group may wish to say more on this.` }),
      signal: AbortSignal.timeout(10_000),
    })
    if (response.status !== 201) throw new Error(`thread ${index + 1} answered ${response.status}: ${await response.text()}`)
  }
  return anchors.length
}
