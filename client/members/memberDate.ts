import { dateOnly } from '../app/dates.ts'

/** How the members tables write a date (joined, revoked). */
export function formatMemberDate(at: number): string {
  return dateOnly(at)
}
