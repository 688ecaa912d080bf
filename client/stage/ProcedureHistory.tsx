/** Every procedure of the document, newest first: its deadline, the objections received, and the outcome to download. */
import { blockName } from '../../shared/stage/blockName.ts'
import { outcomeStatement } from '../../shared/stage/outcomeText.ts'
import { formatNewYork } from '../../shared/time/unTime.ts'
import { outcomeUrl, type Procedure } from '../api/procedures.ts'
import { useDownload } from '../revisions/useDownload.ts'
import { bothTimes, readerZone } from './stageTimes.ts'

export function ProcedureHistory({ documentId, procedures }: { documentId: string; procedures: Procedure[] }) {
  if (procedures.length === 0) return <p className="panel-summary">No comment period or silence procedure yet.</p>
  return (
    <ol className="procedure-list" aria-label="Procedures, newest first">
      {[...procedures].reverse().map((procedure) => (
        <ProcedureItem key={procedure.id} documentId={documentId} procedure={procedure} />
      ))}
    </ol>
  )
}

function ProcedureItem({ documentId, procedure }: { documentId: string; procedure: Procedure }) {
  const [download, start] = useDownload()
  const times = bothTimes(procedure.deadline, readerZone())
  const what = procedure.kind === 'silence' ? 'Silence procedure' : 'Comment period'
  return (
    <li className={`procedure-item procedure-${procedure.kind}`} data-procedure={procedure.id}>
      <p className="procedure-title">
        <strong>
          {what} on {procedure.revision.label}
        </strong>{' '}
        until {times.newYork}
        {times.own && <span className="hint"> ({times.own})</span>}
      </p>
      {procedure.objections.length > 0 && (
        <ul className="objection-list" aria-label="Objections">
          {procedure.objections.map((objection) => (
            <li key={`${objection.delegation}-${objection.block.number}`} className="objection">
              <strong>{objection.delegation}</strong> broke silence on {blockName(objection.block.number)} ({formatNewYork(objection.at)}): {objection.reason}
            </li>
          ))}
        </ul>
      )}
      {procedure.outcome && (
        <div className={`procedure-outcome outcome-${procedure.outcome.outcome}`}>
          <p>{outcomeStatement(procedure.outcome)}</p>
          <p className="procedure-downloads">
            Record:{' '}
            <button type="button" className="button-quiet" onClick={() => void start(outcomeUrl(documentId, procedure.id, 'docx'), `${documentId}-outcome.docx`)}>
              DOCX
            </button>{' '}
            <button type="button" className="button-quiet" onClick={() => void start(outcomeUrl(documentId, procedure.id, 'md'), `${documentId}-outcome.md`)}>
              Markdown
            </button>
            {download.status === 'done' && <span className="hint"> Downloaded {download.fileName}</span>}
            {(download.status === 'failed' || download.status === 'invalid') && <span className="notice-error"> {download.message}</span>}
          </p>
        </div>
      )}
    </li>
  )
}
