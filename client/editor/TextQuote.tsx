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
  const quote = (
    <q translate="no" dir="auto">
      {children}
    </q>
  )
  // A quotation's marks are those of the language around it (the HTML rendering rules; Chromium follows them), so the
  // document's language goes on an element around the quote, not on the quote itself.
  return lang ? <span lang={lang}>{quote}</span> : quote
}
