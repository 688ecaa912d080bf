/** The collaborative editor of one draft: toolbar and find bar for writers, a read-only banner for everyone else, the counts under the text. */
import type { Editor } from '@tiptap/core'
import { EditorContent } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import { directionOf, type Language } from '../../shared/i18n/languages.ts'
import { roleLabel } from '../app/roleLabels.ts'
import type { SignedInMember } from '../api/types.ts'
import { t, tx } from '../i18n/i18n.ts'
import { shortcutHelpEvent } from './editorComforts.ts'
import { FindReplaceBar } from './find/FindReplaceBar.tsx'
import { ShortcutHelp } from './ShortcutHelp.tsx'
import { TextCountsLine } from './TextCountsLine.tsx'
import { Toolbar } from './Toolbar.tsx'

/**
 * `textLanguage`: the language the draft is written in (its original language), when known; the text then carries it
 * (lang, so that it is read out in its own voice) and its direction. Otherwise the text takes the direction of its first
 * words.
 */
export function DraftEditor({ editor, canWrite, member, textLanguage }: { editor: Editor; canWrite: boolean; member: SignedInMember; textLanguage?: Language }) {
  const [showShortcuts, setShowShortcuts] = useState(false)
  const frame = useRef<HTMLDivElement>(null)
  useEffect(() => {
    // Ctrl+/ in the text sends this event; it bubbles up to here.
    const show = () => setShowShortcuts(true)
    const element = frame.current
    element?.addEventListener(shortcutHelpEvent, show)
    return () => element?.removeEventListener(shortcutHelpEvent, show)
  }, [])
  return (
    <div ref={frame} className={canWrite ? 'draft-editor' : 'draft-editor is-read-only'}>
      {canWrite ? (
        <Toolbar editor={editor} onShowShortcuts={() => setShowShortcuts(true)} />
      ) : (
        <p className="read-only-banner" role="note">
          {tx('editor.readOnly', {
            b: (chunks) => <strong key="read-only">{chunks}</strong>,
            role: roleLabel(member.role).toLowerCase(),
            hasDelegation: member.delegation ? 'yes' : 'no',
            delegation: (
              <bdi key="delegation" translate="no">
                {member.delegation}
              </bdi>
            ),
          })}
          {member.role === 'cofacilitator' && <> {t('editor.readOnlyNotLeading')}</>}{' '}
          <button type="button" className="button-quiet" onClick={() => editor.commands.setFindOpen(true)}>
            {t('editor.findInDocument')}
          </button>
        </p>
      )}
      <FindReplaceBar editor={editor} canWrite={canWrite} />
      {/* The text runs in its own language's direction, whatever the interface's. */}
      <EditorContent editor={editor} className="draft-page" lang={textLanguage} dir={textLanguage ? directionOf(textLanguage) : 'auto'} />
      <TextCountsLine editor={editor} />
      {showShortcuts && <ShortcutHelp onClose={() => setShowShortcuts(false)} />}
    </div>
  )
}
