/** Said in the comments and proposals panels once the comment period on the current revision has closed. */
import { t } from '../i18n/i18n.ts'
import { deadlineTime } from './stageTimes.ts'

export function InputsClosedNote({ closedAt }: { closedAt: number }) {
  return <p className="notice inputs-closed">{t('api.errors.period_closedNamed', { deadline: deadlineTime(closedAt) })}</p>
}
