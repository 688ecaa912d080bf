/** How each kind of document is named to readers. */
import type { DocumentKind } from '../api/types.ts'

export const documentKindLabels: Record<DocumentKind, string> = {
  'annual-summary': 'Annual summary',
  recommendations: 'Recommendations',
  'working-draft': 'Working draft',
}
