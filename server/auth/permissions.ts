/** Who may do what: declarative rules, read here and nowhere else. */
import type { Role } from '../../shared/schema/member.ts'

export type Action = 'document.read' | 'document.write' | 'awareness.publish'

const rules: Record<Action, readonly Role[]> = {
  'document.read': ['secretariat', 'cofacilitator', 'delegation', 'stakeholder'],
  'document.write': ['secretariat', 'cofacilitator'],
  'awareness.publish': ['secretariat', 'cofacilitator', 'delegation', 'stakeholder'],
}

export function can(role: Role, action: Action): boolean {
  return rules[action].includes(role)
}
