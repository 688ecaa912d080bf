/**
 * How the interface names the five UN regional groups, in the language in use (shared/schema/member.ts keeps the
 * English names for exports and the server).
 */
import type { RegionalGroup } from '../../shared/schema/member.ts'
import { t } from '../i18n/i18n.ts'

const regionalGroupIds: Record<RegionalGroup, string> = {
  african: 'app.regionalGroupAfrican',
  'asia-pacific': 'app.regionalGroupAsiaPacific',
  'eastern-european': 'app.regionalGroupEasternEuropean',
  'latin-american-caribbean': 'app.regionalGroupLatinAmericanCaribbean',
  weog: 'app.regionalGroupWeog',
}

/** "African Group", in the language in use. */
export function regionalGroupLabel(group: RegionalGroup): string {
  return t(regionalGroupIds[group])
}
