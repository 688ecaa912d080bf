/** The name of a downloaded file: the document's symbol (or title) first, then what the file holds, as every export names it. */
export function downloadFileName(parts: Array<string | null | undefined>, extension: string): string {
  const base = parts
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
  return `${base || 'document'}.${extension}`
}
