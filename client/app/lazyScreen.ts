/**
 * Screens loaded on demand that can be fetched ahead of need and loaded again after a failure. React's `lazy`
 * remembers a failed import for good; a screen made here forgets it when `retryFailedScreens` is called (the
 * error boundary's "Try again", or the network coming back), so the next render imports it afresh.
 */
import { createElement, lazy, type ComponentType, type FunctionComponent } from 'react'

type Loader<P> = () => Promise<{ default: ComponentType<P> }>

interface ScreenLoader {
  prefetch(): Promise<void>
  forgetFailure(): void
}

const screens: ScreenLoader[] = []

export function lazyScreen<P extends object>(load: Loader<P>): FunctionComponent<P> {
  let failed = false
  const attempt: Loader<P> = () =>
    load().catch((error: unknown) => {
      failed = true
      throw error
    })
  let Loaded = lazy(attempt)
  screens.push({
    // A successful fetch lands in the browser's module map: the screen's own import later resolves at once.
    prefetch: () => attempt().then(
      () => undefined,
      () => undefined,
    ),
    forgetFailure: () => {
      if (!failed) return
      failed = false
      Loaded = lazy(attempt)
    },
  })
  return function Screen(props: P) {
    return createElement(Loaded as ComponentType<P>, props)
  }
}

/** Lets every screen whose last load failed try again on its next render. */
export function retryFailedScreens(): void {
  for (const screen of screens) screen.forgetFailure()
}

/** Fetches every screen not loaded yet, one after another, each when the browser is idle. */
let prefetching = false

export function prefetchScreensWhenIdle(whenIdle: (task: () => void) => void = idle): void {
  if (prefetching) return
  prefetching = true
  let next = 0
  const step = () => {
    const screen = screens[next++]
    if (screen) void screen.prefetch().then(() => whenIdle(step))
  }
  whenIdle(step)
}

function idle(task: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(() => task(), { timeout: 5000 })
  else setTimeout(task, 200)
}
