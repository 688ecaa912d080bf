/** Formatting controls, undo and redo, find, sub-paragraphs and "Insert recommendation", for members who may write. */
import type { Editor } from '@tiptap/core'
import type { ResolvedPos } from '@tiptap/pm/model'
import { useState } from 'react'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'
import { t } from '../i18n/i18n.ts'
import { useChooseLinks } from './LinkPicker.tsx'
import { findKey } from './find/findPlugin.ts'
import { shortcuts } from './shortcuts.ts'
import { inSubParagraph, subParagraphRefusal } from './subParagraphCommand.ts'
import { usePaintedEditorState } from './usePaintedEditorState.ts'
import { useUndoState } from './useUndoState.ts'

interface ToolbarState {
  paragraph: boolean
  heading1: boolean
  heading2: boolean
  heading3: boolean
  bulletList: boolean
  orderedList: boolean
  bold: boolean
  italic: boolean
  inRecommendation: boolean
  subParagraph: boolean
  subParagraphRefusal: string | null
  findOpen: boolean
}

/** Why headings and lists do not apply inside a recommendation. */
export const inRecommendationReason = () => t('editor.inRecommendationReason')

function insideRecommendation($from: ResolvedPos): boolean {
  for (let depth = $from.depth; depth > 0; depth -= 1) if ($from.node(depth).type.name === recommendationNodeName) return true
  return false
}

function ToolButton({
  label,
  shortcut,
  active,
  refusal,
  onRefused,
  onClick,
  children,
}: {
  label: string
  shortcut?: string
  active?: boolean
  /** Why the button does not apply here; the button then says so instead of acting. */
  refusal?: string | null
  onRefused?: (reason: string) => void
  onClick: () => void
  children: React.ReactNode
}) {
  const title = shortcut ? t('editor.toolWithShortcut', { label, shortcut }) : label
  return (
    // The name begins with what the button shows ("H1", "1. List"), so that it can be spoken as seen; the rest says what it does.
    <button
      type="button"
      className="tool"
      aria-pressed={active}
      aria-disabled={refusal ? true : undefined}
      title={refusal ? t('editor.toolRefused', { tool: title, reason: refusal }) : title}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => (refusal ? onRefused?.(refusal) : onClick())}
    >
      {children}
      <span className="visually-hidden">{t('editor.toolNameRest', { label })}</span>
    </button>
  )
}

export function Toolbar({ editor, onShowShortcuts }: { editor: Editor; onShowShortcuts: () => void }) {
  const chooseLinks = useChooseLinks()
  const [refused, setRefused] = useState<string | null>(null)
  // Which buttons are pressed is read once the keystroke has been painted, not inside it.
  const state = usePaintedEditorState<ToolbarState>(editor, (current) => {
      const { $from } = current.state.selection
      const inRecommendation = insideRecommendation($from)
      return {
        paragraph: current.isActive('paragraph') && !current.isActive('bulletList') && !current.isActive('orderedList'),
        heading1: current.isActive('heading', { level: 1 }),
        heading2: current.isActive('heading', { level: 2 }),
        heading3: current.isActive('heading', { level: 3 }),
        bulletList: current.isActive('bulletList'),
        orderedList: current.isActive('orderedList'),
        bold: current.isActive('bold'),
        italic: current.isActive('italic'),
        inRecommendation,
        subParagraph: inSubParagraph($from),
        subParagraphRefusal: inRecommendation ? null : subParagraphRefusal(current.state),
        findOpen: findKey.getState(current.state)?.open ?? false,
      }
  })
  const undo = useUndoState(editor)
  const run = () => editor.chain().focus()
  const blockRefusal = state.inRecommendation ? inRecommendationReason() : null
  const common = { onRefused: setRefused }
  const act = (command: () => void) => () => {
    setRefused(null)
    command()
  }

  const insertRecommendation = async () => {
    setRefused(null)
    const refs = await chooseLinks({ title: t('editor.insertRecommendationTitle'), confirmLabel: t('editor.insertRecommendation'), linked: [] })
    if (refs) run().insertRecommendation(refs).run()
    else editor.commands.focus()
  }

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbarFormatting')}>
      <div className="tool-group">
        <ToolButton label={t('editor.undo')} shortcut={shortcuts.undo} refusal={undo.canUndo ? null : t('editor.nothingToUndo')} {...common} onClick={act(() => run().undo().run())}>
          <span className="mirrors">↶</span>
        </ToolButton>
        <ToolButton label={t('editor.redo')} shortcut={shortcuts.redo} refusal={undo.canRedo ? null : t('editor.nothingToRedo')} {...common} onClick={act(() => run().redo().run())}>
          <span className="mirrors">↷</span>
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton label={t('editor.paragraph')} shortcut={shortcuts.paragraph} active={state.paragraph} {...common} onClick={act(() => run().setParagraph().run())}>
          ¶
        </ToolButton>
        <ToolButton label={t('editor.heading', { level: 1 })} shortcut={shortcuts.heading1} active={state.heading1} refusal={blockRefusal} {...common} onClick={act(() => run().toggleHeading({ level: 1 }).run())}>
          {t('editor.headingFace', { level: 1 })}
        </ToolButton>
        <ToolButton label={t('editor.heading', { level: 2 })} shortcut={shortcuts.heading2} active={state.heading2} refusal={blockRefusal} {...common} onClick={act(() => run().toggleHeading({ level: 2 }).run())}>
          {t('editor.headingFace', { level: 2 })}
        </ToolButton>
        <ToolButton label={t('editor.heading', { level: 3 })} shortcut={shortcuts.heading3} active={state.heading3} refusal={blockRefusal} {...common} onClick={act(() => run().toggleHeading({ level: 3 }).run())}>
          {t('editor.headingFace', { level: 3 })}
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton label={t('editor.bulletList')} shortcut={shortcuts.bulletList} active={state.bulletList} refusal={blockRefusal} {...common} onClick={act(() => run().toggleBulletList().run())}>
          {t('editor.bulletListFace')}
        </ToolButton>
        <ToolButton label={t('editor.orderedList')} shortcut={shortcuts.orderedList} active={state.orderedList} refusal={blockRefusal} {...common} onClick={act(() => run().toggleOrderedList().run())}>
          {t('editor.orderedListFace')}
        </ToolButton>
        <ToolButton
          label={t('editor.subParagraph')}
          active={state.subParagraph}
          refusal={blockRefusal ?? (state.subParagraph ? null : state.subParagraphRefusal)}
          {...common}
          onClick={act(() => {
            // Pressed again, a sub-paragraph goes back up a level.
            if (state.subParagraph) run().liftListItem('listItem').run()
            else run().makeSubParagraph().run()
          })}
        >
          {t('editor.subParagraphFace')}
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton label={t('editor.bold')} shortcut={shortcuts.bold} active={state.bold} {...common} onClick={act(() => run().toggleBold().run())}>
          <b>{t('editor.boldFace')}</b>
        </ToolButton>
        <ToolButton label={t('editor.italic')} shortcut={shortcuts.italic} active={state.italic} {...common} onClick={act(() => run().toggleItalic().run())}>
          <i>{t('editor.italicFace')}</i>
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton label={t('editor.findAndReplace')} shortcut={shortcuts.find} active={state.findOpen} {...common} onClick={act(() => editor.commands.setFindOpen(!state.findOpen))}>
          {t('editor.findFace')}
        </ToolButton>
        <ToolButton label={t('editor.keyboardShortcuts')} shortcut={shortcuts.help} {...common} onClick={act(onShowShortcuts)}>
          ?
        </ToolButton>
      </div>
      <div className="tool-group tool-group-end">
        <button type="button" className="insert-recommendation" onClick={insertRecommendation}>
          {t('editor.insertRecommendation')}
        </button>
      </div>
      {refused && (
        <p className="toolbar-refused" role="status">
          {refused}
        </p>
      )}
    </div>
  )
}
