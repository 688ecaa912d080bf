/** Who is in the document, with the colour of their caret. */
import type { Awareness } from 'y-protocols/awareness'
import { Role } from '../../shared/schema/member.ts'
import { NameAndDelegation } from '../app/NameAndDelegation.tsx'
import { roleLabel } from '../app/roleLabels.ts'
import { t } from '../i18n/i18n.ts'
import { useParticipants } from './useParticipants.ts'

/** How the interface names a participant's role; nothing for a role it does not know. */
function roleOf(role: string | null): string | undefined {
  const known = Role.safeParse(role)
  return known.success ? roleLabel(known.data) : undefined
}

export function PresenceList({ awareness }: { awareness: Awareness }) {
  const list = useParticipants(awareness)
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="visually-hidden">
        {t('presence.heading')}
      </h2>
      <ul aria-label={t('presence.count', { count: list.length })}>
        {list.map((participant) => (
          <li key={participant.clientId} className="participant" title={roleOf(participant.role)}>
            <span className="participant-swatch" style={{ backgroundColor: participant.color }} aria-hidden="true" />
            <NameAndDelegation person={participant} nameClass="participant-name" delegationClass="participant-delegation" />
            {participant.isSelf && <span className="participant-self">{t('presence.you')}</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
