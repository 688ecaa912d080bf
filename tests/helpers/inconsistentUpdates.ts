/** Decodable document updates that do not follow on from a document: what a hostile writer sends to leave pending structs. */
import * as Y from 'yjs'

/** An edit made on a copy of `base` by `clientID`, as an update against `base`. */
function editOn(base: Y.Doc, clientID: number, edit: (doc: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc()
  copy.clientID = clientID
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(copy)
  edit(copy)
  return Y.encodeStateAsUpdate(copy, before)
}

/** Updates that reference what a document without client 9's and 11's history does not have. */
export function inconsistentUpdates(): Array<[string, Uint8Array]> {
  const foreign = new Y.Doc()
  foreign.clientID = 9
  foreign.getText('content').insert(0, 'text the server never saw')
  const list = new Y.Doc()
  list.clientID = 9
  list.getArray('content').insert(0, [new Y.Map()])

  const gapWriter = new Y.Doc()
  gapWriter.clientID = 11
  gapWriter.getText('content').insert(0, 'first ')
  const afterFirst = Y.encodeStateVector(gapWriter)
  gapWriter.getText('content').insert(6, 'SECOND')
  return [
    ['an origin naming an unknown client', editOn(foreign, 12, (doc) => doc.getText('content').insert(4, 'ORIGIN'))],
    ['a parent that does not exist', editOn(list, 13, (doc) => (doc.getArray('content').get(0) as Y.Map<string>).set('k', 'PARENT'))],
    ['a gap before its first struct', Y.encodeStateAsUpdate(gapWriter, afterFirst)],
    ['a deletion of content that does not exist', editOn(foreign, 14, (doc) => doc.getText('content').delete(0, 4))],
  ]
}
