/**
 * Whether the member has placed the selection in the draft (a click, a key, a search, a reveal), rather than it still
 * being where the editor put it on opening (the start of the title): a proposal's place must be chosen, never that.
 */
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

const selectionPlacedKey = new PluginKey<boolean>('selectionPlaced')

export function selectionPlacedPlugin(): Plugin<boolean> {
  return new Plugin<boolean>({
    key: selectionPlacedKey,
    state: {
      init: () => false,
      // The sync plugin sets the selection too (rendering the document, keeping it through others' changes): not a choice.
      apply: (tr, placed) => placed || (tr.selectionSet && tr.getMeta(ySyncPluginKey) === undefined),
    },
  })
}

/** Whether the selection was placed by the member; true in an editor without the plugin. */
export function selectionPlaced(state: EditorState): boolean {
  return selectionPlacedKey.getState(state) ?? true
}
