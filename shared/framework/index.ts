/** The framework of responsible State behaviour as project data, with its lookups. */
export * from './builtInCatalogue.ts'
export * from './cycle.ts'
export * from './dtgs.ts'
export * from './element.ts'
export * from './lookup.ts'
export * from './mergeCatalogue.ts'
export * from './pillars.ts'
export * from './searchCatalogue.ts'
