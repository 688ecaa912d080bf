/** Every procedure of the document, newest first: its deadline, the objections received, and the outcome to download. */
import type { ReactNode } from 'react'
import { outcomeUrl, type Procedure } from '../api/procedures.ts'
import { t, tx } from '../i18n/i18n.ts'
import { useDownload } from '../revisions/useDownload.ts'
import { bothTimes, deadlineTime, readerZone } from './stageTimes.ts'
import { blockValues, isolated, outcomeSentence } from './stageWords.ts'

export function ProcedureHistory({ documentId, procedures }: { documentId: string; procedures: Procedure[] }) {
  if (procedures.length === 0) return <p className="panel-summary">{t('stage.noProcedureYet')}</p>
  return (
    <ol className="procedure-list" aria-label={t('stage.proceduresNewestFirst')}>
      {[...procedures].reverse().map((procedure) => (
        <ProcedureItem key={procedure.id} documentId={documentId} procedure={procedure} />
      ))}
    </ol>
  )
}

const bold = (chunks: ReactNode[]) => <strong>{chunks}</strong>

function ProcedureItem({ documentId, procedure }: { documentId: string; procedure: Procedure }) {
  const [download, start] = useDownload()
  const times = bothTimes(procedure.deadline, readerZone())
  const values = { b: bold, revision: isolated(procedure.revision.label), deadline: times.newYork }
  return (
    <li className={`procedure-item procedure-${procedure.kind}`} data-procedure={procedure.id}>
      <p className="procedure-title">
        {procedure.kind === 'silence' ? tx('stage.silenceUntil', values) : tx('stage.commentsUntil', values)}
        {times.own && <span className="hint"> {t('stage.ownTimeAside', { text: times.own })}</span>}
      </p>
      {procedure.objections.length > 0 && (
        <ul className="objection-list" aria-label={t('stage.objections')}>
          {procedure.objections.map((objection) => (
            <li key={`${objection.delegation}-${objection.block.number}`} className="objection">
              {tx('stage.objectionLine', {
                ...blockValues(objection.block.number),
                delegation: (
                  <strong translate="no" dir="auto" key="delegation">
                    {objection.delegation}
                  </strong>
                ),
                at: deadlineTime(objection.at),
                reason: (
                  <span translate="no" dir="auto" key="reason">
                    {objection.reason}
                  </span>
                ),
              })}
            </li>
          ))}
        </ul>
      )}
      {procedure.outcome && (
        <div className={`procedure-outcome outcome-${procedure.outcome.outcome}`}>
          <p>{outcomeSentence(procedure.outcome)}</p>
          <p className="procedure-downloads">
            {t('stage.record')}{' '}
            <button type="button" className="button-quiet" onClick={() => void start(outcomeUrl(documentId, procedure.id, 'docx'), `${documentId}-outcome.docx`)}>
              {/* i18n-exempt: a file format's name */}
              DOCX
            </button>{' '}
            <button type="button" className="button-quiet" onClick={() => void start(outcomeUrl(documentId, procedure.id, 'md'), `${documentId}-outcome.md`)}>
              {/* i18n-exempt: a file format's name */}
              Markdown
            </button>
            {download.status === 'done' && <span className="hint"> {t('stage.downloaded', { fileName: download.fileName })}</span>}
            {(download.status === 'failed' || download.status === 'invalid') && <span className="notice-error"> {download.message}</span>}
          </p>
        </div>
      )}
    </li>
  )
}
