/** A browser test file's real server and Chromium, with vitest's hooks (apart from harness.ts, which the benchmarks import outside vitest). */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { launchChromium, startServer } from './harness.ts'

/**
 * A test file's real server and Chromium, started before its tests (and before the file's own `beforeAll`, declared
 * after this call) and stopped after them: read `.server` and `.browser` in hooks and tests.
 */
export function serverAndBrowser(): { readonly server: TestServer; readonly browser: Browser } {
  const running = {} as { server: TestServer; browser: Browser }
  beforeAll(async () => {
    ;[running.server, running.browser] = await Promise.all([startServer(), launchChromium()])
  })
  afterAll(async () => {
    await running.browser?.close()
    await running.server?.stop()
  })
  return running
}
