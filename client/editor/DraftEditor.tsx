/** The collaborative editor of one draft: toolbar for writers, a read-only banner for everyone else. */
import type { Editor } from '@tiptap/core'
import { EditorContent } from '@tiptap/react'
import { roleLabels } from '../app/roleLabels.ts'
import type { SignedInMember } from '../api/types.ts'
import { Toolbar } from './Toolbar.tsx'

export function DraftEditor({ editor, canWrite, member }: { editor: Editor; canWrite: boolean; member: SignedInMember }) {
  return (
    <div className={canWrite ? 'draft-editor' : 'draft-editor is-read-only'}>
      {canWrite ? (
        <Toolbar editor={editor} />
      ) : (
        <p className="read-only-banner" role="note">
          <strong>Read-only.</strong> You are signed in as {roleLabels[member.role].toLowerCase()}
          {member.delegation ? ` (${member.delegation})` : ''}: you can read this draft and follow changes as they happen, but only
          co-facilitators and the secretariat edit it.
          {member.role === 'cofacilitator' && ' You do not co-facilitate this workspace; the secretariat names its co-facilitators.'}
        </p>
      )}
      <EditorContent editor={editor} className="draft-page" />
    </div>
  )
}
