/** Starts a document in a workspace: kind, title, optional symbol, optional template. */
import { useState, type FormEvent } from 'react'
import { createDocument, listTemplates } from '../api/workspaces.ts'
import { documentKinds, type DocumentKind } from '../api/types.ts'
import { routeHref } from '../app/route.ts'
import { useLoad } from '../app/useLoad.ts'
import { FormError } from './FormError.tsx'
import { t, tx } from '../i18n/i18n.ts'
import { documentKindLabel } from './documentKindLabels.ts'

export function CreateDocumentForm({ workspaceId, dtg, onCreated }: { workspaceId: string; dtg: number; onCreated: () => void }) {
  const [templates] = useLoad(listTemplates, [])
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<DocumentKind>('recommendations')
  const [symbol, setSymbol] = useState('')
  const [templateId, setTemplateId] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const offered = templates.status === 'ready' ? templates.value.filter((template) => !template.dtg || template.dtg === dtg) : []

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const document = await createDocument(workspaceId, {
        title: title.trim(),
        kind,
        ...(symbol.trim() ? { symbol: symbol.trim() } : {}),
        ...(templateId ? { templateId } : {}),
      })
      onCreated()
      window.location.hash = routeHref({ page: 'document', documentId: document.id })
    } catch (caught) {
      setError(caught)
      setBusy(false)
    }
  }

  return (
    <form className="panel-form" onSubmit={submit} aria-labelledby="new-document-heading">
      <h2 id="new-document-heading">{t('pages.newDocument')}</h2>
      <label>
        {t('pages.fieldTitle')}
        <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={200} />
      </label>
      <div className="field-row">
        <label>
          {t('pages.fieldKind')}
          <select value={kind} onChange={(event) => setKind(event.target.value as DocumentKind)}>
            {documentKinds.map((value) => (
              <option key={value} value={value}>
                {documentKindLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{tx('pages.fieldSymbolOptional', { optional: (chunks) => <span className="optional">{chunks}</span> })}</span>
          <input
            value={symbol}
            onChange={(event) => setSymbol(event.target.value)}
            placeholder={t('pages.symbolExample', { symbol: 'A/AC.292/DTG1/2026/CRP.1' })}
            maxLength={80}
            dir="ltr"
            translate="no"
          />
        </label>
      </div>
      <label>
        <span>{tx('pages.fieldTemplateOptional', { optional: (chunks) => <span className="optional">{chunks}</span> })}</span>
        <select value={templateId} onChange={(event) => setTemplateId(event.target.value)} disabled={templates.status !== 'ready'}>
          <option value="">{t('pages.blankDocument')}</option>
          {offered.map((template) => (
            <option key={template.id} value={template.id} translate="no">
              {template.title}
            </option>
          ))}
        </select>
      </label>
      {templateId && (
        // The templates' titles and descriptions are the server's (shared/templates), in the templates' own language.
        <p className="hint" translate="no" dir="auto">
          {offered.find((template) => template.id === templateId)?.description}
        </p>
      )}
      {templates.status === 'failed' && <p className="hint">{t('pages.templatesFailed')}</p>}
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {t('pages.createDocument')}
      </button>
    </form>
  )
}
