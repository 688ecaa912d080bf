/** Builds the server once per test run (when its sources changed), before the tests that run the build start. */
import { buildServer } from '../helpers/server.ts'

export default function buildServerOnce(): void {
  buildServer()
}
