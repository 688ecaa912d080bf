/** The participants of a document, updated as awareness changes: only when who is there changes, not as carets move. */
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { participants, participantsKey, type Participant } from './presence.ts'

export function useParticipants(awareness: Awareness): Participant[] {
  const read = () => participants(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID)
  const [list, setList] = useState(read)
  useEffect(() => {
    let shown = ''
    // Every keystroke moves this member's caret, which changes their awareness state: the list stays as it is then.
    const onChange = () => {
      const next = read()
      const key = participantsKey(next)
      if (key === shown) return
      shown = key
      setList(next)
    }
    onChange()
    awareness.on('change', onChange)
    return () => awareness.off('change', onChange)
  }, [awareness])
  return list
}
