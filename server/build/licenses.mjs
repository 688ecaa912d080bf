/**
 * The notices of the packages bundled into the built server. Minified, their code no longer carries its licence
 * comments, and their files (LICENSE, NOTICE) are not installed beside it: the build writes them into one file,
 * dist/server/THIRD_PARTY_LICENSES.txt, from esbuild's record of which package files went into the bundle.
 */
import fs from 'node:fs'
import path from 'node:path'

/** The package a build input belongs to (`node_modules/@scope/name/...`: name and directory), or null for the project's. */
export function packageOfInput(input) {
  const at = input.lastIndexOf('node_modules/')
  if (at < 0) return null
  const rest = input.slice(at + 'node_modules/'.length).split('/')
  const name = rest[0].startsWith('@') ? rest.slice(0, 2).join('/') : rest[0]
  return { name, directory: `${input.slice(0, at)}node_modules/${name}` }
}

/** The package directories (relative to the repository) that the build's inputs come from, sorted. */
export function bundledPackageDirectories(metafile) {
  const directories = new Set(Object.keys(metafile.inputs).map((input) => packageOfInput(input)?.directory).filter(Boolean))
  return [...directories].sort()
}

/** LICENSE, LICENSE.md, LICENSE-MIT, LICENCE.APACHE2, NOTICE, COPYING and the like, at a package's root. */
const noticeFile = /^(licen[cs]es?|copying|notice)([-._][\w.-]+)?$/i

/** The text of THIRD_PARTY_LICENSES.txt: for each package, its name, version and licence, then its notice files. */
export function thirdPartyNotices(repoRoot, metafile) {
  const parts = []
  for (const directory of bundledPackageDirectories(metafile)) {
    const absolute = path.join(repoRoot, directory)
    const manifest = JSON.parse(fs.readFileSync(path.join(absolute, 'package.json'), 'utf8'))
    const files = fs.readdirSync(absolute).filter((file) => noticeFile.test(file)).sort()
    const texts = files.map((file) => `--- ${file}\n${fs.readFileSync(path.join(absolute, file), 'utf8').trim()}\n`)
    const license =
      typeof manifest.license === 'string'
        ? manifest.license
        : (manifest.license?.type ?? (Array.isArray(manifest.licenses) ? manifest.licenses.map((entry) => entry.type ?? entry).join(' OR ') : 'not stated'))
    parts.push(`${manifest.name} ${manifest.version} (${license})\n${texts.length > 0 ? texts.join('') : '(the package ships no licence file)\n'}`)
  }
  return `Packages bundled into this build of the server, with their licences.\n\n${parts.join('\n')}`
}
