/** The interface's language tag, for interface text shown inside the draft (whose own language may differ). */
export function interfaceLang(): string {
  return typeof document === 'undefined' ? '' : document.documentElement.lang
}
