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

function followInstalling(registration: ServiceWorkerRegistration) {
  const worker = registration.installing
  if (!worker) return
  worker.addEventListener('statechange', () => {
    // A worker installed while another controls the page is a new version; the first one simply takes over.
    if (worker.state === 'installed' && navigator.serviceWorker.controller) waitingWorker(worker)
  })
}

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return
  const hadController = navigator.serviceWorker.controller !== null
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first worker claiming this page changes nothing it runs; a new version taken over elsewhere does.
    if (hadController && !switching) offer(() => window.location.reload())
  })
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' })
  if (registration.waiting && navigator.serviceWorker.controller) waitingWorker(registration.waiting)
  followInstalling(registration)
  registration.addEventListener('updatefound', () => followInstalling(registration))
  const check = () => void registration.update().catch(() => undefined)
  setInterval(check, updateCheckMs)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check()
  })
}
