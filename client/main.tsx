/** Entry point of the browser client. */
import './app/zodConfig.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { registerServiceWorker } from './app/serviceWorkerUpdates.ts'
import './styles/base.css'
import './styles/shell.css'
import './styles/print.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// After the page has loaded, so that precaching never competes with the first paint. Where the build wrote no
// worker (the development server), registering fails and the app simply runs without an offline copy.
window.addEventListener('load', () => void registerServiceWorker().catch(() => undefined), { once: true })
