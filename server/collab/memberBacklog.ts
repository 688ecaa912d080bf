/** What the server has sent to each member and they have not read yet, over all their connections. */

/** The part of a connection the tally reads. */
interface Backlogged {
  readonly member: { id: number }
  readonly socket: { readonly bufferedAmount: number }
}

export class MemberBacklog {
  private readonly byMember = new Map<number, Set<Backlogged>>()

  add(connection: Backlogged): void {
    const set = this.byMember.get(connection.member.id)
    if (set) set.add(connection)
    else this.byMember.set(connection.member.id, new Set([connection]))
  }

  remove(connection: Backlogged): void {
    const set = this.byMember.get(connection.member.id)
    if (!set?.delete(connection)) return
    if (set.size === 0) this.byMember.delete(connection.member.id)
  }

  /** Bytes sent to a member's connections and not yet read, all together. */
  buffered(memberId: number): number {
    let bytes = 0
    for (const connection of this.byMember.get(memberId) ?? []) bytes += connection.socket.bufferedAmount
    return bytes
  }
}
