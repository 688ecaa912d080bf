/** What the server holds of a document, read through a stock y-websocket client with a bearer token. */
import * as Y from 'yjs'
import { connectClient } from '../helpers/clients.ts'
import { mintToken, type TestServer } from '../helpers/server.ts'

function textOf(node: Y.XmlElement | Y.XmlFragment | Y.XmlText): string {
  if (node instanceof Y.XmlText) return node.toString().replace(/<[^>]+>/g, '')
  const parts = node.toArray().map((child) => textOf(child as Y.XmlElement | Y.XmlText))
  return node instanceof Y.XmlElement && node.toArray().every((child) => child instanceof Y.XmlText) ? parts.join('') : parts.join('\n')
}

/** The document's text on the server, one line per block. */
export async function serverText(server: TestServer, documentId: string): Promise<string> {
  const token = await mintToken(server.dataDir, 'Test observer', 'delegation')
  const client = connectClient(server.wsUrl, documentId, token)
  try {
    await Promise.race([client.synced, new Promise((_, reject) => setTimeout(() => reject(new Error('observer did not sync in 10 s')), 10_000))])
    return textOf(client.doc.getXmlFragment('content'))
  } finally {
    client.destroy()
  }
}
