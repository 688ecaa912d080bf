/** Whether the member has a change of their own to undo or redo: the collaborative undo manager's stacks, followed live. */
import type { Editor } from '@tiptap/core'
import { yUndoPluginKey } from '@tiptap/y-tiptap'
import { useEffect, useState } from 'react'

export interface UndoState {
  canUndo: boolean
  canRedo: boolean
}

function read(editor: Editor): UndoState {
  const manager = yUndoPluginKey.getState(editor.state)?.undoManager
  return { canUndo: (manager?.undoStack.length ?? 0) > 0, canRedo: (manager?.redoStack.length ?? 0) > 0 }
}

export function useUndoState(editor: Editor): UndoState {
  const [state, setState] = useState<UndoState>(() => read(editor))
  useEffect(() => {
    const manager = yUndoPluginKey.getState(editor.state)?.undoManager
    const update = () => {
      const next = read(editor)
      setState((previous) => (previous.canUndo === next.canUndo && previous.canRedo === next.canRedo ? previous : next))
    }
    update()
    manager?.on('stack-item-added', update)
    manager?.on('stack-item-popped', update)
    manager?.on('stack-cleared', update)
    return () => {
      manager?.off('stack-item-added', update)
      manager?.off('stack-item-popped', update)
      manager?.off('stack-cleared', update)
    }
  }, [editor])
  return state
}
