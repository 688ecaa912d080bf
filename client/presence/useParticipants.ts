/** The participants of a document, updated as awareness changes. */
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { participants, type Participant } from './presence.ts'

export function useParticipants(awareness: Awareness): Participant[] {
  const read = () => participants(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID)
  const [list, setList] = useState(read)
  useEffect(() => {
    const onChange = () => setList(read())
    onChange()
    awareness.on('change', onChange)
    return () => awareness.off('change', onChange)
  }, [awareness])
  return list
}
