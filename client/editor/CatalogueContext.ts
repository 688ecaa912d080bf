/** The framework catalogue the editor's node views and pickers resolve links against. */
import { createContext, useContext } from 'react'
import type { ServedCatalogue } from '../api/catalogue.ts'

export const CatalogueContext = createContext<ServedCatalogue>({ version: 'empty', revision: 0, elements: [], pillars: [] })

export function useCatalogue(): ServedCatalogue {
  return useContext(CatalogueContext)
}
