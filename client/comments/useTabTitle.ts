/** The browser tab names the open document, with the count of new comments in front; the app's title comes back on leaving. */
import { useEffect } from 'react'
import { t } from '../i18n/i18n.ts'
import { tabTitle } from './threadFilters.ts'

export function useTabTitle(documentTitle: string, unseen: number): void {
  useEffect(() => {
    document.title = tabTitle(documentTitle, unseen, t('app.name'))
  }, [documentTitle, unseen])
  useEffect(
    () => () => {
      document.title = t('app.name')
    },
    [],
  )
}
