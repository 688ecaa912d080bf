/** Test helper: the corrected reference facts beside the repository (../shared/reference/un-framework.json), if present. */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export interface ReferenceEntry {
  id: string
  title: string
  summary?: string
  source: string
  verified: boolean
  substanceConfirmed?: boolean
  group?: string
  pillar?: string
  note?: string
}

export interface ReferenceFacts {
  pillars: { id: string; title: string }[]
  norms: ReferenceEntry[]
  cbms: ReferenceEntry[]
  capacityBuildingPrinciples: ReferenceEntry[]
  internationalLaw: ReferenceEntry[]
  mechanismTools: ReferenceEntry[]
  threats: { note: string; labels: { label: string; source: string; verified: boolean }[] }
  dtgs: {
    id: string
    mandate: string
    source: string
    verified: boolean
    note: string
    proposedFocus: { status: string; source: string; years: Record<string, string> }
  }[]
  cycle: { years: string; chair: string; secretariat: string; dates2026: Record<string, string>; source: string; verified: boolean }
}

const referencePath = path.resolve(import.meta.dirname, '../../../shared/reference/un-framework.json')

/** The reference, or null in a checkout without it (tests comparing with it are then skipped, saying so). */
export const referenceFacts: ReferenceFacts | null = existsSync(referencePath)
  ? (JSON.parse(readFileSync(referencePath, 'utf8')) as ReferenceFacts)
  : null
