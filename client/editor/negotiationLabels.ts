/**
 * The labels CSS paints on blocks of alternatives ("Alternatives: not agreed", and "Alt 1", "Alt 2" numbered by a CSS
 * counter), in the interface's language: custom properties on the text's element, read by client/styles/editor.css.
 */
import { alternativesStatusLabel } from '../blocks/blockStatusLabels.ts'
import { t } from '../i18n/i18n.ts'

/** A CSS string holding `text`. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ')}"`
}

const slot = '\u0001'

/** The value of `content` that paints a message with a CSS counter in place of its `{number}`. */
export function contentWithCounter(message: string, counter: string): string {
  const [before = '', after = ''] = message.split(slot)
  return [before && cssString(before), `counter(${counter})`, after && cssString(after)].filter(Boolean).join(' ')
}

/** The style attribute that gives the labels to the text's element. */
export function negotiationLabelStyle(): string {
  return [
    `--alternatives-label: ${cssString(alternativesStatusLabel())}`,
    `--alternative-number: ${contentWithCounter(t('editor.alternativeNumber', { number: slot }), 'alternative')}`,
  ].join('; ')
}
