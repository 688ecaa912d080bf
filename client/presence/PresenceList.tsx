/** Who is in the document, with the colour of their caret. */
import type { Awareness } from 'y-protocols/awareness'
import { useParticipants } from './useParticipants.ts'

export function PresenceList({ awareness }: { awareness: Awareness }) {
  const list = useParticipants(awareness)
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="visually-hidden">
        In this document
      </h2>
      <ul aria-label={`${list.length} in this document`}>
        {list.map((participant) => (
          <li key={participant.clientId} className="participant" title={participant.role ?? undefined}>
            <span className="participant-swatch" style={{ backgroundColor: participant.color }} aria-hidden="true" />
            <span className="participant-name">{participant.name}</span>
            {participant.delegation && <span className="participant-delegation">{participant.delegation}</span>}
            {participant.isSelf && <span className="participant-self">(you)</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
