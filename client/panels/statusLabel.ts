/** The words of the server's status badge: the verdict, and while offline when it was last checked (it may no longer hold). */
import { timeOnly } from '../app/dates.ts'
import type { DocumentStatus } from '../api/types.ts'
import { t } from '../i18n/i18n.ts'

export interface StatusLabel {
  text: string
  tone: 'valid' | 'invalid' | 'stale'
}

const time = (at: Date) => timeOnly(at.getTime())

export function statusLabel(status: Pick<DocumentStatus, 'valid' | 'problems' | 'problemCount' | 'checkedAt'>, online: boolean): StatusLabel {
  // The server lists a bounded number of problems; problemCount is how many there are in all.
  const count = status.problemCount ?? status.problems.length
  const verdict = status.valid ? (count === 0 ? t('panels.valid') : t('panels.validWithWarnings', { count })) : t('panels.problemCount', { count })
  if (online) return { text: verdict, tone: status.valid ? 'valid' : 'invalid' }
  return { text: t('panels.lastChecked', { verdict, time: time(new Date(status.checkedAt)) }), tone: 'stale' }
}
