/** Signing out: at once, or after asking when the open document has changes the server has not had; the focus returns after. */
import { useEffect, useRef, useState } from 'react'
import { signOut } from '../api/auth.ts'
import { unsyncedChanges } from '../collab/unsyncedChanges.ts'

export function useSignOut(onSignedOut: () => void) {
  const [asking, setAsking] = useState(false)
  const signOutButton = useRef<HTMLButtonElement>(null)

  const leave = async () => {
    setAsking(false)
    try {
      await signOut()
    } catch {
      // Offline: this page signs out all the same; the server ends the session when it expires.
    } finally {
      onSignedOut()
      window.location.hash = '#/'
    }
  }

  // Changes the server has not had yet would be deleted with the drafts: ask first.
  const askToLeave = () => {
    if (unsyncedChanges() > 0) setAsking(true)
    else void leave()
  }

  const stay = () => setAsking(false)

  // Once the dialog has closed (its focus trap gone), the focus goes back to the button that opened it.
  const wasAsking = useRef(false)
  useEffect(() => {
    if (wasAsking.current && !asking) signOutButton.current?.focus()
    wasAsking.current = asking
  }, [asking])

  return { asking, askToLeave, leave, stay, signOutButton }
}
