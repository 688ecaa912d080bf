/** Puts the suggestions plugin into an editor, keeps it fed with the open proposals, and tells when they were placed anew. */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useLayoutEffect, useRef } from 'react'
import type { Placement } from '../comments/anchors.ts'
import { proposalSuggestions, proposalSuggestionsKey, setSuggestions, type SuggestionsMeta } from './proposalSuggestions.ts'
import type { Suggestion } from './suggestion.ts'

const noPlacements: ReadonlyMap<string, Placement> = new Map()

export function suggestionPlacements(editor: Editor): ReadonlyMap<string, Placement> {
  return editor.isDestroyed ? noPlacements : (proposalSuggestionsKey.getState(editor.state)?.placements ?? noPlacements)
}

/** Returns a number that moves whenever the proposals were placed again (their order or their numbers may differ). */
export function useSuggestions(editor: Editor, suggestions: readonly Suggestion[], activeId: string | null, onActivate: (id: string) => void): number {
  const activate = useRef(onActivate)
  activate.current = onActivate

  useLayoutEffect(() => {
    if (editor.isDestroyed) return
    editor.registerPlugin(proposalSuggestions({ onActivate: (id) => activate.current(id) }))
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(proposalSuggestionsKey)
    }
  }, [editor])

  const send = (meta: SuggestionsMeta) => {
    if (!editor.isDestroyed && proposalSuggestionsKey.getState(editor.state)) editor.view.dispatch(setSuggestions(editor.state.tr, meta))
  }
  useLayoutEffect(() => send({ suggestions }), [editor, suggestions])
  useLayoutEffect(() => send({ activeId }), [editor, activeId])

  return useEditorState({ editor, selector: ({ editor: current }) => (current.isDestroyed ? -1 : (proposalSuggestionsKey.getState(current.state)?.layoutVersion ?? -1)) })
}
