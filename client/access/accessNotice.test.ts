import { beforeAll, describe, expect, test } from 'vitest'
import type { DocumentPermissions } from '../api/types.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { accessChangeNotice } from './accessNotice.ts'

beforeAll(async () => {
  useMessagesForTests('en', await loadMessages('en'))
})

const reader: DocumentPermissions = {
  write: false,
  cutRevision: false,
  restoreRevision: false,
  restoreSnapshot: false,
  comment: true,
  resolveThreads: false,
  exportForSubmission: true,
  viewAudit: false,
  editMetadata: false,
  propose: true,
  decideProposals: false,
  bracketProposals: false,
  openPeriod: false,
  startSilence: false,
  breakSilence: true,
  markSubmitted: false,
  setBlockStatus: false,
  reopenBlocks: false,
}
const writer: DocumentPermissions = { ...reader, write: true, cutRevision: true, restoreRevision: true, restoreSnapshot: true, resolveThreads: true, viewAudit: true }

describe('notice of a change of access', () => {
  test('made co-facilitator: the document becomes editable', () => {
    expect(accessChangeNotice(reader, writer)).toBe('Your role in this workspace changed: you can now edit this document.')
  })

  test('no longer co-facilitator: the document becomes read-only', () => {
    expect(accessChangeNotice(writer, reader)).toBe('Your role in this workspace changed: this document is now read-only for you.')
  })

  test('another permission changed without the right to edit: said in general terms', () => {
    expect(accessChangeNotice(reader, { ...reader, comment: false })).toBe('Your role in this workspace changed: what you may do on this document has changed.')
  })

  test('nothing changed here (another workspace, the delegation corrected): no notice', () => {
    expect(accessChangeNotice(reader, { ...reader })).toBeNull()
    expect(accessChangeNotice(writer, { ...writer })).toBeNull()
  })
})
