/** What a page shows while its data loads or after loading failed. */
import type { ReactNode } from 'react'
import type { Loaded } from './useLoad.ts'

export function LoadState<T>({ loaded, what, retry, children }: { loaded: Loaded<T>; what: string; retry: () => void; children: (value: T) => ReactNode }) {
  if (loaded.status === 'loading') {
    return (
      <p className="loading" role="status">
        Loading {what}…
      </p>
    )
  }
  if (loaded.status === 'failed') {
    return (
      <div className="notice notice-error" role="alert">
        <p>
          Could not load {what}: {loaded.error.message}
        </p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    )
  }
  return <>{children(loaded.value)}</>
}
