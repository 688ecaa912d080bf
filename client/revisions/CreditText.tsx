/** One accepted proposal credited under a change ("inserted on the proposal of Kenya"), in the interface language. */
import { tx } from '../i18n/i18n.ts'
import type { CreditLine } from './redlineView.ts'

export function CreditText({ line }: { line: CreditLine }) {
  if ('text' in line) return <>{line.text}</>
  return (
    <>
      {tx(line.message, {
        delegation: (
          <bdi key="delegation" translate="no">
            {line.delegation}
          </bdi>
        ),
      })}
    </>
  )
}
