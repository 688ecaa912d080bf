/** How the members tables write a date (joined, revoked). */
export function formatMemberDate(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}
