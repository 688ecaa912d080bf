/** The editor's keyboard shortcuts, named once for the help dialog and the buttons' titles (⌘ and ⌥ on a Mac). */
import { commentShortcut } from '../comments/commentShortcut.ts'
import { t } from '../i18n/i18n.ts'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const mod = isMac ? '⌘' : 'Ctrl+'
const alt = isMac ? '⌥' : 'Alt+'
const shift = isMac ? '⇧' : 'Shift+'

/** Key names are printed on keyboards as they are here, whatever the interface's language. */
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

/** The list the help dialog shows, in the interface's language. */
export function shortcutGroups(): ShortcutGroup[] {
  return [
    {
      title: t('editor.shortcutsEditing'),
      entries: [
        { keys: shortcuts.undo, does: t('editor.shortcutUndo') },
        { keys: t('editor.shortcutEither', { first: shortcuts.redo, second: `${shift}${mod}Z` }), does: t('editor.redo') },
        { keys: shortcuts.find, does: t('editor.shortcutFind') },
        { keys: `${t('editor.keyEnter')} / ${shift}${t('editor.keyEnter')}`, does: t('editor.shortcutFindNext') },
        { keys: t('editor.keyEscape'), does: t('editor.shortcutEscape') },
        { keys: shortcuts.help, does: t('editor.shortcutHelp') },
      ],
    },
    {
      title: t('editor.shortcutsFormatting'),
      entries: [
        { keys: shortcuts.bold, does: t('editor.bold') },
        { keys: shortcuts.italic, does: t('editor.italic') },
        { keys: shortcuts.paragraph, does: t('editor.shortcutParagraph') },
        { keys: `${shortcuts.heading1}, ${shortcuts.heading2}, ${shortcuts.heading3}`, does: t('editor.shortcutHeadings') },
        { keys: shortcuts.bulletList, does: t('editor.shortcutBulletList') },
        { keys: shortcuts.orderedList, does: t('editor.shortcutOrderedList') },
        { keys: `${t('editor.keyTab')} / ${shift}${t('editor.keyTab')}`, does: t('editor.shortcutLevels') },
      ],
    },
    {
      title: t('editor.shortcutsRecommendations'),
      entries: [
        { keys: t('editor.shortcutEnterOnEmptyLine'), does: t('editor.shortcutLeaveRecommendation') },
        { keys: '← →', does: t('editor.shortcutMoveBetweenLinks') },
        { keys: t('editor.shortcutClickBelow'), does: t('editor.shortcutContinueAfter') },
      ],
    },
    {
      title: t('editor.shortcutsComments'),
      entries: [
        { keys: commentShortcut, does: t('editor.shortcutComment') },
        { keys: isMac ? '⌘⌥P' : 'Ctrl+Alt+P', does: t('editor.shortcutPropose') },
      ],
    },
  ]
}
