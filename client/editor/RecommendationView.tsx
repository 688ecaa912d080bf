/** How a recommendation looks in the editor: its number, its framework links as chips, then its paragraphs. */
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { useRef } from 'react'
import { t } from '../i18n/i18n.ts'
import { interfaceLang } from './interfaceLang.ts'
import { recommendationNumberFrom } from './draftNumbering.ts'
import { useChooseLinks } from './LinkPicker.tsx'
import { RefChip } from './RefChip.tsx'
import { refsOf } from './recommendationCommands.ts'
import { useEditable } from './useEditable.ts'
import { useRovingFocus } from './rovingFocus.ts'

export function RecommendationView({ node, editor, decorations }: ReactNodeViewProps) {
  const chooseLinks = useChooseLinks()
  const number = recommendationNumberFrom(decorations)
  // R1, R2: the document's own numbering, as every export prints it.
  const name = number === null ? t('editor.recommendation') : `R${number}`
  const id = String(node.attrs.id ?? '')
  const refs = refsOf(node)
  // Follows the member's rights changing while the document is open (setEditable re-renders no node view by itself).
  const editable = useEditable(editor)
  // Its links, flags and "+ Link" are one tab stop; the arrow keys move between them.
  const header = useRef<HTMLDivElement>(null)
  const roving = useRovingFocus(header)

  const addLinks = async () => {
    const chosen = await chooseLinks({ title: t('editor.linkRecommendationTitle', { name }), confirmLabel: t('editor.addLinks'), linked: refs })
    if (chosen) editor.commands.addRecommendationRefs(id, chosen)
  }

  return (
    <NodeViewWrapper as="section" className="recommendation" data-recommendation-id={id} aria-label={number === null ? t('editor.recommendation') : t('editor.recommendationNamed', { name })}>
      <div
        className="recommendation-header"
        contentEditable={false}
        // Interface text inside the document's: in the interface's language, whatever the text's.
        lang={interfaceLang()}
        ref={header}
        role="group"
        aria-label={t('editor.recommendationLinksGroup', { name })}
        onKeyDown={roving.onKeyDown}
        onFocus={roving.onFocus}
      >
        <span className="recommendation-number" aria-hidden="true">
          {name}
        </span>
        <ul className="ref-chips" aria-label={t('editor.recommendationLinksList', { name })}>
          {refs.map((ref) => (
            <RefChip
              key={ref}
              refId={ref}
              removable={!editable ? 'no' : refs.length > 1 ? 'yes' : 'last'}
              onRemove={() => editor.commands.removeRecommendationRef(id, ref)}
            />
          ))}
          {refs.length === 0 && <li className="ref-chip ref-missing">{t('editor.notLinked')}</li>}
        </ul>
        {editable && (
          <button type="button" className="add-link" onClick={addLinks}>
            {t('editor.addLinkButton')}
          </button>
        )}
      </div>
      <NodeViewContent className="recommendation-body" />
    </NodeViewWrapper>
  )
}
