/** How the interface names each role. (What a role may do is the server's answer: `permissions` in /api/me and elsewhere.) */
import type { Role } from '../../shared/schema/member.ts'
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
