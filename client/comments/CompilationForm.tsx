/** "Compilation of written inputs": every comment on the document, grouped by delegation or by paragraph, as DOCX or Markdown. */
import { useEffect, useId, useState, type FormEvent } from 'react'
import {
  compilationFormats,
  compilationGroupings,
  compilationUrl,
  followThreads,
  getCompilation,
  type CompilationFormat,
  type CompilationGrouping,
} from '../api/comments.ts'
import { ChoiceGroup, DownloadAndPreview } from '../app/CompilationControls.tsx'
import { fileFormatLabels } from '../app/fileFormatLabels.ts'
import { LoadState } from '../app/LoadState.tsx'
import { useLoad } from '../app/useLoad.ts'
import { t } from '../i18n/i18n.ts'
import { useDownload } from '../revisions/useDownload.ts'
import { compilationFileName, compilationSummary, previewGroups } from './compilationText.ts'

const groupingLabels = (): Record<CompilationGrouping, string> => ({ delegation: t('comments.byDelegation'), paragraph: t('comments.byParagraph') })

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
      <summary>{t('comments.compilation')}</summary>
      <form className="compilation-form" onSubmit={submit} aria-label={t('comments.compilation')}>
        <p className="hint">{t('comments.compilationHint')}</p>
        <ChoiceGroup
          legend={t('comments.compilationGroup')}
          name={`${name}-by`}
          options={compilationGroupings}
          labels={groupingLabels()}
          value={by}
          onChange={(option) => {
            setBy(option)
            reset()
          }}
        />
        <ChoiceGroup
          legend={t('comments.compilationFormat')}
          name={`${name}-format`}
          options={compilationFormats}
          labels={fileFormatLabels(compilationFormats)}
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
    <section className="compilation-preview" aria-label={t('comments.compilationPreview')}>
      <LoadState loaded={loaded} what={t('comments.compilationLoadWhat')} retry={reload}>
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
                            <bdi translate="no">{input.who}</bdi>
                            {input.where && (
                              <span className="hint">
                                {' · '}
                                <bdi>{input.where}</bdi>
                              </span>
                            )}
                          </p>
                          {input.quote && (
                            <blockquote className="compilation-input-quote" translate="no" dir="auto">
                              {input.quote}
                            </blockquote>
                          )}
                          <p className="compilation-input-body" translate="no" dir="auto">
                            {input.body}
                          </p>
                          {input.replies && <p className="hint">{input.replies}</p>}
                        </li>
                      ))}
                    </ol>
                  </li>
                ))}
              </ul>
            )}
            <button type="button" className="button-link" onClick={reload}>
              {t('comments.refreshPreview')}
            </button>
          </>
        )}
      </LoadState>
    </section>
  )
}
