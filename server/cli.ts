/** `npm run admin -- <command>`: administration of the workspace from the shell. */
import { parseArgs } from 'node:util'
import { Role, roles } from '../shared/schema/member.ts'
import { MemberDirectory, MemberError } from './auth/members.ts'
import { loadConfig } from './config.ts'
import { openSqlite } from './store/sqlite.ts'

const usage = `usage: npm run admin -- <command> [options]

commands:
  token --name <name> --role <${roles.join('|')}>
      adds the member if new and prints a new bearer token as the last line
  members
      lists the members

environment: DATA_DIR (default ./data)`

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

function main(argv: string[]): void {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help') {
    console.log(usage)
    return
  }
  const config = loadConfig()
  const db = openSqlite(config.dataDir)
  const members = new MemberDirectory(db)
  try {
    switch (command) {
      case 'token': {
        const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, role: { type: 'string' } } })
        if (!values.name?.trim()) fail(`token needs --name\n\n${usage}`)
        const role = Role.safeParse(values.role)
        if (!role.success) fail(`token needs --role, one of: ${roles.join(', ')}`)
        const member = members.ensureMember(values.name.trim(), role.data)
        const token = members.issueToken(member.id)
        console.log(`token for ${member.name} (${member.role}); it is shown once, keep it secret:`)
        console.log(token)
        break
      }
      case 'members':
        for (const member of members.list()) {
          console.log(`${member.id}\t${member.role}\t${member.name}\t${new Date(member.createdAt).toISOString()}`)
        }
        break
      default:
        fail(`unknown command "${command}"\n\n${usage}`)
    }
  } catch (error) {
    if (error instanceof MemberError) fail(error.message)
    throw error
  } finally {
    db.close()
  }
}

main(process.argv.slice(2))
