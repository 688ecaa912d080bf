/**
 * A passage of the document quoted in interface text (on a comment thread, a proposal): in the document's language, so
 * that its quote marks and direction are the text's own, not the interface's (Arabic marks around English text read
 * backwards).
 */
import { createContext, useContext, type ReactNode } from 'react'

/** The open document's language (its original language); unset outside a document. */
export const TextLanguageContext = createContext<string | undefined>(undefined)

export function TextQuote({ children }: { children: ReactNode }) {
  const lang = useContext(TextLanguageContext)
  return (
    <q translate="no" lang={lang} dir="auto">
      {children}
    </q>
  )
}
