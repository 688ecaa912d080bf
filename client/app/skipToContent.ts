/**
 * The "Skip to content" link: focus moves to the page's main region without following `#main`, which the hash
 * router would read as a route (and answer "Page not found").
 */
export const mainContentId = 'main'

/** Focuses the main region; false when the page has none. */
export function skipToContent(root: Pick<Document, 'getElementById'> = document): boolean {
  const main = root.getElementById(mainContentId)
  if (!main) return false
  main.focus()
  return true
}
