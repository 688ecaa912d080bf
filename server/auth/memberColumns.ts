/** The member columns queries select, and the rows they give read back as members: written once for every store. */
import type { Member } from '../../shared/schema/member.ts'

const fields = [
  ['id', 'id'],
  ['name', 'name'],
  ['role', 'role'],
  ['delegation', 'delegation'],
  ['regional_group', 'regionalGroup'],
] as const satisfies ReadonlyArray<readonly [string, keyof Member]>

const capitalised = (name: string) => name[0]!.toUpperCase() + name.slice(1)

/**
 * `m.id AS "id", m.name AS "name", ..., m.regional_group AS "regionalGroup"` for the members table under `alias`;
 * with a `prefix`, each named `<prefix>Id`, `<prefix>Name`, ... (for a row that carries a member beside other things).
 * The names are quoted: PostgreSQL folds unquoted ones to lower case.
 */
export function memberColumns(alias = 'm', prefix = ''): string {
  const source = alias ? `${alias}.` : ''
  return fields.map(([column, key]) => `${source}${column} AS "${prefix ? prefix + capitalised(key) : key}"`).join(', ')
}

/** The member a row selected with `memberColumns(alias, prefix)` carries. */
export function memberOfRow(row: object, prefix = ''): Member {
  const values = row as Record<string, unknown>
  return Object.fromEntries(fields.map(([, key]) => [key, values[prefix ? prefix + capitalised(key) : key]])) as unknown as Member
}
