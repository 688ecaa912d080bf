/** Sign-in by invite, the signed-in member, sign-out. */
import { ApiError, request } from './http.ts'
import type { SignedInMember } from './types.ts'

export async function exchangeInvite(token: string): Promise<SignedInMember> {
  const { member } = await request<{ member: SignedInMember }>('POST', '/api/auth/invite', { token })
  return member
}

/** The signed-in member, or null when there is no valid session. */
export async function fetchMe(): Promise<SignedInMember | null> {
  try {
    const { member } = await request<{ member: SignedInMember }>('GET', '/api/me')
    return member
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

export function signOut(): Promise<void> {
  return request<void>('POST', '/api/auth/signout')
}
