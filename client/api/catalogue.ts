/** The merged framework catalogue as the server serves it, fetched once per page load. */
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import { pillarTitles, type Pillar } from '../../shared/framework/pillars.ts'
import { request } from './http.ts'

export interface PillarHeading {
  id: Pillar
  title: string
}

export interface ServedCatalogue extends FrameworkCatalogue {
  pillars: PillarHeading[]
}

let cached: Promise<ServedCatalogue> | null = null

export function fetchCatalogue(): Promise<ServedCatalogue> {
  cached ??= request<Partial<ServedCatalogue> & FrameworkCatalogue>('GET', '/api/catalogue').then((served) => ({
    ...served,
    pillars: served.pillars ?? (Object.entries(pillarTitles) as [Pillar, string][]).map(([id, title]) => ({ id, title })),
  }))
  cached.catch(() => (cached = null))
  return cached
}
