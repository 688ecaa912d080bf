/** The interface's language tag, for interface text shown inside the draft (whose own language may differ). */
export function interfaceLang(): string {
  return typeof document === 'undefined' ? '' : document.documentElement.lang
}

/** The interface's direction, for interface text shown inside the draft (whose own direction may differ). */
export function interfaceDir(): 'ltr' | 'rtl' {
  return typeof document !== 'undefined' && document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr'
}

/** Marks an element drawn inside the draft as interface text: the interface's language and direction, not the text's. */
export function asInterfaceText<T extends HTMLElement>(node: T): T {
  node.lang = interfaceLang()
  node.dir = interfaceDir()
  return node
}
