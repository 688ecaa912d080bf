/** What a page or panel shows while its data loads or after loading failed. */
import type { ReactNode } from 'react'
import type { Loaded } from './useLoad.ts'

/** "Loading the history…", or why it could not be loaded with "Try again" (the failure first); nothing once it is there. */
export function LoadNotice({ loading, error, what, retry }: { loading: boolean; error: Error | null; what: string; retry: () => void }) {
  if (error) {
    return (
      <div className="notice notice-error" role="alert">
        <p>
          Could not load {what}: {error.message}
        </p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    )
  }
  if (loading) {
    return (
      <p className="loading" role="status">
        Loading {what}…
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
