/**
 * Registers the service worker that keeps the shell and its screens for offline use (`/sw.js`, written by the build),
 * and tells the page when a new deployment is ready: "a new version is ready". Accepting lets the new worker take over
 * and reloads the page once it has. Another tab that accepted first has already switched this one's worker: then
 * reloading is all that is left to do.
 */
import { takeOverMessage } from '../serviceWorker/workerSource.ts'

/** How often an open page asks the server whether a new version was deployed (also each time it becomes visible). */
const updateCheckMs = 30 * 60 * 1000

/** What accepting the new version does; null while there is none. */
let pending: (() => void) | null = null
let switching = false
const listeners = new Set<() => void>()

function offer(action: (() => void) | null) {
  if (pending === action) return
  pending = action
  for (const listener of listeners) listener()
}

export function subscribeUpdate(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const updateReady = (): boolean => pending !== null

/** Hands over to the new version: it activates (unless another tab did it), then the page reloads under it. */
export function switchToNewVersion(): void {
  pending?.()
}

function waitingWorker(worker: ServiceWorker) {
  offer(() => {
    switching = true
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true })
    worker.postMessage(takeOverMessage)
  })
}

/**
 * How long the page waits before registering again after a failed first install, before each attempt in turn: the
 * offline copy is made while the first visit downloads every screen, and one dropped request (a train's Wi-Fi, a
 * restarting server) must not leave the member without it until their next visit.
 */
export const installRetryMs = [5_000, 30_000, 5 * 60_000] as const

/** Workers already followed: the first one is seen both when registering and by its "updatefound". */
const followed = new WeakSet<ServiceWorker>()

function followInstalling(registration: ServiceWorkerRegistration, failedFirstInstall: () => void) {
  const worker = registration.installing
  if (!worker || followed.has(worker)) return
  followed.add(worker)
  worker.addEventListener('statechange', () => {
    // A worker installed while another controls the page is a new version; the first one simply takes over.
    if (worker.state === 'installed' && navigator.serviceWorker.controller) waitingWorker(worker)
    // Precaching failed: a new version is found again by the next check, but a first install has nothing to retry it.
    // (A first worker superseded by a newer one also ends redundant; that one is then installing, and nothing failed.)
    if (worker.state === 'redundant' && !registration.active && !registration.installing && !registration.waiting && !navigator.serviceWorker.controller) {
      failedFirstInstall()
    }
  })
}

/** The registration the periodic checks for a new version use: the last one made. */
let current: ServiceWorkerRegistration | null = null

/**
 * Registers, and again after a failed first install, up to `installRetryMs.length` more times. Where the build wrote
 * no worker (the development server), registering fails each time, quietly.
 */
async function register(attempt: number): Promise<void> {
  const retry = () => {
    const delay = installRetryMs[attempt]
    if (delay !== undefined) setTimeout(() => void register(attempt + 1), delay)
  }
  let registration: ServiceWorkerRegistration
  try {
    registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' })
  } catch {
    retry()
    return
  }
  current = registration
  if (registration.waiting && navigator.serviceWorker.controller) waitingWorker(registration.waiting)
  followInstalling(registration, retry)
  registration.addEventListener('updatefound', () => followInstalling(registration, retry))
}

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return
  const hadController = navigator.serviceWorker.controller !== null
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first worker claiming this page changes nothing it runs; a new version taken over elsewhere does.
    if (hadController && !switching) offer(() => window.location.reload())
  })
  await register(0)
  const check = () => {
    // A page open long after its first install failed for good registers once more, rather than update nothing.
    if (!current || (!current.active && !current.installing && !current.waiting)) void register(installRetryMs.length)
    else void current?.update().catch(() => undefined)
  }
  setInterval(check, updateCheckMs)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check()
  })
}
