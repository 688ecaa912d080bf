/**
 * A PostgreSQL schema of its own for a test run: created empty in the test database, reached through a URL whose
 * connection options set the search_path to it, and dropped after.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The test database: 127.0.0.1:5432, trust auth, user postgres, database `test` (TEST_DATABASE_URL to change). */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

export interface TestSchema {
  name: string
  /** DATABASE_URL for a server or store using this schema. */
  url: string
  drop(): Promise<void>
}

export function urlWithSearchPath(url: string, schema: string): string {
  const parsed = new URL(url)
  parsed.searchParams.set('options', `-c search_path=${schema}`)
  return parsed.toString()
}

export async function createTestSchema(): Promise<TestSchema> {
  const name = `t_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: testDatabaseUrl })
  await client.connect()
  try {
    await client.query(`CREATE SCHEMA ${name}`)
  } finally {
    await client.end()
  }
  return {
    name,
    url: urlWithSearchPath(testDatabaseUrl, name),
    async drop() {
      const admin = new pg.Client({ connectionString: testDatabaseUrl })
      await admin.connect()
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)
      } finally {
        await admin.end()
      }
    },
  }
}
