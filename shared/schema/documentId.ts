/** The identifier of a collaborative document, as it appears in `/collab/<documentId>`. */
import { z } from 'zod'

export const DocumentId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'a document id is 1-128 letters, digits, ".", "_" or "-", starting with a letter or digit')
export type DocumentId = z.infer<typeof DocumentId>
