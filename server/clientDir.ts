/** Where the built browser client is: dist/client beside the built server, or under the repository when run from source. */
import fs from 'node:fs'
import path from 'node:path'

/** dist/client when it holds a build (`npm run build`), else null: the server then serves the API alone. */
export function builtClientDir(): string | null {
  const fromSource = import.meta.filename.endsWith('.ts')
  const dir = path.resolve(import.meta.dirname, fromSource ? '../dist/client' : '../client')
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : null
}
