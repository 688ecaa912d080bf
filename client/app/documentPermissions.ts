/** What the signed-in member may do on one document: the server's answer, or what `canWrite` implies on an older server (everyone exports what they read). */
import type { DocumentDetail, DocumentPermissions } from '../api/types.ts'

export function documentPermissions({ canWrite, permissions }: Pick<DocumentDetail, 'canWrite' | 'permissions'>): DocumentPermissions {
  if (permissions) return permissions
  return {
    write: canWrite,
    cutRevision: canWrite,
    restoreRevision: canWrite,
    comment: true,
    resolveThreads: canWrite,
    exportForSubmission: true,
    viewAudit: canWrite,
  }
}
