/**
 * Catches what a screen throws (most often a lazily loaded screen that could not be fetched) and shows it in place,
 * with "Try again", instead of leaving the page blank. It tries again by itself when the network comes back.
 */
import { Component, type ReactNode } from 'react'
import { errorMessage } from '../api/errorMessage.ts'
import { t } from '../i18n/i18n.ts'
import { retryFailedScreens } from './lazyScreen.ts'

/** Browsers' words for a screen's code that could not be fetched (Chromium, Firefox, Safari). */
const fetchFailure = /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i

/** Why the screen failed: a fetch that failed in the reader's language, anything else as it was thrown. */
function screenErrorText(error: Error): string {
  return fetchFailure.test(error.message) ? t('app.errorScreenFetch') : errorMessage(error)
}

interface Props {
  /** What failed, for the message, from the catalogue and worded as the object of "show": "this page", "the sign-out dialog". */
  what: string
  children: ReactNode
  /** When it changes (another page was opened), an error shown is forgotten. */
  resetKey?: string
  /** Offered beside "Try again" when the screen is a dialog that can be left. */
  onDismiss?: () => void
}

interface State {
  error: Error | null
}

export class ScreenBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidMount() {
    window.addEventListener('online', this.retry)
  }

  override componentDidUpdate(previous: Props) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.retry()
  }

  override componentWillUnmount() {
    window.removeEventListener('online', this.retry)
  }

  retry = () => {
    if (!this.state.error) return
    retryFailedScreens()
    this.setState({ error: null })
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false
    return (
      <div className="notice notice-error screen-error" role="alert" data-testid="screen-error">
        <p>{offline ? t('app.showFailedOffline', { what: this.props.what }) : t('app.showFailed', { what: this.props.what, reason: screenErrorText(error) })}</p>
        <div className="screen-error-actions">
          <button type="button" onClick={this.retry}>
            {t('app.tryAgain')}
          </button>
          {this.props.onDismiss && (
            <button type="button" className="button-quiet" onClick={this.props.onDismiss}>
              {t('app.close')}
            </button>
          )}
        </div>
      </div>
    )
  }
}
