/** The list of the editor's keyboard shortcuts, in a dialog. */
import { t } from '../i18n/i18n.ts'
import { Modal } from '../revisions/Modal.tsx'
import { shortcutGroups } from './shortcuts.ts'

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal title={t('editor.keyboardShortcuts')} className="shortcut-help" onClose={onClose}>
      {shortcutGroups().map((group) => (
        <section key={group.title}>
          <h3>{group.title}</h3>
          <table>
            <tbody>
              {group.entries.map((entry) => (
                <tr key={entry.does}>
                  <th scope="row">
                    {/* Keys as keyboards print them: not for translation tools. */}
                    <kbd dir="auto" translate="no">
                      {entry.keys}
                    </kbd>
                  </th>
                  <td>{entry.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Modal>
  )
}
