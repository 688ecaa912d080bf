/** The current hash route, following `hashchange`. */
import { useSyncExternalStore } from 'react'
import { parseRoute, type Route } from './route.ts'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

const currentHash = () => window.location.hash

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash)
  return parseRoute(hash)
}
