/** How the interface names roles and UN regional groups, in the interface language. */
import type { RegionalGroup, Role } from '../../shared/schema/member.ts'
import { t } from '../i18n/i18n.ts'

const roleIds: Record<Role, string> = {
  secretariat: 'members.roleSecretariat',
  cofacilitator: 'members.roleCofacilitator',
  delegation: 'members.roleDelegation',
  stakeholder: 'members.roleStakeholder',
}

const regionalGroupIds: Record<RegionalGroup, string> = {
  african: 'members.groupAfrican',
  'asia-pacific': 'members.groupAsiaPacific',
  'eastern-european': 'members.groupEasternEuropean',
  'latin-american-caribbean': 'members.groupLatinAmericanCaribbean',
  weog: 'members.groupWeog',
}

export function roleName(role: Role): string {
  return t(roleIds[role])
}

/** "African Group", "Groupe des États d'Afrique"… The official names of the five UN regional groups. */
export function regionalGroupName(group: RegionalGroup): string {
  return t(regionalGroupIds[group])
}

/** A regional group's name when the id is one of the five; null otherwise (e.g. "no regional group"). */
export function knownRegionalGroupName(id: string): string | null {
  return id in regionalGroupIds ? regionalGroupName(id as RegionalGroup) : null
}
