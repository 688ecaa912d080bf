/** Messages framed once and written to the TCP socket arrive whole and in order, among those the socket library sends. */
import type { Socket } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { FramedMessage } from './framedMessage.ts'

let server: WebSocketServer | null = null
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null))
  server = null
})

it('frames messages of every length class as the socket library does, in order with its own', async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise((resolve) => server!.once('listening', resolve))
  const accepted = new Promise<[WebSocket, Socket]>((resolve) => server!.once('connection', (ws, request) => resolve([ws, request.socket as Socket])))
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as { port: number }).port}`)
  const received: Buffer[] = []
  const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000]
  const expected: Buffer[] = []
  const all = new Promise<void>((resolve) =>
    client.on('message', (data: Buffer) => {
      received.push(data)
      if (received.length === lengths.length * 2) resolve()
    }),
  )
  await new Promise((resolve) => client.once('open', resolve))
  const [ws, tcp] = await accepted
  lengths.forEach((length, i) => {
    const framed = Buffer.alloc(length, i + 1)
    const sent = Buffer.alloc(length + 1, 100 + i)
    tcp.write(new FramedMessage(framed).wire)
    ws.send(sent)
    expected.push(framed, sent)
  })
  await all
  expect(received.map((data) => data.length)).toEqual(expected.map((data) => data.length))
  received.forEach((data, i) => expect(data.equals(expected[i]), `message ${i}`).toBe(true))
  client.close()
})
