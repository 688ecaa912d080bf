/**
 * The reference of the keystroke benchmark: a plain TipTap editor over the same schema as the draft (StarterKit as the
 * draft configures it, and the recommendation node as plain HTML), with no collaboration, no numbering, no node views
 * and none of the editor's own plugins. It loads ./doc.json and marks the body ready.
 */
import { Editor } from '@tiptap/core'
import { draftExtensions } from '../../../shared/schema/editorSchema.ts'

async function start(): Promise<void> {
  const response = await fetch('./doc.json')
  if (!response.ok) throw new Error(`doc.json answered ${response.status}`)
  const content = await response.json()
  const editor = new Editor({
    element: document.getElementById('editor')!,
    extensions: draftExtensions,
    content,
    editorProps: { attributes: { class: 'draft-text', 'aria-label': 'Draft text', spellcheck: 'true' } },
  })
  ;(window as unknown as { benchEditor: Editor }).benchEditor = editor
  document.body.dataset.ready = '1'
}

start().catch((error) => {
  document.body.dataset.error = String(error)
  throw error
})
