/**
 * Registers the service worker that keeps the shell and its screens for offline use (`/sw.js`, written by the build),
 * and tells the page when a new deployment's worker is installed and waiting: "a new version is ready". Accepting
 * lets the new worker take over and reloads the page once it has.
 */
import { takeOverMessage } from '../serviceWorker/workerSource.ts'

/** How often an open page asks the server whether a new version was deployed (also each time it becomes visible). */
const updateCheckMs = 30 * 60 * 1000

let waiting: ServiceWorker | null = null
const listeners = new Set<() => void>()

function setWaiting(worker: ServiceWorker | null) {
  if (waiting === worker) return
  waiting = worker
  for (const listener of listeners) listener()
}

export function subscribeUpdate(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const updateReady = (): boolean => waiting !== null

/** Hands over to the new version: it activates, then the page reloads under it. */
export function switchToNewVersion(): void {
  const worker = waiting
  if (!worker) return
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true })
  worker.postMessage(takeOverMessage)
}

function followInstalling(registration: ServiceWorkerRegistration) {
  const worker = registration.installing
  if (!worker) return
  worker.addEventListener('statechange', () => {
    // A worker installed while another controls the page is a new version; the first one simply takes over.
    if (worker.state === 'installed' && navigator.serviceWorker.controller) setWaiting(worker)
  })
}

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' })
  if (registration.waiting && navigator.serviceWorker.controller) setWaiting(registration.waiting)
  followInstalling(registration)
  registration.addEventListener('updatefound', () => followInstalling(registration))
  const check = () => void registration.update().catch(() => undefined)
  setInterval(check, updateCheckMs)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check()
  })
}
