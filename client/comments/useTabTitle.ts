/** The browser tab names the open document, with the count of new comments in front; the app's title comes back on leaving. */
import { useEffect } from 'react'
import { tabTitle } from './threadFilters.ts'

const appName = 'DTG drafting workspace'

export function useTabTitle(documentTitle: string, unseen: number): void {
  useEffect(() => {
    document.title = tabTitle(documentTitle, unseen, appName)
  }, [documentTitle, unseen])
  useEffect(
    () => () => {
      document.title = appName
    },
    [],
  )
}
