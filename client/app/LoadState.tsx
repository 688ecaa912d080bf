/**
 * What a page or panel shows while its data loads or after loading failed.
 *
 * `what` names what loads, from the caller's catalogue, worded to stand as the object of "load" in every language
 * ("the comments", « les commentaires », «los comentarios», «комментарии» (accusative), 评论, التعليقات): the
 * sentences around it are this area's ("Loading {what}…", "Could not load {what}: {reason}").
 */
import type { ReactNode } from 'react'
import { errorMessage } from '../api/errorMessage.ts'
import { t } from '../i18n/i18n.ts'
import type { Loaded } from './useLoad.ts'

/** "Loading the history…", or why it could not be loaded with "Try again" (the failure first); nothing once it is there. */
export function LoadNotice({ loading, error, what, retry }: { loading: boolean; error: Error | null; what: string; retry: () => void }) {
  if (error) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('app.loadFailed', { what, reason: errorMessage(error) })}</p>
        <button type="button" onClick={retry}>
          {t('app.tryAgain')}
        </button>
      </div>
    )
  }
  if (loading) {
    return (
      <p className="loading" role="status">
        {t('app.loading', { what })}
      </p>
    )
  }
  return null
}

export function LoadState<T>({ loaded, what, retry, children }: { loaded: Loaded<T>; what: string; retry: () => void; children: (value: T) => ReactNode }) {
  if (loaded.status !== 'ready') {
    return <LoadNotice loading={loaded.status === 'loading'} error={loaded.status === 'failed' ? loaded.error : null} what={what} retry={retry} />
  }
  return <>{children(loaded.value)}</>
}
