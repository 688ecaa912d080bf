/** For the tests: a DOCX package opened, and the text of its paragraphs and runs read back out of WordprocessingML. */
import { strFromU8, unzipSync } from 'fflate'

export interface DocxPackage {
  /** Every part by its path in the package. */
  parts: Record<string, string>
  document: string
  /** The header parts, concatenated. */
  headers: string
}

export function readDocx(bytes: Uint8Array): DocxPackage {
  const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, content]) => [path, strFromU8(content)]))
  const headers = Object.keys(parts)
    .filter((path) => /^word\/header\d*\.xml$/.test(path))
    .sort()
    .map((path) => parts[path])
    .join('')
  return { parts, document: parts['word/document.xml'] ?? '', headers }
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(xml: string): string {
  return xml.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name])
}

/** A run's text: tabs as "\t", breaks as "\n". */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
    .map((match) => (match[0] === '<w:tab/>' ? '\t' : match[0] === '<w:br/>' ? '\n' : decode(match[1])))
    .join('')
}

/** Every paragraph's text, empty ones (such as a merged cell's continuation) included. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p\/>|<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => textOf(match[0]))
}

export interface DocxRun {
  text: string
  underline: boolean
  strike: boolean
  bold: boolean
  italic: boolean
  color: string | null
}

export function runsOf(xml: string): DocxRun[] {
  return [...xml.matchAll(/<w:r[ >][\s\S]*?<\/w:r>/g)].map(([run]) => {
    const properties = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run)?.[1] ?? ''
    return {
      text: textOf(run),
      underline: /<w:u [^>]*w:val="(?!none)/.test(properties),
      strike: /<w:strike(?: w:val="(?:true|1)")?\/>/.test(properties),
      bold: /<w:b(?: w:val="(?:true|1)")?\/>/.test(properties),
      italic: /<w:i(?: w:val="(?:true|1)")?\/>/.test(properties),
      color: /<w:color w:val="([0-9A-Fa-f]{6})"/.exec(properties)?.[1] ?? null,
    }
  })
}

/** Characters XML 1.0 does not allow (its Char production): a part holding one is not XML, and Word refuses the package. */
export function charactersXmlForbids(xml: string): string[] {
  return [...xml.matchAll(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g)].map(
    (match) => `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  )
}

/** The header or footer part a section uses for its first page, even pages or the others (`default`), or null. */
export function headerFooterPart(docx: DocxPackage, kind: 'header' | 'footer', type: 'default' | 'first' | 'even'): string | null {
  const id = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="([^"]+)"/>`).exec(docx.document)?.[1]
  if (!id) return null
  const target = new RegExp(`Id="${id}" Type="[^"]+" Target="([^"]+)"`).exec(docx.parts['word/_rels/document.xml.rels'] ?? '')?.[1]
  return target ? (docx.parts[`word/${target}`] ?? null) : null
}
