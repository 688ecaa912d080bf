/** A document's submission metadata (distribution, body, session, agenda item, original language, symbol) and the PATCH that edits it. */
import { z } from 'zod'
import { DocumentSymbol } from './api.ts'
import { oneOf } from './fields.ts'
import { languages, type Language } from '../i18n/languages.ts'

/** "Distr.: General" or "Distr.: Limited" in the masthead. */
export const distributions = ['general', 'limited'] as const
export type Distribution = (typeof distributions)[number]
export const distributionLabels: Record<Distribution, string> = { general: 'General', limited: 'Limited' }

export { languages, type Language }
/** Each official language's English name, as a UN masthead states the original language ("Original: English"). */
export const languageNames: Record<Language, string> = {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  ar: 'Arabic',
  ru: 'Russian',
  zh: 'Chinese',
}
/** ISO 639-2 codes, which Akoma Ntoso uses for an expression's language. */
export const languageCodes3: Record<Language, string> = { en: 'eng', fr: 'fra', es: 'spa', ar: 'ara', ru: 'rus', zh: 'zho' }

/** What the masthead and the Akoma Ntoso identification of a document say about it, besides its title. */
export interface DocumentMetadata {
  symbol: string | null
  distribution: Distribution
  /** "Global Mechanism on ICT security", shown under "United Nations"; null: the masthead leaves it out. */
  bodyName: string | null
  /** "First session"; null when not set. */
  session: string | null
  /** "Item 5 of the provisional agenda: ..."; null when not set. */
  agendaItem: string | null
  originalLanguage: Language
}

export const defaultDocumentMetadata: DocumentMetadata = {
  symbol: null,
  distribution: 'general',
  bodyName: null,
  session: null,
  agendaItem: null,
  originalLanguage: 'en',
}

/** Optional text that may be cleared: trimmed, an empty string or null clears it. */
function clearableText(field: string, max: number) {
  return z
    .string({ error: () => `${field} must be text or null` })
    .trim()
    .max(max, `${field} must be at most ${max} characters`)
    .regex(/^[^\u0000-\u001F\u007F]*$/, `${field} must be one line without control characters`)
    .transform((value) => (value === '' ? null : value))
    .nullable()
}

/** PATCH /api/documents/:id: each field given is changed, the others kept; null (or "") clears an optional one. */
export const UpdateDocumentMetadata = z
  .strictObject(
    {
      symbol: z.union([z.literal('').transform(() => null), DocumentSymbol]).nullable().optional(),
      distribution: oneOf('distribution', distributions).optional(),
      bodyName: clearableText('bodyName', 200).optional(),
      session: clearableText('session', 120).optional(),
      agendaItem: clearableText('agendaItem', 300).optional(),
      originalLanguage: oneOf('originalLanguage', languages).optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}` : 'the body must be an object') },
  )
  .refine((value) => Object.keys(value).length > 0, 'give at least one of: symbol, distribution, bodyName, session, agendaItem, originalLanguage')
export type UpdateDocumentMetadata = z.infer<typeof UpdateDocumentMetadata>
