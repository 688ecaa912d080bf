/** A refused procedure request in the interface language, with the times the server gave (New York time). */
import { z } from 'zod'
import { errorMessage } from '../api/errorMessage.ts'
import { ApiError } from '../api/http.ts'
import { t } from '../i18n/i18n.ts'
import { deadlineTime } from './stageTimes.ts'

const instant = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text))
const RunningDetails = z.object({ deadline: instant })
const EndedDetails = z.object({ deadline: instant, receivedAt: instant })
const PastDetails = z.object({ deadline: instant, serverTime: instant })

/** What to say about a failed procedure request: the deadlines it concerns where the server names them, else errorMessage. */
export function procedureErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'procedure_running') {
      const details = RunningDetails.safeParse(error.details)
      if (details.success) return t('stage.errorProcedureRunning', { deadline: deadlineTime(details.data.deadline) })
    }
    if (error.code === 'silence_ended') {
      const details = EndedDetails.safeParse(error.details)
      if (details.success) return t('stage.errorSilenceEnded', { deadline: deadlineTime(details.data.deadline), received: deadlineTime(details.data.receivedAt) })
    }
    if (error.code === 'deadline_past') {
      const details = PastDetails.safeParse(error.details)
      if (details.success) return t('stage.errorDeadlinePast', { deadline: deadlineTime(details.data.deadline), now: deadlineTime(details.data.serverTime) })
    }
  }
  return errorMessage(error)
}
