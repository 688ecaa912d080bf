/** The document's stage in its header, for everyone: what it is, until when (New York and your time), and what is new. */
import { t } from '../i18n/i18n.ts'
import { bothTimes, readerZone, timeLeft } from './stageTimes.ts'
import { stageLine } from './stageWords.ts'
import { useServerNow, type StageState } from './useStage.ts'
import '../styles/stage.css'

export const proceduresPanelId = 'procedures-panel'

export function StageBanner({ state }: { state: StageState }) {
  const { stage, list, approaching, serverOffset } = state
  const running = stage.kind === 'comments' || stage.kind === 'silence'
  const serverNow = useServerNow(serverOffset, running)
  const times = running && stage.deadline !== null ? bothTimes(stage.deadline, readerZone()) : null
  const near = running && approaching && approaching.deadline === stage.deadline && stage.deadline! > serverNow
  const unseen = list?.unseen ?? 0
  return (
    <div className={`stage-banner stage-${stage.kind}`} data-stage={stage.kind}>
      <span className="stage-label">{t('stage.stage')}</span>
      <span className="stage-text" role="status" aria-live="polite">
        {stageLine(stage)}
      </span>
      {times?.own && <span className="stage-own-time">{t('stage.ownTimeAside', { text: times.own })}</span>}
      {running && stage.deadline !== null && (
        <span className={`stage-left${near ? ' is-near' : ''}`}>
          {near ? t('stage.deadlineNear', { left: timeLeft(stage.deadline, serverNow) }) : t('stage.left', { left: timeLeft(stage.deadline, serverNow) })}
        </span>
      )}
      <button
        type="button"
        className="stage-open button-quiet"
        aria-controls={proceduresPanelId}
        aria-expanded={state.panelOpen}
        onClick={() => {
          state.setPanelOpen(true)
          document.getElementById(proceduresPanelId)?.scrollIntoView({ block: 'nearest' })
        }}
      >
        {t('stage.procedures')}
        {unseen > 0 && (
          <span className="stage-new-count" aria-label={t('stage.newSinceLastLooked', { count: unseen })}>
            {unseen}
          </span>
        )}
      </button>
    </div>
  )
}
