/** What the interface offers to each role; the server enforces the same rules. */
import type { Role } from '../../shared/schema/member.ts'

export type ClientAction = 'workspace.create' | 'document.create' | 'members.manage' | 'workspace.assignCofacilitators' | 'catalogue.edit'

const rules: Record<ClientAction, readonly Role[]> = {
  'workspace.create': ['secretariat'],
  'document.create': ['secretariat', 'cofacilitator'],
  'members.manage': ['secretariat'],
  'workspace.assignCofacilitators': ['secretariat'],
  'catalogue.edit': ['secretariat'],
}

export function may(role: Role, action: ClientAction): boolean {
  return rules[action].includes(role)
}

export const roleLabels: Record<Role, string> = {
  secretariat: 'Secretariat',
  cofacilitator: 'Co-facilitator',
  delegation: 'Delegation',
  stakeholder: 'Stakeholder',
}
