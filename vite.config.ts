import path from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const repoRoot = import.meta.dirname
const server = 'http://127.0.0.1:8080'

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist/client'),
    emptyOutDir: true,
    // The editor chunk (TipTap, ProseMirror, Yjs) is lazy and does not delay the first paint.
    chunkSizeWarningLimit: 800,
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
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start real servers; two cores are shared between them.
    fileParallelism: true,
    maxWorkers: 2,
  },
})
