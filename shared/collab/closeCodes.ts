/**
 * Every WebSocket close code the server sends, named once for the server and the client. Application codes follow the stock
 * client's convention: 4400-4499 are final (it stops reconnecting), 4500-4599 mean "try again later".
 */
export const CloseCode = {
  /** The server is shutting down. */
  goingAway: { code: 1001, reason: 'server shutting down' },
  /** The frame is not a y-websocket message, or its document update does not decode. */
  protocolError: { code: 1002, reason: 'malformed message' },
  /** A frame exceeded MAX_MESSAGE_BYTES (sent by the WebSocket layer itself). */
  messageTooBig: { code: 1009, reason: 'message too big' },
  /** The document could not be written to the store; nothing that was not stored has been relayed. */
  storeWriteFailed: { code: 4503, reason: 'document could not be stored, try again later' },
  /** Writing to the socket failed. */
  sendFailed: { code: 1011, reason: 'send failed' },
  /** The connection fell too far behind in reading what the server sends. */
  slowConsumer: { code: 4008, reason: 'connection too slow' },
  /** The session the connection opened with has ended (signed out, expired): final, the client signs in again. */
  signedOut: { code: 4401, reason: 'session ended' },
  /** The secretariat revoked the member: their sessions and tokens no longer work. */
  memberRevoked: { code: 4403, reason: 'membership revoked' },
  /** The member's role, delegation or workspaces led changed: the client reconnects and is let in as they now are. */
  membershipChanged: { code: 4501, reason: 'membership changed, reconnect' },
  /** The stored document could not be loaded; it is left untouched. */
  documentLoadFailed: { code: 4500, reason: 'document could not be loaded' },
} as const satisfies Record<string, { code: number; reason: string }>
