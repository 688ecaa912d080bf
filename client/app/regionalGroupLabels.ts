/**
 * How the interface names the five UN regional groups, in the language in use (shared/schema/member.ts keeps the
 * English names for exports and the server).
 */
import { regionalGroups, type RegionalGroup } from '../../shared/schema/member.ts'
import { t } from '../i18n/i18n.ts'

const regionalGroupIds: Record<RegionalGroup, string> = {
  african: 'app.regionalGroupAfrican',
  'asia-pacific': 'app.regionalGroupAsiaPacific',
  'eastern-european': 'app.regionalGroupEasternEuropean',
  'latin-american-caribbean': 'app.regionalGroupLatinAmericanCaribbean',
  weog: 'app.regionalGroupWeog',
}

/** "African Group", « Groupe des États d’Afrique »…: the official name of the group in the language in use. */
export function regionalGroupLabel(group: RegionalGroup): string {
  return t(regionalGroupIds[group])
}

/** A regional group's name when `id` is one of the five; null otherwise (e.g. "none" for members of no group). */
export function knownRegionalGroupLabel(id: string): string | null {
  return (regionalGroups as readonly string[]).includes(id) ? regionalGroupLabel(id as RegionalGroup) : null
}
