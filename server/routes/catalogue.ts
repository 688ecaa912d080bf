/** `/api/catalogue`: the framework catalogue in force, its history, and the secretariat's override. */
import { Hono } from 'hono'
import { CatalogueOverride, pillarTitles, pillars } from '../../shared/framework/index.ts'
import { CatalogueHistory, ServedCatalogue } from '../../shared/schema/catalogue.ts'
import { allow } from '../auth/authenticate.ts'
import type { CatalogueStore } from '../catalogue/catalogueStore.ts'
import { parseJson, reply, type AppEnv } from '../http.ts'

const pillarList = pillars.map((id) => ({ id, title: pillarTitles[id] }))

export function catalogueRoutes({ catalogue }: { catalogue: CatalogueStore }) {
  return new Hono<AppEnv>()
    .get('/', allow('catalogue.read'), (c) => reply(c, ServedCatalogue, { ...catalogue.current(), pillars: pillarList }))
    .get('/history', allow('catalogue.read'), (c) => reply(c, CatalogueHistory, catalogue.history()))
    .put('/', allow('catalogue.edit'), async (c) => {
      // An override retiring ids the catalogue lacks throws UnknownRetirementError, an ApiError (422).
      const override = await parseJson(c, CatalogueOverride)
      return reply(c, ServedCatalogue, { ...catalogue.replaceOverride(override, c.get('member').id), pillars: pillarList })
    })
}
