/** The `recommendation` block: paragraphs with a stable id and links (refs) to framework elements. */
import { mergeAttributes, Node } from '@tiptap/core'

export const recommendationNodeName = 'recommendation'

/** Reads `data-refs="norm-g cbm-7"` into ['norm-g', 'cbm-7']. */
export function parseRefs(attribute: string | null): string[] {
  return (attribute ?? '').split(/\s+/).filter(Boolean)
}

export function serializeRefs(refs: readonly string[]): string {
  return refs.join(' ')
}

function validateId(value: unknown): void {
  if (typeof value !== 'string' || value === '') throw new RangeError('recommendation id must be a non-empty string')
}

function validateRefs(value: unknown): void {
  if (!Array.isArray(value) || value.some((ref) => typeof ref !== 'string')) {
    throw new RangeError('recommendation refs must be a list of catalogue ids')
  }
}

export const Recommendation = Node.create({
  name: recommendationNodeName,
  group: 'block',
  content: 'paragraph+',
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      id: {
        isRequired: true,
        validate: validateId,
        parseHTML: (element) => element.getAttribute('data-id'),
        renderHTML: (attributes) => ({ 'data-id': attributes.id }),
      },
      refs: {
        default: [],
        validate: validateRefs,
        parseHTML: (element) => parseRefs(element.getAttribute('data-refs')),
        renderHTML: (attributes) => ({ 'data-refs': serializeRefs(attributes.refs) }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'section[data-recommendation][data-id]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes({ 'data-recommendation': '' }, HTMLAttributes), 0]
  },
})
