/** Reads the one-time invite token from a link's fragment, `#invite=<token>`. */

export function inviteTokenFromHash(hash: string): string | null {
  const fragment = hash.replace(/^#/, '')
  const token = new URLSearchParams(fragment).get('invite')
  return token && token.trim() !== '' ? token.trim() : null
}
