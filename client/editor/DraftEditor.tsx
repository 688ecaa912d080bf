/** The collaborative editor of one draft: toolbar and find bar for writers, a read-only banner for everyone else, the counts under the text. */
import type { Editor } from '@tiptap/core'
import { EditorContent } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import { roleLabels } from '../app/roleLabels.ts'
import type { SignedInMember } from '../api/types.ts'
import { shortcutHelpEvent } from './editorComforts.ts'
import { FindReplaceBar } from './find/FindReplaceBar.tsx'
import { ShortcutHelp } from './ShortcutHelp.tsx'
import { TextCountsLine } from './TextCountsLine.tsx'
import { Toolbar } from './Toolbar.tsx'

export function DraftEditor({ editor, canWrite, member }: { editor: Editor; canWrite: boolean; member: SignedInMember }) {
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
          <strong>Read-only.</strong> You are signed in as {roleLabels[member.role].toLowerCase()}
          {member.delegation ? ` (${member.delegation})` : ''}: you can read this draft and follow changes as they happen, but only
          co-facilitators and the secretariat edit it.
          {member.role === 'cofacilitator' && ' You do not co-facilitate this workspace; the secretariat names its co-facilitators.'}{' '}
          <button type="button" className="button-quiet" onClick={() => editor.commands.setFindOpen(true)}>
            Find in the document
          </button>
        </p>
      )}
      <FindReplaceBar editor={editor} canWrite={canWrite} />
      <EditorContent editor={editor} className="draft-page" />
      <TextCountsLine editor={editor} />
      {showShortcuts && <ShortcutHelp onClose={() => setShowShortcuts(false)} />}
    </div>
  )
}
