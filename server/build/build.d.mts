/** Types of build.mjs, for the tests that read which packages the built server loads from node_modules. */
export declare const runtimePackages: readonly string[]
export declare const optionalPackages: readonly string[]
