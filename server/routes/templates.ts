/** `/api/templates`: the starting texts a new document can be created from. */
import { Hono } from 'hono'
import { TemplateList } from '../../shared/schema/workspace.ts'
import { templates } from '../../shared/templates/templates.ts'
import { reply, type AppEnv } from '../http.ts'

export function templateRoutes() {
  const list = templates.map(({ id, dtg, title, description }) => ({ id, dtg, title, description }))
  return new Hono<AppEnv>().get('/', (c) => reply(c, TemplateList, list))
}
