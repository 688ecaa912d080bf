/** A revision's text, read-only, with the editor's schema, recommendation view and margin numbering (no collaboration). */
import type { AnyExtension, Extensions, Node } from '@tiptap/core'
import { EditorContent, ReactNodeViewRenderer, useEditor } from '@tiptap/react'
import { useMemo, useState } from 'react'
import type { ServedCatalogue } from '../api/catalogue.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { draftExtensions } from '../../shared/schema/editorSchema.ts'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'
import { CatalogueContext } from '../editor/CatalogueContext.ts'
import { DraftNumbering } from '../editor/draftNumbering.ts'
import { RecommendationView } from '../editor/RecommendationView.tsx'
import type { Language } from '../../shared/i18n/languages.ts'
import { t } from '../i18n/i18n.ts'
import { documentTextProps } from './documentText.ts'

function withRecommendationView(extension: AnyExtension): AnyExtension {
  if (extension.name !== recommendationNodeName) return extension
  return (extension as Node).extend({
    addNodeView: () =>
      ReactNodeViewRenderer(RecommendationView, {
        as: 'div',
        update: ({ oldNode, newNode, updateProps }) => {
          if (oldNode.type !== newNode.type) return false
          updateProps()
          return true
        },
      }),
  })
}

function readOnlyExtensions(catalogue: ServedCatalogue): Extensions {
  return [...draftExtensions.map(withRecommendationView), DraftNumbering.configure({ catalogue: () => catalogue })]
}

/** `textLanguage`: the document's original language, which its text is marked with (read in its own direction, not translated). */
export function ReadOnlyDraft({ content, catalogue, label, textLanguage }: { content: DraftDocJson; catalogue: ServedCatalogue; label: string; textLanguage?: Language }) {
  const [contentError, setContentError] = useState<string | null>(null)
  const extensions = useMemo(() => readOnlyExtensions(catalogue), [catalogue])
  const editor = useEditor(
    {
      extensions,
      content,
      editable: false,
      enableContentCheck: true,
      onContentError: ({ error }) => setContentError(error.message),
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: { class: 'draft-text', role: 'document', 'aria-label': t('revisions.textOf', { label }) },
      },
    },
    [extensions, content],
  )
  if (contentError) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('revisions.textCannotBeShown', { label, reason: contentError })}</p>
      </div>
    )
  }
  return (
    <CatalogueContext.Provider value={catalogue}>
      <div className="draft-editor is-read-only">
        <EditorContent editor={editor} className="draft-page" {...documentTextProps(textLanguage)} />
      </div>
    </CatalogueContext.Provider>
  )
}
