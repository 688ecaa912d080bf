/** The server's verdict on the document in the header: valid, or how many problems it found; offline, when it last checked. */
import { timeOnly } from '../app/dates.ts'
import { useOnline } from '../app/useOnline.ts'
import { t } from '../i18n/i18n.ts'
import { problemMessage } from './problemMessage.ts'
import { statusLabel } from './statusLabel.ts'
import { useServerStatus } from './useServerStatus.ts'

export function StatusBadge({ documentId }: { documentId: string }) {
  const status = useServerStatus(documentId)
  const online = useOnline()
  if (!status) {
    return (
      <span className="status-badge status-unknown" role="status" data-testid="server-status">
        {t('panels.checking')}
      </span>
    )
  }
  const count = status.problemCount ?? status.problems.length
  const checkedAt = timeOnly(Date.parse(status.checkedAt))
  const lines = status.problems.map(problemMessage)
  if (status.omittedProblems) lines.push(t('panels.andMore', { count: status.omittedProblems }))
  const label = statusLabel(status, online)
  return (
    <span
      className={`status-badge status-${label.tone}`}
      role="status"
      data-testid="server-status"
      title={count ? t('panels.serverCheckAtWithProblems', { time: checkedAt, problems: lines.join('\n') }) : t('panels.serverCheckAt', { time: checkedAt })}
    >
      <span className="visually-hidden">{t('panels.serverCheck')}</span>
      {label.text}
    </span>
  )
}
