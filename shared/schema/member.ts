/** Members of the workspace and the roles they hold. */
import { z } from 'zod'

export const roles = ['secretariat', 'cofacilitator', 'delegation', 'stakeholder'] as const
export const Role = z.enum(roles)
export type Role = z.infer<typeof Role>

export const MemberName = z.string().trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters')
/** The State, group of States or stakeholder organisation a member speaks for. */
export const Delegation = z.string().trim().min(1, 'delegation must not be empty').max(200, 'delegation must be at most 200 characters')

export interface Member {
  id: number
  name: string
  role: Role
  delegation: string | null
}
