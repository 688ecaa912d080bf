/** Builders of draft JSON (templates, seeds, tests): doc(heading(1, 'Title'), paragraph('...'), recommendation(...)). */
import type { DraftDocJson, DraftMarkJson, DraftNodeJson } from './draftJson.ts'

export type InlineInput = string | DraftNodeJson

function inline(content: InlineInput[]): DraftNodeJson[] {
  return content
    .map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part))
    .filter((part) => part.type !== 'text' || part.text !== '')
}

function withContent(type: string, content: DraftNodeJson[], attrs?: Record<string, unknown>): DraftNodeJson {
  return { type, ...(attrs ? { attrs } : {}), ...(content.length > 0 ? { content } : {}) }
}

export function doc(...blocks: DraftNodeJson[]): DraftDocJson {
  return { type: 'doc', content: blocks }
}

export function text(value: string, ...marks: ('bold' | 'italic')[]): DraftNodeJson {
  const markJson: DraftMarkJson[] = marks.map((type) => ({ type }))
  return { type: 'text', text: value, ...(markJson.length > 0 ? { marks: markJson } : {}) }
}

export function paragraph(...content: InlineInput[]): DraftNodeJson {
  return withContent('paragraph', inline(content))
}

export function heading(level: 1 | 2 | 3, ...content: InlineInput[]): DraftNodeJson {
  return withContent('heading', inline(content), { level })
}

/** A list item from plain strings (one paragraph each) or prepared blocks. */
function listItem(item: InlineInput | DraftNodeJson[]): DraftNodeJson {
  return withContent('listItem', Array.isArray(item) ? item : [paragraph(item)])
}

export function bulletList(...items: (InlineInput | DraftNodeJson[])[]): DraftNodeJson {
  return withContent('bulletList', items.map(listItem))
}

export function orderedList(...items: (InlineInput | DraftNodeJson[])[]): DraftNodeJson {
  return withContent('orderedList', items.map(listItem), { start: 1, type: null })
}

export function recommendation(id: string, refs: string[], ...paragraphs: (InlineInput | DraftNodeJson)[]): DraftNodeJson {
  const content = paragraphs.map((part) =>
    typeof part === 'string' || part.type === 'text' ? paragraph(part) : part,
  )
  return withContent('recommendation', content.length > 0 ? content : [paragraph()], { id, refs })
}

/** Contested text: "[value]", put there on the proposal of `proposers`. */
export function bracketed(value: string, proposers: string[] = [], ...marks: ('bold' | 'italic')[]): DraftNodeJson {
  const markJson: DraftMarkJson[] = [...marks.map((type) => ({ type })), { type: 'bracket', attrs: { proposers, proposalId: null } }]
  return { type: 'text', text: value, marks: markJson }
}

/** One version of a negotiated paragraph, proposed by `proposers` (empty: the text as it stood). */
export function alternative(proposers: string[], ...paragraphs: (InlineInput | DraftNodeJson)[]): DraftNodeJson {
  const content = paragraphs.map((part) => (typeof part === 'string' || part.type === 'text' ? paragraph(part) : part))
  return withContent('alternative', content.length > 0 ? content : [paragraph()], { proposers, proposalId: null })
}

/** A block of alternatives: Alt 1, Alt 2, ... */
export function alternatives(...versions: DraftNodeJson[]): DraftNodeJson {
  return withContent('alternatives', versions)
}
