/** Types of licenses.mjs, for the test that checks the notices written beside the built server. */
export declare function packageOfInput(input: string): { name: string; directory: string } | null
export declare function bundledPackageDirectories(metafile: { inputs: Record<string, unknown> }): string[]
export declare function thirdPartyNotices(repoRoot: string, metafile: { inputs: Record<string, unknown> }): string
