/** How the interface names each role. (What a role may do is the server's answer: `permissions` in /api/me and elsewhere.) */
import type { Role } from '../../shared/schema/member.ts'

export const roleLabels: Record<Role, string> = {
  secretariat: 'Secretariat',
  cofacilitator: 'Co-facilitator',
  delegation: 'Delegation',
  stakeholder: 'Stakeholder',
}
