/** Who is in the document, from the awareness states the server has vouched for. */

export interface Participant {
  clientId: number
  name: string
  delegation: string | null
  role: string | null
  color: string
  isSelf: boolean
}

interface AwarenessUser {
  name?: unknown
  delegation?: unknown
  role?: unknown
  color?: unknown
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null)

/** One entry per awareness client with a named user, yourself first, then by name. */
export function participants(states: ReadonlyMap<number, Record<string, unknown>>, selfClientId: number): Participant[] {
  const list: Participant[] = []
  for (const [clientId, state] of states) {
    const user = state?.user as AwarenessUser | undefined
    const name = text(user?.name)
    if (!name) continue
    list.push({
      clientId,
      name,
      delegation: text(user?.delegation),
      role: text(user?.role),
      color: typeof user?.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : '#6b6b6b',
      isSelf: clientId === selfClientId,
    })
  }
  return list.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.clientId - b.clientId)
}

/** A key that changes exactly when the list as shown changes (not when someone's caret moves). */
export function participantsKey(list: readonly Participant[]): string {
  return list.map(({ clientId, name, delegation, role, color, isSelf }) => JSON.stringify([clientId, name, delegation, role, color, isSelf])).join('\n')
}
