// Run before `npm test`: the browser tests drive Debian's Chromium at /usr/bin/chromium; install it when missing.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const chromium = '/usr/bin/chromium'
if (!fs.existsSync(chromium)) {
  const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')
  if (!canInstall) {
    console.error(`The browser tests need Debian's chromium at ${chromium}: run "sudo apt-get install chromium" first.`)
    process.exit(1)
  }
  console.log('Installing Debian\'s chromium for the browser tests...')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env })
    if (result.status !== 0) process.exit(result.status ?? 1)
  }
}
