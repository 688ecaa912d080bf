/** "Rejected by Ana: the question stays as drafted": a decision on a proposal, as the card and the compilation say it. */
import type { ReactNode } from 'react'
import { tx } from '../i18n/i18n.ts'

export function decisionText(decision: { status: string; reason: string | null }, by: string): ReactNode {
  return tx(decision.reason ? 'proposals.decidedByWithReason' : 'proposals.decidedBy', {
    status: decision.status,
    name: (
      <bdi key="name" translate="no">
        {by}
      </bdi>
    ),
    reason: (
      <bdi key="reason" translate="no">
        {decision.reason}
      </bdi>
    ),
  })
}
