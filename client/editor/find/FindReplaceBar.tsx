/** The find bar under the toolbar: the match count, next and previous, replace one or all, and what was skipped. */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import { t } from '../../i18n/i18n.ts'
import { findKey, type FindMeta } from './findPlugin.ts'
import { replaceMatches, type ReplaceOutcome } from './replace.ts'
import { focusedNow, returnFocus } from '../../app/returnFocus.ts'

interface BarState {
  open: boolean
  query: string
  caseSensitive: boolean
  count: number
  current: number
  openings: number
}

function outcomeText(outcome: ReplaceOutcome): string {
  if (outcome.refused) return t('editor.replaceRefused')
  if (outcome.skippedAgreed === 0) return t('editor.replaced', { replaced: outcome.replaced })
  return t('editor.replacedSkippingAgreed', { replaced: outcome.replaced, skipped: outcome.skippedAgreed })
}

export function FindReplaceBar({ editor, canWrite }: { editor: Editor; canWrite: boolean }) {
  const state = useEditorState<BarState>({
    editor,
    selector: ({ editor: current }) => {
      const find = findKey.getState(current.state)
      return {
        open: find?.open ?? false,
        query: find?.query ?? '',
        caseSensitive: find?.caseSensitive ?? false,
        count: find?.matches.length ?? 0,
        current: find?.current ?? -1,
        openings: find?.openings ?? 0,
      }
    },
  })
  const opener = useRef<HTMLElement | null>(null)
  const wasOpen = useRef(false)
  const [replacement, setReplacement] = useState('')
  const [outcome, setOutcome] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (state.open) input.current?.select()
  }, [state.open, state.openings])

  // What had focus as the bar opens (read while it is drawn, before its field takes focus): focus goes back there.
  if (state.open && !wasOpen.current) opener.current = focusedNow()
  wasOpen.current = state.open
  if (!state.open) return null

  const send = (meta: FindMeta) => editor.view.dispatch(editor.state.tr.setMeta(findKey, meta).setMeta('addToHistory', false))
  const search = (query: string, caseSensitive: boolean) => {
    setOutcome(null)
    send({ query, caseSensitive })
  }
  const reveal = (index: number) => {
    send({ current: index })
    const match = findKey.getState(editor.state)?.matches[findKey.getState(editor.state)?.current ?? -1]
    if (!match) return
    const { node } = editor.view.domAtPos(match.from)
    const element = node instanceof Element ? node : node.parentElement
    element?.scrollIntoView({ block: 'center' })
  }
  const close = () => {
    const match = findKey.getState(editor.state)?.matches[state.current]
    editor.chain().setFindOpen(false).run()
    // The cursor goes to the match last shown, selected; a text that cannot take focus (read-only) leaves it to what
    // opened the bar.
    if (match) editor.chain().focus().setTextSelection(match).scrollIntoView().run()
    else editor.commands.focus()
    returnFocus(opener.current)
  }
  const replace = (which: 'current' | 'all') => setOutcome(outcomeText(replaceMatches(editor.view, which, replacement)))

  const count = state.query === '' ? '' : state.count === 0 ? t('editor.noMatches') : t('editor.matchOf', { current: state.current + 1, count: state.count })
  return (
    <div
      className="find-bar"
      role="search"
      aria-label={t('editor.findInDocument')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          close()
        }
      }}
    >
      <label>
        <span>{t('editor.find')}</span>
        <input
          ref={input}
          type="search"
          value={state.query}
          aria-describedby="find-count"
          onChange={(event) => search(event.target.value, state.caseSensitive)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return
            event.preventDefault()
            reveal(state.current + (event.shiftKey ? -1 : 1))
          }}
        />
      </label>
      <span id="find-count" className="find-count" role="status">
        {count}
      </span>
      <button type="button" className="button-quiet" disabled={state.count === 0} onClick={() => reveal(state.current - 1)} aria-label={t('editor.previousMatch')}>
        ↑
      </button>
      <button type="button" className="button-quiet" disabled={state.count === 0} onClick={() => reveal(state.current + 1)} aria-label={t('editor.nextMatch')}>
        ↓
      </button>
      <label className="find-case">
        <input type="checkbox" checked={state.caseSensitive} onChange={(event) => search(state.query, event.target.checked)} />
        {t('editor.matchCase')}
      </label>
      {canWrite && (
        <>
          <label>
            <span>{t('editor.replaceWith')}</span>
            <input type="text" value={replacement} onChange={(event) => setReplacement(event.target.value)} />
          </label>
          <button type="button" disabled={state.count === 0} onClick={() => replace('current')}>
            {t('editor.replace')}
          </button>
          <button type="button" disabled={state.count === 0} onClick={() => replace('all')}>
            {t('editor.replaceAll')}
          </button>
        </>
      )}
      <button type="button" className="button-quiet" aria-label={t('editor.closeFind')} onClick={close}>
        ×
      </button>
      {outcome && (
        <p className="find-outcome" role="status">
          {outcome}
        </p>
      )}
    </div>
  )
}
