/** Zod schemas of REST payloads. (The error envelope is in shared/errors/apiError.ts.) */
import { z } from 'zod'
import { CatalogueOverride } from '../framework/element.ts'
import { oneOf, requiredText } from './fields.ts'

export { CatalogueOverride }

export const CreateWorkspace = z.object({
  dtg: z.literal([1, 2], {
    error: (issue) => (issue.input === undefined ? 'dtg is required' : 'dtg must be 1 or 2'),
  }),
  year: z
    .number({ error: (issue) => (issue.input === undefined ? 'year is required' : 'year must be a number') })
    .int('year must be a whole number')
    .min(2025, 'year must be 2025 or later')
    .max(2035, 'year must be 2035 or earlier'),
  title: requiredText('title', { max: 200 }),
})
export type CreateWorkspace = z.infer<typeof CreateWorkspace>

export const documentKinds = ['annual-summary', 'recommendations', 'working-draft'] as const
export const DocumentKind = oneOf('kind', documentKinds)
export type DocumentKind = z.infer<typeof DocumentKind>

/** A UN document symbol such as "A/AC.292/DTG1/2026/CRP.1". */
export const DocumentSymbol = requiredText('symbol', { max: 80 }).regex(
  /^[A-Za-z0-9.()_-]+(\/[A-Za-z0-9.()_-]+)+$/,
  'symbol must be parts separated by "/" (letters, digits, ".", "-", "_", parentheses), like A/AC.292/DTG1/2026/CRP.1',
)

export const TemplateId = requiredText('templateId', { max: 60 }).regex(
  /^[a-z0-9][a-z0-9-]*$/,
  'templateId must be lowercase letters, digits and hyphens',
)

export const CreateDocument = z.object({
  title: requiredText('title', { max: 200 }),
  kind: DocumentKind,
  symbol: DocumentSymbol.optional(),
  templateId: TemplateId.optional(),
})
export type CreateDocument = z.infer<typeof CreateDocument>

/** Cutting a revision: a label such as "Zero draft" or "Rev.1", and an optional note. */
export const CutRevision = z.object({
  label: requiredText('label', { max: 60 }),
  note: z.string().trim().max(2000, 'note must be at most 2000 characters').nullish(),
})
export type CutRevision = z.infer<typeof CutRevision>

/** `akn`: Akoma Ntoso 3.0 XML, for the document systems that read UN documents. */
export const exportFormats = ['docx', 'md', 'txt', 'html', 'akn'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** The extension of an exported file: Akoma Ntoso is XML. */
export const exportExtensions: Record<ExportFormat, string> = { docx: 'docx', md: 'md', txt: 'txt', html: 'html', akn: 'xml' }
