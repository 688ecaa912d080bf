/** Sign-in by invite, the signed-in member, sign-out. */
import type { Language } from '../../shared/i18n/languages.ts'
import { SignedIn } from '../../shared/schema/member.ts'
import { ApiError, request, send } from './http.ts'
import type { SignedInMember } from './types.ts'

const signedInMember = ({ member, permissions, language }: SignedIn): SignedInMember => ({ ...member, permissions, language })

export async function exchangeInvite(token: string): Promise<SignedInMember> {
  return signedInMember(await request('POST', '/api/auth/invite', SignedIn, { token }))
}

/** The signed-in member, or null when there is no valid session. */
export async function fetchMe(): Promise<SignedInMember | null> {
  try {
    return signedInMember(await request('GET', '/api/me', SignedIn))
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

export function signOut(): Promise<void> {
  return send('POST', '/api/auth/signout')
}

/** Remembers the interface language for the member, on every browser they sign in from. */
export function saveLanguage(language: Language): Promise<void> {
  return send('PUT', '/api/me/language', { language })
}
