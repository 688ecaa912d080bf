/** "Compilation of written inputs": every comment on the document, grouped by delegation or by paragraph, as DOCX or Markdown. */
import { useEffect, useId, useState, type FormEvent } from 'react'
import {
  compilationFormatLabels,
  compilationFormats,
  compilationGroupingLabels,
  compilationGroupings,
  compilationUrl,
  followThreads,
  getCompilation,
  type CompilationFormat,
  type CompilationGrouping,
} from '../api/comments.ts'
import { ChoiceGroup, DownloadAndPreview } from '../app/CompilationControls.tsx'
import { LoadState } from '../app/LoadState.tsx'
import { useLoad } from '../app/useLoad.ts'
import { useDownload } from '../revisions/useDownload.ts'
import { compilationFileName, compilationSummary, previewGroups } from './compilationText.ts'

export function CompilationForm({ documentId }: { documentId: string }) {
  const [by, setBy] = useState<CompilationGrouping>('delegation')
  const [format, setFormat] = useState<CompilationFormat>('docx')
  const [previewing, setPreviewing] = useState(false)
  const [state, download, reset] = useDownload()
  const name = useId()
  const previewId = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void download(compilationUrl(documentId, { format, by }), compilationFileName(documentId, by, format))
  }

  return (
    <details className="compilation" data-testid="compilation">
      <summary>Compilation of written inputs</summary>
      <form className="compilation-form" onSubmit={submit} aria-label="Compilation of written inputs">
        <p className="hint">Every comment on this document, with the text it was made on and its replies.</p>
        <ChoiceGroup
          legend="Group"
          name={`${name}-by`}
          options={compilationGroupings}
          labels={compilationGroupingLabels}
          value={by}
          onChange={(option) => {
            setBy(option)
            reset()
          }}
        />
        <ChoiceGroup
          legend="Format"
          name={`${name}-format`}
          options={compilationFormats}
          labels={compilationFormatLabels}
          value={format}
          onChange={(option) => {
            setFormat(option)
            reset()
          }}
        />
        <DownloadAndPreview state={state} previewing={previewing} previewId={previewId} onTogglePreview={() => setPreviewing(!previewing)} />
        <div id={previewId}>{previewing && <CompilationPreview documentId={documentId} by={by} />}</div>
      </form>
    </details>
  )
}

/**
 * What the compilation would hold: each heading with the text of its inputs. Loaded when shown, again for another
 * grouping, and kept current while shown: a new or changed comment (the document's `thread` events) refreshes it.
 */
function CompilationPreview({ documentId, by }: { documentId: string; by: CompilationGrouping }) {
  const [loaded, reload, refresh] = useLoad(() => getCompilation(documentId, by), [documentId, by])
  useEffect(() => followThreads(documentId, refresh, refresh), [documentId, refresh])
  return (
    <section className="compilation-preview" aria-label="Preview of the compilation">
      <LoadState loaded={loaded} what="the compilation" retry={reload}>
        {(compilation) => (
          <>
            <p className="compilation-summary" role="status">
              {compilationSummary(compilation)}
            </p>
            {compilation.groups.length > 0 && (
              <ul className="compilation-groups">
                {previewGroups(compilation).map((group, index) => (
                  <li key={`${index}:${group.heading}`}>
                    <p className="compilation-group-head">
                      <span className="compilation-heading">{group.heading}</span>
                      <span className="compilation-count">{group.count}</span>
                    </p>
                    <ol className="compilation-inputs">
                      {group.inputs.map((input) => (
                        <li key={input.threadId} className="compilation-input">
                          <p className="compilation-input-who">
                            {input.who}
                            {input.where && <span className="hint"> · {input.where}</span>}
                          </p>
                          {input.quote && <blockquote className="compilation-input-quote">{input.quote}</blockquote>}
                          <p className="compilation-input-body">{input.body}</p>
                          {input.replies && <p className="hint">{input.replies}</p>}
                        </li>
                      ))}
                    </ol>
                  </li>
                ))}
              </ul>
            )}
            <button type="button" className="button-link" onClick={reload}>
              Refresh preview
            </button>
          </>
        )}
      </LoadState>
    </section>
  )
}
