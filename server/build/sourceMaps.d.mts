/** Types of sourceMaps.mjs, for the test of stack translation on a build made as the server's is. */
export interface SourceMapV3 {
  version: number
  sources: string[]
  names: string[]
  mappings: string
  [field: string]: unknown
}
export declare const isPackageSource: (source: string) => boolean
export declare function projectMappingsOnly<Map extends SourceMapV3>(map: Map, keepSource?: (source: string) => boolean): Map
