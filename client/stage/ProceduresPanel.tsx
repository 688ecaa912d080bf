/** Beside the editor: the stage and its procedures; co-facilitators open them, delegations break silence; opening it marks what is new as seen. */
import { useState } from 'react'
import { markSubmitted } from '../api/procedures.ts'
import type { DocumentDetail, SignedInMember } from '../api/types.ts'
import { LoadNotice } from '../app/LoadState.tsx'
import { t } from '../i18n/i18n.ts'
import { useRevisions } from '../revisions/useRevisions.ts'
import { BreakSilenceList } from './BreakSilenceList.tsx'
import { OpenProcedureForm } from './OpenProcedureForm.tsx'
import { ProcedureHistory } from './ProcedureHistory.tsx'
import { proceduresPanelId } from './StageBanner.tsx'
import { errorMessage } from '../api/errorMessage.ts'
import { stageLine } from './stageWords.ts'
import type { StageState } from './useStage.ts'
import '../styles/stage.css'

export function ProceduresPanel({ detail, member, state }: { detail: DocumentDetail; member: SignedInMember; state: StageState }) {
  const documentId = detail.document.id
  const { permissions } = detail
  const { list, stage, error, reload } = state
  const { revisions } = useRevisions(documentId, {})
  const [submitError, setSubmitError] = useState<string | null>(null)
  const running = stage.kind === 'comments' || stage.kind === 'silence'
  const kinds = [...(permissions.openPeriod ? (['comments'] as const) : []), ...(permissions.startSilence ? (['silence'] as const) : [])]
  const silence = stage.kind === 'silence' ? list?.procedures.find((procedure) => procedure.id === stage.procedureId) : undefined

  return (
    <section className="side-panel procedures-panel" id={proceduresPanelId} aria-labelledby="procedures-heading">
      <details open={state.panelOpen} onToggle={(event) => state.setPanelOpen((event.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <h2 id="procedures-heading">{t('stage.stageAndProcedures')}</h2>
        </summary>
        <p className="panel-summary procedure-stage">{stageLine(stage)}</p>
        <LoadNotice loading={false} error={error} what={t('stage.theProcedures')} retry={reload} />
        {silence && permissions.breakSilence && member.delegation && (
          <BreakSilenceList documentId={documentId} procedure={silence} delegation={member.delegation} onChanged={reload} />
        )}
        {kinds.length > 0 && !running && stage.kind !== 'submitted' && revisions && (
          <OpenProcedureForm documentId={documentId} revisions={revisions} kinds={kinds} serverOffset={state.serverOffset} onOpened={reload} />
        )}
        {permissions.markSubmitted && stage.kind === 'adopted' && (
          <p>
            <button
              type="button"
              onClick={() => {
                setSubmitError(null)
                markSubmitted(documentId).then(reload, (failure: unknown) => setSubmitError(errorMessage(failure)))
              }}
            >
              {t('stage.markSubmitted')}
            </button>
            {submitError && <span className="notice-error"> {submitError}</span>}
          </p>
        )}
        {list && <ProcedureHistory documentId={documentId} procedures={list.procedures} />}
      </details>
    </section>
  )
}
