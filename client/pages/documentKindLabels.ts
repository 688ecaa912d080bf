/** How each kind of document is named to readers, in the language in use. */
import { documentKinds, type DocumentKind } from '../api/types.ts'
import { t } from '../i18n/i18n.ts'

const documentKindIds: Record<DocumentKind, string> = {
  'annual-summary': 'pages.kindAnnualSummary',
  recommendations: 'pages.kindRecommendations',
  'working-draft': 'pages.kindWorkingDraft',
}

/** "Annual summary", in the language in use. */
export function documentKindLabel(kind: DocumentKind): string {
  return t(documentKindIds[kind])
}

/** The same names as a record (`documentKindLabels[kind]`), each read in the language in use when it is read. */
export const documentKindLabels: Readonly<Record<DocumentKind, string>> = Object.freeze(
  Object.defineProperties(
    {} as Record<DocumentKind, string>,
    Object.fromEntries(documentKinds.map((kind) => [kind, { enumerable: true, get: () => documentKindLabel(kind) }])),
  ),
)
