import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { buildVersion, precacheList, serviceWorkerFile } from './client/serviceWorker/precache.ts'
import { workerSource } from './client/serviceWorker/workerSource.ts'

const repoRoot = import.meta.dirname
const server = 'http://127.0.0.1:8080'

/** Writes the service worker (`sw.js`) beside index.html, with the list of the files this build made and its version. */
function serviceWorker(): Plugin {
  return {
    name: 'dtg-service-worker',
    apply: 'build',
    // After the HTML plugin has written index.html, so that the page is part of the list and of the version.
    async writeBundle(options, bundle) {
      const precache = precacheList(Object.keys(bundle))
      const page = bundle['index.html']
      const pageContent = page?.type === 'asset' ? String(page.source) : ''
      const version = await buildVersion(precache, pageContent, (text) => createHash('sha256').update(text).digest('hex'))
      await fs.writeFile(path.join(options.dir ?? path.join(repoRoot, 'dist/client'), serviceWorkerFile), workerSource({ version, precache }))
    },
  }
}

export default defineConfig({
  root: 'client',
  plugins: [react(), serviceWorker()],
  build: {
    outDir: path.join(repoRoot, 'dist/client'),
    emptyOutDir: true,
    // The editor chunk (TipTap, ProseMirror, Yjs) is lazy and does not delay the first paint.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        // zod and the line that makes it jitless share one chunk, which every chunk defining a schema imports first:
        // no schema can be defined before zod is told not to probe for eval (the Content-Security-Policy forbids it).
        manualChunks(id: string) {
          if (id.includes('/node_modules/zod/') || id.endsWith('/client/app/zodConfig.ts')) return 'zod'
          // One chunk per language, fetched when the language is first used: its message catalogues, every area's.
          const language = /\/client\/i18n\/messages\/([a-z]{2})\//.exec(id)?.[1]
          if (language) return `messages-${language}`
          return undefined
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/collab': { target: server, ws: true },
      '/healthz': server,
    },
  },
  test: {
    root: repoRoot,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration and browser tests start real servers; two cores are shared between them.
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/bench/**', 'tests/e2e/**', 'node_modules/**'],
          // Builds the server (dist/server) when its sources changed: some tests run the build with plain node.
          globalSetup: ['tests/integration/globalSetup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          // Builds the client once, and only when a browser test is part of the run.
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
