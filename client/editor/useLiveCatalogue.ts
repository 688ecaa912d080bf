/** The catalogue an open document resolves its links against, replaced when the document's stream says it changed. */
import { useEffect, useState } from 'react'
import { refetchCatalogue, type ServedCatalogue } from '../api/catalogue.ts'
import { followDocumentEvents } from '../api/documentEvents.ts'

export function useLiveCatalogue(documentId: string, initial: ServedCatalogue): ServedCatalogue {
  const [catalogue, setCatalogue] = useState(initial)
  useEffect(() => {
    let active = true
    let newest = initial.revision
    const refresh = () => {
      refetchCatalogue().then(
        (served) => {
          // Answers may cross: keep the newest revision seen.
          if (active && served.revision >= newest) {
            newest = served.revision
            setCatalogue(served)
          }
        },
        () => {},
      )
    }
    const stop = followDocumentEvents(documentId, 'catalogue', { onEvent: refresh, onReconnect: refresh })
    return () => {
      active = false
      stop()
    }
  }, [documentId, initial])
  return catalogue
}
