/** Zod field builders whose error messages name the field and the problem. */
import { z } from 'zod'

export interface TextLimits {
  min?: number
  max: number
}

export function requiredText(field: string, { min = 1, max }: TextLimits) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be text`) })
    .trim()
    .min(min, min === 1 ? `${field} must not be empty` : `${field} must be at least ${min} characters`)
    .max(max, `${field} must be at most ${max} characters`)
}

export function requiredBoolean(field: string) {
  return z.boolean({
    error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be true or false`),
  })
}

export function oneOf<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined ? `${field} is required` : `${field} must be one of: ${values.join(', ')}`,
  })
}
