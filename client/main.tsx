/** Entry point of the browser client. */
import './app/zodConfig.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { registerServiceWorker } from './app/serviceWorkerUpdates.ts'
import { initialLanguage, setLanguage } from './i18n/i18n.ts'
import './styles/base.css'
import './styles/shell.css'
import './styles/print.css'

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

// The interface's messages come first: the language last used here (the member's own, once signed in), else the
// browser's, else English. Only if none can be fetched does the page say so, in the six languages.
setLanguage(initialLanguage())
  .catch(() => setLanguage('en'))
  .then(render, () => {
    document.getElementById('root')!.textContent = document.getElementById('load-failed')?.textContent ?? ''
  })

// After the page has loaded, so that precaching never competes with the first paint. Where the build wrote no
// worker (the development server), registering fails and the app simply runs without an offline copy.
window.addEventListener('load', () => void registerServiceWorker().catch(() => undefined), { once: true })
