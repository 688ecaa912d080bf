/**
 * The built server's source maps, cut down to this project's code. The server bundles its packages, and esbuild maps
 * every byte of them too; the log translates a stack by parsing the whole map of each file a frame is in (see
 * server/ops/stackSources.ts), and a map holding the packages' mappings costs several MiB and tens of milliseconds to
 * parse. Frames in package code are left as the bundle names them, as they were when the packages loaded from
 * node_modules: their mappings become unmapped positions, so that such a frame is never given the location of the
 * project code before it on the same line.
 */

const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const digitValue = new Map([...digits].map((digit, index) => [digit, index]))

/** The numbers of one segment of a `mappings` string (base64 VLQ). */
function decodeSegment(segment) {
  const values = []
  let value = 0
  let shift = 0
  for (const digit of segment) {
    const bits = digitValue.get(digit)
    if (bits === undefined) throw new Error(`not a source map digit: ${digit}`)
    value += (bits & 31) << shift
    if (bits & 32) {
      shift += 5
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return values
}

function encodeValue(number) {
  let value = number < 0 ? (-number << 1) | 1 : number << 1
  let text = ''
  do {
    let bits = value & 31
    value >>>= 5
    if (value > 0) bits |= 32
    text += digits[bits]
  } while (value > 0)
  return text
}

/** Whether a source a map names is a package's file. */
export const isPackageSource = (source) => /(^|\/)node_modules\//.test(source)

/**
 * A copy of a source map (version 3, as esbuild writes it) whose mappings into package sources are unmapped
 * positions, consecutive ones merged; the rest is unchanged.
 */
export function projectMappingsOnly(map, keepSource = (source) => !isPackageSource(source)) {
  const keep = map.sources.map((source) => keepSource(source))
  // Running values across the whole input (all but the generated column run across lines) and the output.
  let source = 0
  let line = 0
  let column = 0
  let name = 0
  let outSource = 0
  let outLine = 0
  let outColumn = 0
  let outName = 0
  const lines = map.mappings.split(';').map((text) => {
    let generated = 0
    let outGenerated = 0
    let lastMapped = true
    const segments = []
    for (const segment of text === '' ? [] : text.split(',')) {
      const values = decodeSegment(segment)
      generated += values[0]
      if (values.length >= 4) {
        source += values[1]
        line += values[2]
        column += values[3]
        if (values.length >= 5) name += values[4]
      }
      if (values.length < 4 || !keep[source]) {
        // An unmapped position: one is enough until the next mapped segment.
        if (!lastMapped) continue
        segments.push(encodeValue(generated - outGenerated))
        outGenerated = generated
        lastMapped = false
        continue
      }
      let out = encodeValue(generated - outGenerated) + encodeValue(source - outSource) + encodeValue(line - outLine) + encodeValue(column - outColumn)
      outGenerated = generated
      outSource = source
      outLine = line
      outColumn = column
      if (values.length >= 5) {
        out += encodeValue(name - outName)
        outName = name
      }
      segments.push(out)
      lastMapped = true
    }
    return segments.join(',')
  })
  return { ...map, mappings: lines.join(';') }
}
