/** How the interface names each role. (What a role may do is the server's answer: `permissions` in /api/me and elsewhere.) */
import { roles, type Role } from '../../shared/schema/member.ts'
import { t } from '../i18n/i18n.ts'

const roleIds: Record<Role, string> = {
  secretariat: 'app.roleSecretariat',
  cofacilitator: 'app.roleCofacilitator',
  delegation: 'app.roleDelegation',
  stakeholder: 'app.roleStakeholder',
}

/** "Co-facilitator", in the language in use. */
export function roleLabel(role: Role): string {
  return t(roleIds[role])
}

/** The English names, for a record read before any catalogue is installed (a unit test of a module that installs none). */
const englishRoleLabels: Record<Role, string> = {
  secretariat: 'Secretariat',
  cofacilitator: 'Co-facilitator',
  delegation: 'Delegation',
  stakeholder: 'Stakeholder',
}

function labelNow(role: Role): string {
  try {
    return roleLabel(role)
  } catch {
    // No language installed yet: the app never renders before one is (main.tsx), a unit test may.
    return englishRoleLabels[role]
  }
}

/** The same names as a record (`roleLabels[role]`), each read in the language in use when it is read. */
export const roleLabels: Readonly<Record<Role, string>> = Object.freeze(
  Object.defineProperties({} as Record<Role, string>, Object.fromEntries(roles.map((role) => [role, { enumerable: true, get: () => labelNow(role) }]))),
)
