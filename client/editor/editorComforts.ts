/**
 * The editor's conveniences as one TipTap extension: Enter leaving a recommendation, a click below the last block,
 * placeholders, find and replace (Ctrl+F), sub-paragraphs, and the shortcut that opens the list of shortcuts (Ctrl+/).
 * Undo and redo are the Collaboration extension's (only the member's own changes).
 */
import { Extension } from '@tiptap/core'
import { clickBelowPlugin } from './clickBelow.ts'
import { findKey, findPlugin, type FindMeta } from './find/findPlugin.ts'
import { leaveRecommendation } from './leaveRecommendation.ts'
import { placeholdersPlugin } from './placeholders.ts'
import { makeSubParagraph } from './subParagraphCommand.ts'
import { selectionPlacedPlugin } from './selectionPlaced.ts'

/** The DOM event the editor sends when Ctrl+/ asks for the list of shortcuts. */
export const shortcutHelpEvent = 'dtg-shortcut-help'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    editorComforts: {
      /** Makes the paragraph at the cursor a sub-paragraph (a), (b) of the numbered paragraph before it. */
      makeSubParagraph: () => ReturnType
      /** Opens or closes the find bar. */
      setFindOpen: (open: boolean) => ReturnType
    }
  }
}

export const EditorComforts = Extension.create({
  name: 'editorComforts',
  // Before the starter kit's keymap: Enter in a recommendation's empty last line is ours.
  priority: 1000,

  addCommands() {
    return {
      makeSubParagraph:
        () =>
        ({ state, dispatch }) =>
          makeSubParagraph(state, dispatch),
      setFindOpen:
        (open) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(findKey, { open } satisfies FindMeta).setMeta('addToHistory', false)
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => leaveRecommendation(editor.state, editor.view.dispatch),
      'Mod-f': ({ editor }) => editor.commands.setFindOpen(true),
      'Mod-/': ({ editor }) => {
        editor.view.dom.dispatchEvent(new CustomEvent(shortcutHelpEvent, { bubbles: true }))
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    return [clickBelowPlugin(), placeholdersPlugin(() => this.editor.isEditable), findPlugin(), selectionPlacedPlugin()]
  },
})
