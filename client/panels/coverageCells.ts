/** The coverage heat map's rows and cells: one row per pillar, one cell per element with how many recommendations link to it. */
import type { Coverage, ElementCoverage } from '../../shared/model/coverage.ts'
import { t } from '../i18n/i18n.ts'

export interface CoverageCell {
  id: string
  label: string
  title: string | undefined
  status: ElementCoverage['status']
  count: number
  /** The recommendations linking to the element, in document order. */
  recommendationIds: string[]
  /** 0: no recommendation; 1, 2, 3: one, two, three or more. */
  heat: 0 | 1 | 2 | 3
}

export interface CoverageRow {
  key: string
  title: string
  recommendationCount: number
  cells: CoverageCell[]
}

function cell(element: ElementCoverage): CoverageCell {
  const count = element.recommendationIds.length
  return {
    id: element.id,
    label: element.label,
    title: element.title,
    status: element.status,
    count,
    recommendationIds: element.recommendationIds,
    heat: Math.min(count, 3) as CoverageCell['heat'],
  }
}

export function coverageRows(coverage: Coverage, pillarTitles: Partial<Record<string, string>> = {}): CoverageRow[] {
  const rows: CoverageRow[] = coverage.pillars.map((pillar) => ({
    key: pillar.pillar,
    title: pillarTitles[pillar.pillar] ?? pillar.title,
    recommendationCount: pillar.recommendationIds.length,
    cells: pillar.elements.map(cell),
  }))
  if (coverage.unknown.length > 0) {
    const ids = new Set(coverage.unknown.flatMap((element) => element.recommendationIds))
    rows.push({ key: 'unknown', title: t('panels.notInCatalogue'), recommendationCount: ids.size, cells: coverage.unknown.map(cell) })
  }
  return rows
}
