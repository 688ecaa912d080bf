/** The merged framework catalogue as the server serves it, fetched once per page load. */
import { ServedCatalogue } from '../../shared/schema/catalogue.ts'
import { request } from './http.ts'

export type { PillarHeading, ServedCatalogue } from '../../shared/schema/catalogue.ts'

let cached: Promise<ServedCatalogue> | null = null

export function fetchCatalogue(): Promise<ServedCatalogue> {
  cached ??= request('GET', '/api/catalogue', ServedCatalogue)
  cached.catch(() => (cached = null))
  return cached
}
