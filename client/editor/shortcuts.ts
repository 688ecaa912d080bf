/** The editor's keyboard shortcuts, named once for the help dialog and the buttons' titles (⌘ and ⌥ on a Mac). */
import { commentShortcut } from '../comments/commentShortcut.ts'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const mod = isMac ? '⌘' : 'Ctrl+'
const alt = isMac ? '⌥' : 'Alt+'
const shift = isMac ? '⇧' : 'Shift+'

export const shortcuts = {
  undo: `${mod}Z`,
  redo: isMac ? `${shift}${mod}Z` : 'Ctrl+Y',
  bold: `${mod}B`,
  italic: `${mod}I`,
  paragraph: `${mod}${alt}0`,
  heading1: `${mod}${alt}1`,
  heading2: `${mod}${alt}2`,
  heading3: `${mod}${alt}3`,
  bulletList: `${mod}${shift}8`,
  orderedList: `${mod}${shift}7`,
  find: `${mod}F`,
  help: `${mod}/`,
} as const

export interface ShortcutGroup {
  title: string
  entries: { keys: string; does: string }[]
}

export const shortcutGroups: ShortcutGroup[] = [
  {
    title: 'Editing',
    entries: [
      { keys: shortcuts.undo, does: 'Undo your last change (changes by others stay)' },
      { keys: `${shortcuts.redo} or ${shift}${mod}Z`, does: 'Redo' },
      { keys: shortcuts.find, does: 'Find and replace in the document' },
      { keys: 'Enter / Shift+Enter', does: 'In the find field: next / previous match' },
      { keys: 'Escape', does: 'Close the find bar or a dialog' },
      { keys: shortcuts.help, does: 'This list of shortcuts' },
    ],
  },
  {
    title: 'Formatting',
    entries: [
      { keys: shortcuts.bold, does: 'Bold' },
      { keys: shortcuts.italic, does: 'Italic' },
      { keys: shortcuts.paragraph, does: 'Plain paragraph' },
      { keys: `${shortcuts.heading1}, ${shortcuts.heading2}, ${shortcuts.heading3}`, does: 'Heading 1, 2, 3' },
      { keys: shortcuts.bulletList, does: 'Bulleted list (each item a numbered paragraph)' },
      { keys: shortcuts.orderedList, does: 'Numbered list (each item a numbered paragraph)' },
      { keys: 'Tab / Shift+Tab', does: 'In a list item or sub-paragraph: a level down, (a) then (i) / a level up' },
    ],
  },
  {
    title: 'Recommendations',
    entries: [
      { keys: 'Enter on an empty last line', does: 'Leave the recommendation and continue with a plain paragraph' },
      { keys: '← →', does: 'Move between a recommendation\'s links and "+ Link"' },
      { keys: 'Click below the text', does: 'Continue after the last block' },
    ],
  },
  {
    title: 'Comments and proposals',
    entries: [
      { keys: commentShortcut, does: 'Comment on the selected text' },
      { keys: isMac ? '⌘⌥P' : 'Ctrl+Alt+P', does: 'Propose a change to the selected text' },
    ],
  },
]
