/** Who may do what: declarative rules, read here and nowhere else. */
import type { Role } from '../../shared/schema/member.ts'

const everyone: readonly Role[] = ['secretariat', 'cofacilitator', 'delegation', 'stakeholder']

const rules = {
  'document.read': everyone,
  'document.write': ['secretariat', 'cofacilitator'],
  'document.create': ['secretariat', 'cofacilitator'],
  'awareness.publish': everyone,
  'workspace.read': everyone,
  'workspace.create': ['secretariat'],
  'catalogue.read': everyone,
  'catalogue.edit': ['secretariat'],
} as const satisfies Record<string, readonly Role[]>

export type Action = keyof typeof rules

export function can(role: Role, action: Action): boolean {
  return (rules[action] as readonly Role[]).includes(role)
}
