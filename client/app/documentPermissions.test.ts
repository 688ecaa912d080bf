import { describe, expect, test } from 'vitest'
import { documentPermissions } from './documentPermissions.ts'

describe('document permissions', () => {
  test("the server's permissions are taken as they are", () => {
    const permissions = {
      write: false,
      cutRevision: false,
      restoreRevision: false,
      comment: true,
      resolveThreads: false,
      exportForSubmission: false,
      viewAudit: false,
    }
    expect(documentPermissions({ canWrite: true, permissions })).toBe(permissions)
  })

  test('without them, writers may cut and restore revisions; readers may not; everyone exports', () => {
    expect(documentPermissions({ canWrite: true })).toMatchObject({ write: true, cutRevision: true, restoreRevision: true, exportForSubmission: true })
    expect(documentPermissions({ canWrite: false })).toMatchObject({ write: false, cutRevision: false, restoreRevision: false, exportForSubmission: true })
  })
})
