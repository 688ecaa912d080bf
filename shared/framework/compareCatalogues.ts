/** Comparison of two versions of the catalogue, element by element: added, retired, restored, and each changed field. */
import type { FrameworkCatalogue, FrameworkElement } from './element.ts'

export type ElementChangeKind = 'added' | 'removed' | 'retired' | 'restored' | 'changed'

export interface FieldChange {
  field: string
  before: string
  after: string
}

export interface ElementChange {
  id: string
  label: string
  kind: ElementChangeKind
  /** Fields whose value differs (for every kind but added and removed). */
  fields: FieldChange[]
}

const comparedFields = ['label', 'pillar', 'title', 'summary', 'source', 'verified', 'note', 'substanceConfirmed', 'kind', 'agreed', 'group', 'titles'] as const

function shown(value: unknown): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  // Titles by language read as "fr: ...; zh: ...".
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([key, text]) => `${key}: ${String(text)}`).join('; ')
  return String(value)
}

function changedFields(before: FrameworkElement, after: FrameworkElement): FieldChange[] {
  return comparedFields
    .map((field) => ({ field, before: shown(before[field]), after: shown(after[field]) }))
    .filter((change) => change.before !== change.after)
}

/** Changes from `before` to `after`, in the order of `after` (elements only in `before` last). */
export function compareCatalogues(before: FrameworkCatalogue, after: FrameworkCatalogue): ElementChange[] {
  const beforeById = new Map(before.elements.map((element) => [element.id, element]))
  const afterIds = new Set(after.elements.map((element) => element.id))
  const changes: ElementChange[] = []
  for (const element of after.elements) {
    const earlier = beforeById.get(element.id)
    if (!earlier) {
      changes.push({ id: element.id, label: element.label, kind: 'added', fields: [] })
      continue
    }
    const fields = changedFields(earlier, element)
    const wasRetired = earlier.retired === true
    const isRetired = element.retired === true
    const kind: ElementChangeKind | null = wasRetired !== isRetired ? (isRetired ? 'retired' : 'restored') : fields.length > 0 ? 'changed' : null
    if (kind) changes.push({ id: element.id, label: element.label, kind, fields })
  }
  for (const element of before.elements) {
    if (!afterIds.has(element.id)) changes.push({ id: element.id, label: element.label, kind: 'removed', fields: [] })
  }
  return changes
}
