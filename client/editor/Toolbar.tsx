/** Formatting controls and "Insert recommendation", for members who may write. */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useChooseLinks } from './LinkPicker.tsx'

interface ToolbarState {
  paragraph: boolean
  heading1: boolean
  heading2: boolean
  heading3: boolean
  bulletList: boolean
  orderedList: boolean
  bold: boolean
  italic: boolean
}

function ToolButton({ label, shortcut, active, onClick, children }: { label: string; shortcut?: string; active: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    // The name begins with what the button shows ("H1", "1. List"), so that it can be spoken as seen; the rest says what it does.
    <button
      type="button"
      className="tool"
      aria-pressed={active}
      title={shortcut ? `${label} (${shortcut})` : label}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
      <span className="visually-hidden">: {label}</span>
    </button>
  )
}

export function Toolbar({ editor }: { editor: Editor }) {
  const chooseLinks = useChooseLinks()
  const state = useEditorState<ToolbarState>({
    editor,
    selector: ({ editor: current }) => ({
      paragraph: current.isActive('paragraph') && !current.isActive('bulletList') && !current.isActive('orderedList'),
      heading1: current.isActive('heading', { level: 1 }),
      heading2: current.isActive('heading', { level: 2 }),
      heading3: current.isActive('heading', { level: 3 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
    }),
  })
  const run = () => editor.chain().focus()

  const insertRecommendation = async () => {
    const refs = await chooseLinks({ title: 'Insert a recommendation', confirmLabel: 'Insert recommendation', linked: [] })
    if (refs) run().insertRecommendation(refs).run()
    else editor.commands.focus()
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <div className="tool-group">
        <ToolButton label="Paragraph" active={state.paragraph} onClick={() => run().setParagraph().run()}>
          ¶
        </ToolButton>
        <ToolButton label="Heading 1" active={state.heading1} onClick={() => run().toggleHeading({ level: 1 }).run()}>
          H1
        </ToolButton>
        <ToolButton label="Heading 2" active={state.heading2} onClick={() => run().toggleHeading({ level: 2 }).run()}>
          H2
        </ToolButton>
        <ToolButton label="Heading 3" active={state.heading3} onClick={() => run().toggleHeading({ level: 3 }).run()}>
          H3
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton label="Bulleted list" active={state.bulletList} onClick={() => run().toggleBulletList().run()}>
          • List
        </ToolButton>
        <ToolButton label="Numbered list" active={state.orderedList} onClick={() => run().toggleOrderedList().run()}>
          1. List
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton label="Bold" shortcut="Ctrl+B" active={state.bold} onClick={() => run().toggleBold().run()}>
          <b>B</b>
        </ToolButton>
        <ToolButton label="Italic" shortcut="Ctrl+I" active={state.italic} onClick={() => run().toggleItalic().run()}>
          <i>I</i>
        </ToolButton>
      </div>
      <div className="tool-group tool-group-end">
        <button type="button" className="insert-recommendation" onClick={insertRecommendation}>
          Insert recommendation
        </button>
      </div>
    </div>
  )
}
