/** The API's answers as the client reads them: the shared schemas' types (shared/schema), and the signed-in member. */
import type { Language } from '../../shared/i18n/languages.ts'
import type { MemberPermissions } from '../../shared/schema/permissions.ts'
import type { Member } from '../../shared/schema/member.ts'

export type { DocumentKind } from '../../shared/schema/api.ts'
export { documentKinds } from '../../shared/schema/api.ts'
export type { DocumentDetail, DocumentStatus } from '../../shared/schema/document.ts'
export type { DocumentPermissions, WorkspacePermissions } from '../../shared/schema/permissions.ts'
export type { DocumentRecord, Template, Workspace, WorkspaceDetail, WorkspaceSummary } from '../../shared/schema/workspace.ts'

/** The signed-in member, what the server says they may do anywhere, and the interface language they chose (null: none yet). */
export type SignedInMember = Member & { permissions: MemberPermissions; language: Language | null }
