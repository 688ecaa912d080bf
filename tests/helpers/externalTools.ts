/** For the tests: the command-line tools that read our exports as other systems would (xmllint, LibreOffice, poppler), and whether each is installed. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from './server.ts'

/** The Akoma Ntoso 3.0 schema, kept beside the repository (../shared/reference/akn). */
export const aknSchema = path.resolve(repoRoot, '../shared/reference/akn/akomantoso30.xsd')

export function installed(command: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
  return found.status === 0 && found.stdout.trim() !== ''
}

/** The name of a test that runs only with `commands` installed, saying so when it is skipped. */
export function needing(commands: Record<string, string>, name: string): { run: boolean; name: string } {
  const missing = Object.entries(commands).filter(([command]) => !installed(command))
  if (missing.length === 0) return { run: true, name }
  const how = missing.map(([command, pkg]) => `${command} (Debian: apt-get install ${pkg})`).join(', ')
  return { run: false, name: `${name} [SKIPPED: not installed: ${how}; .ci/run installs it]` }
}

/** Validates XML against the Akoma Ntoso 3.0 schema with xmllint: the errors it names, empty when valid. */
export function validateAkomaNtoso(xml: string): { valid: boolean; errors: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-akn-'))
  try {
    const file = path.join(dir, 'export.xml')
    fs.writeFileSync(file, xml)
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', aknSchema, file], { encoding: 'utf8', timeout: 60_000 })
    return { valid: run.status === 0, errors: run.stderr }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function run(command: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): string {
  const done = spawnSync(command, args, { encoding: 'utf8', cwd: options.cwd, timeout: options.timeoutMs ?? 120_000 })
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${done.status ?? done.signal}): ${done.stderr || done.stdout}`)
  return done.stdout
}

/**
 * A DOCX rendered to PDF by LibreOffice, headless, with a profile of its own (so that it does not wait for another
 * LibreOffice running on the machine). Returns the PDF's path in `outDir`.
 */
export function docxToPdf(docx: Uint8Array, outDir: string, name: string): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-soffice-'))
  try {
    const input = path.join(work, `${name}.docx`)
    fs.writeFileSync(input, docx)
    const profile = `file://${path.join(work, 'profile')}`
    run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, input], {
      cwd: work,
      timeoutMs: 180_000,
    })
    fs.mkdirSync(outDir, { recursive: true })
    const pdf = path.join(outDir, `${name}.pdf`)
    fs.copyFileSync(path.join(work, `${name}.pdf`), pdf)
    return pdf
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

export function pdfPageCount(pdf: string): number {
  const pages = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))
  if (!pages) throw new Error(`pdfinfo did not say how many pages ${pdf} has`)
  return Number(pages[1])
}

/** The text of one page (1-based), laid out as on the page. */
export function pdfPageText(pdf: string, page: number): string {
  return run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'])
}

/** One page as a PNG at `pngPath` (without ".png"), `dpi` dots per inch. */
export function pdfPageToPng(pdf: string, page: number, pngPath: string, dpi = 110): string {
  run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-png', '-singlefile', pdf, pngPath])
  return `${pngPath}.png`
}
