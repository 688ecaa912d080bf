/** A sentence in a live region with a button to put it away: the one shape of the document page's passing notices. */
import { t } from '../i18n/i18n.ts'

export function DismissibleNotice({ notice, onDismiss, className, testId }: { notice: string | null; onDismiss: () => void; className: string; testId: string }) {
  // The live region stays in the page so that screen readers announce the sentence when it appears.
  return (
    <div className={notice ? `${className} notice` : className}>
      <p role="status" aria-live="polite" data-testid={testId}>
        {notice ?? ''}
      </p>
      {notice && (
        <button type="button" className="button-quiet" onClick={onDismiss}>
          {t('app.dismiss')}
        </button>
      )}
    </div>
  )
}
