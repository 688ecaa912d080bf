/** Names listed one after another as the language separates them ("Brazil, Chile"; "Brazil، Chile"; "Brazil、Chile"). */
import { t } from '../i18n/i18n.ts'

export function listOfNames(names: readonly string[]): string {
  return names.join(t('editor.namesSeparator'))
}
