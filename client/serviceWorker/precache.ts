/** What the service worker keeps for offline use: the built files of the shell and its screens, and the build's version. */

/** The worker's own file, served from the root so that it controls every page. */
export const serviceWorkerFile = 'sw.js'

/** Paths under the site's root that the worker never answers: the REST API, the collaboration socket, the health check. */
export const neverCachedPrefixes = ['/api/', '/collab/', '/healthz'] as const

/**
 * The addresses to precache, from the file names of a build (relative to its output directory): the page (as `/`,
 * the address it is served at) and every script, style sheet, font and image under `assets/`. Source maps and the
 * worker itself are left out. Sorted, so that the same build always gives the same list.
 */
export function precacheList(fileNames: readonly string[]): string[] {
  const urls = new Set<string>()
  for (const name of fileNames) {
    const file = name.replace(/\\/g, '/').replace(/^\.?\//, '')
    if (file === 'index.html') urls.add('/')
    else if (file.startsWith('assets/') && /\.(?:js|css|woff2?|ttf|svg|png|webp|ico)$/.test(file)) urls.add(`/${file}`)
  }
  return [...urls].sort()
}

/**
 * A version naming one build: a hash of what it precaches. Built files are named by their content, so a new
 * deployment that changes any script or style changes the version; `pageContent` (index.html) covers the rest.
 */
export async function buildVersion(precache: readonly string[], pageContent: string, digest: (text: string) => Promise<string> | string): Promise<string> {
  return (await digest(`${precache.join('\n')}\n\n${pageContent}`)).slice(0, 16)
}
