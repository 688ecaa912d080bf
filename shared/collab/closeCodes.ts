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
  /** The stored document could not be loaded; it is left untouched (its bytes are quarantined for `npm run admin -- recover`). */
  documentLoadFailed: { code: 4500, reason: 'document could not be loaded' },
  /**
   * A document update needs content the server does not have (a gap, an unknown origin or parent, a deletion of
   * what does not exist): nothing of it was stored or relayed. The client reconnects and resyncs.
   */
  updateRefused: { code: 4502, reason: 'update refers to content the server does not have; reconnect to resync' },
  /**
   * The update changed text agreed ad referendum (a block locked on the server): nothing of it was stored or relayed, and
   * the sender's copy holds a change the server will never take. Final: the client discards its copy (the Y.Doc and its
   * IndexedDB cache) and loads the stored text again.
   */
  agreedTextLocked: { code: 4423, reason: 'agreed text is locked: your change was not kept; load the document again' },
  /** The connection sent more than MAX_LOADING_FRAMES or MAX_LOADING_BYTES while its document loaded. */
  tooMuchWhileLoading: { code: 4504, reason: 'too much sent while the document loads, try again' },
  /** A presence state is larger or nests deeper than allowed, or the connection's states together are too large: final. */
  presenceTooLarge: { code: 4413, reason: 'presence state too large' },
  /** The connection spoke for more presence client ids than allowed: final. */
  tooManyPresenceIds: { code: 4429, reason: 'too many presence client ids' },
} as const satisfies Record<string, { code: number; reason: string }>
