/** What the built client makes a browser download: the initial JavaScript of index.html, the lazy chunks and the languages' catalogues, gzipped. */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

export interface ChunkSize {
  file: string
  bytes: number
  gzipBytes: number
}

export interface BundleSizes {
  /** Entry module scripts and their modulepreload links, as index.html names them. */
  initial: ChunkSize[]
  initialGzipBytes: number
  /** JavaScript loaded by a dynamic import from the initial chunks, with what it imports in turn (initial chunks left out). */
  lazy: ChunkSize[]
  /** The lazy chunks that hold the editor (ProseMirror), with their own imports outside the initial set. */
  editor: ChunkSize[]
  editorGzipBytes: number
  /** The message catalogues, one chunk a language (`messages-<language>-<hash>.js`); `initial` if index.html loads it up front. */
  languages: Array<ChunkSize & { language: string; initial: boolean }>
}

/** A language's catalogue chunk as the build names it (vite.config.ts, manualChunks). */
const languageChunk = /^messages-([a-z]{2})-[\w-]+\.js$/

const gzipSize = (content: Buffer) => zlib.gzipSync(content, { level: 9 }).length

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const match of tag.matchAll(/([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    found[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? ''
  }
  return found
}

/** The JavaScript files index.html loads up front: module scripts with a src, and modulepreload links. */
export function initialScripts(html: string): string[] {
  const files: string[] = []
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attrs = attributes(tag.replace(/^<\w+/, '').replace(/\/?>$/, ''))
    if (tag.toLowerCase().startsWith('<script') && attrs.type === 'module' && attrs.src) files.push(attrs.src)
    if (tag.toLowerCase().startsWith('<link') && attrs.rel?.split(/\s+/).includes('modulepreload') && attrs.href) files.push(attrs.href)
  }
  return [...new Set(files)]
}

/** Relative imports of a built chunk: static (`from"./x.js"`, `import"./x.js"`) and dynamic (`import("./x.js")`). */
export function chunkImports(code: string): { staticImports: string[]; dynamicImports: string[] } {
  const staticImports = new Set<string>()
  const dynamicImports = new Set<string>()
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)(["'`])(\.{1,2}\/[^"'`]+?\.js)\1/g)) staticImports.add(match[2])
  for (const match of code.matchAll(/\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+?\.js)\1\s*\)/g)) dynamicImports.add(match[2])
  return { staticImports: [...staticImports], dynamicImports: [...dynamicImports] }
}

export function measureBundle(distDir: string): BundleSizes {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8')
  const fileOf = (url: string) => path.resolve(distDir, url.replace(/^\//, '').split(/[?#]/)[0])
  const read = new Map<string, Buffer>()
  const content = (file: string) => {
    let buffer = read.get(file)
    if (!buffer) {
      if (!fs.existsSync(file)) throw new Error(`${path.relative(distDir, file)} is named by the build but missing`)
      buffer = fs.readFileSync(file)
      read.set(file, buffer)
    }
    return buffer
  }
  const size = (file: string): ChunkSize => {
    const buffer = content(file)
    return { file: path.relative(distDir, file), bytes: buffer.length, gzipBytes: gzipSize(buffer) }
  }

  const initialFiles = initialScripts(html).map(fileOf)
  if (initialFiles.length === 0) throw new Error('index.html loads no module script')
  const initialSet = new Set(initialFiles)

  /** Everything `roots` import statically, roots included, minus the initial chunks. */
  const staticClosure = (roots: string[]): string[] => {
    const seen = new Set<string>()
    const queue = roots.filter((file) => !initialSet.has(file))
    for (let i = 0; i < queue.length; i++) {
      const file = queue[i]
      if (seen.has(file)) continue
      seen.add(file)
      const { staticImports } = chunkImports(content(file).toString('utf8'))
      for (const imported of staticImports) {
        const target = path.resolve(path.dirname(file), imported)
        if (!initialSet.has(target) && !seen.has(target)) queue.push(target)
      }
    }
    return [...seen]
  }

  const lazyRoots = new Set<string>()
  const visited = new Set<string>()
  const queue = [...initialFiles]
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]
    if (visited.has(file)) continue
    visited.add(file)
    const { staticImports, dynamicImports } = chunkImports(content(file).toString('utf8'))
    for (const imported of staticImports) queue.push(path.resolve(path.dirname(file), imported))
    for (const imported of dynamicImports) {
      const target = path.resolve(path.dirname(file), imported)
      if (!initialSet.has(target)) {
        lazyRoots.add(target)
        queue.push(target)
      }
    }
  }
  const lazyFiles = staticClosure([...lazyRoots])
  const editorRoots = [...lazyRoots].filter((root) => staticClosure([root]).some((file) => /\bProseMirror\b/.test(content(file).toString('utf8'))))
  const editorFiles = staticClosure(editorRoots)

  const initial = initialFiles.map(size)
  const editor = editorFiles.map(size)
  const assets = path.join(distDir, 'assets')
  const languages = fs
    .readdirSync(assets)
    .flatMap((name) => {
      const language = languageChunk.exec(name)?.[1]
      const file = path.join(assets, name)
      return language ? [{ ...size(file), language, initial: initialSet.has(file) }] : []
    })
    .sort((a, b) => a.language.localeCompare(b.language))
  return {
    initial,
    initialGzipBytes: initial.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    lazy: lazyFiles.map(size),
    editor,
    editorGzipBytes: editor.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    languages,
  }
}
