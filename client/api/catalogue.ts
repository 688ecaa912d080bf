/** The framework catalogue as the server serves it (fetched once, again when it changes), its kept versions, and saving the override. */
import { CatalogueHistory, type CatalogueUpdate, CatalogueVersionDetail, ServedCatalogue } from '../../shared/schema/catalogue.ts'
import { request } from './http.ts'

export type { PillarHeading, ServedCatalogue } from '../../shared/schema/catalogue.ts'

let cached: Promise<ServedCatalogue> | null = null

export function fetchCatalogue(): Promise<ServedCatalogue> {
  cached ??= request('GET', '/api/catalogue', ServedCatalogue)
  cached.catch(() => (cached = null))
  return cached
}

/** Fetches the catalogue in force again (it changed), for every later fetchCatalogue too. */
export function refetchCatalogue(): Promise<ServedCatalogue> {
  cached = null
  return fetchCatalogue()
}

export async function saveCatalogue(update: CatalogueUpdate): Promise<ServedCatalogue> {
  const saved = await request('PUT', '/api/catalogue', ServedCatalogue, update)
  cached = Promise.resolve(saved)
  return saved
}

export function catalogueHistory(): Promise<CatalogueHistory> {
  return request('GET', '/api/catalogue/history', CatalogueHistory)
}

export function catalogueVersion(revision: number): Promise<CatalogueVersionDetail> {
  return request('GET', `/api/catalogue/revisions/${revision}`, CatalogueVersionDetail)
}
