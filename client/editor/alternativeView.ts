/**
 * How an alternative shows in the editor: its label ("Alt 2", numbered by CSS counters: see negotiationLabels.ts) and
 * the delegations proposing it, above its text.
 */
import type { NodeViewRenderer } from '@tiptap/core'
import { parseProposersAttr } from '../../shared/schema/negotiationText.ts'
import { t } from '../i18n/i18n.ts'
import { interfaceLang } from './interfaceLang.ts'
import { listOfNames } from './listOfNames.ts'

function proposersText(proposers: readonly string[]): string {
  return proposers.length === 0 ? t('editor.alternativeAsItStood') : t('editor.alternativeProposedBy', { delegations: listOfNames(proposers) })
}

export const alternativeView: NodeViewRenderer = ({ node }) => {
  const dom = document.createElement('div')
  dom.className = 'alternative'
  dom.setAttribute('data-alternative', '')
  const label = document.createElement('div')
  label.className = 'alternative-label'
  label.contentEditable = 'false'
  label.lang = interfaceLang()
  const number = document.createElement('span')
  number.className = 'alternative-number'
  const who = document.createElement('span')
  who.className = 'alternative-proposers'
  label.append(number, who)
  const contentDOM = document.createElement('div')
  contentDOM.className = 'alternative-text'
  dom.append(label, contentDOM)
  const show = (proposers: string[]) => {
    who.textContent = proposersText(proposers)
    dom.dataset.proposers = JSON.stringify(proposers)
  }
  show(parseProposersAttr(node.attrs.proposers))
  return {
    dom,
    contentDOM,
    update: (updated) => {
      if (updated.type !== node.type) return false
      show(parseProposersAttr(updated.attrs.proposers))
      return true
    },
    ignoreMutation: (mutation) => label.contains(mutation.target),
  }
}
