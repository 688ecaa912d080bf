/** The redline of a comparison: every block in the later version's order, words inserted and deleted, numbers of both sides. */
import type { CSSProperties } from 'react'
import type { RedlineBlock, TextSegment } from '../../shared/compare/comparison.ts'
import { directionOf, type Language } from '../../shared/i18n/languages.ts'
import type { ModelRef } from '../../shared/model/draftModel.ts'
import { interfaceLang } from '../editor/interfaceLang.ts'
import { currentLanguage, t } from '../i18n/i18n.ts'
import { CreditText } from './CreditText.tsx'
import { documentDirection, documentTextProps, type DocumentTextProps } from './documentText.ts'
import { blockChangeMessages, blockNumbers, creditLines, segmentLines } from './redlineView.ts'

/** A CSS string (for `content:`) holding `text`. */
const cssString = (text: string) => JSON.stringify(text)

/** What screen readers hear around inserted and deleted words (revisions.css reads these properties in `content`). */
function spokenMarks(): CSSProperties {
  return {
    '--redline-insertion': cssString(` [${t('revisions.spokenInsertion')}] `),
    '--redline-deletion': cssString(` [${t('revisions.spokenDeletion')}] `),
    '--redline-end': cssString(` [${t('revisions.spokenEnd')}] `),
  } as CSSProperties
}

/** `textLanguage`: the document's original language; the compared words are marked with it, the interface around them is not. */
export function Redline({ blocks, fromLabel, toLabel, textLanguage }: { blocks: readonly RedlineBlock[]; fromLabel: string; toLabel: string; textLanguage?: Language }) {
  const text = documentTextProps(textLanguage)
  return (
    <article className="redline" aria-label={t('revisions.redlineTitle', { from: fromLabel, to: toLabel })} style={spokenMarks()} dir={documentDirection(textLanguage)}>
      {/* The text's own headings follow at level 3 and below, under this one. */}
      <h2 className="visually-hidden">{t('revisions.redlineTitle', { from: fromLabel, to: toLabel })}</h2>
      {blocks.length === 0 && <p className="hint">{t('revisions.bothEmpty')}</p>}
      {blocks.map((block, index) => (
        <RedlineBlockView key={index} block={block} text={text} />
      ))}
    </article>
  )
}

/** A segment's text in its bold and italic, as its version wrote it. */
function Marked({ segment }: { segment: TextSegment }) {
  const italic = segment.italic ? <em>{segment.text}</em> : segment.text
  return <>{segment.bold ? <strong>{italic}</strong> : italic}</>
}

function Segments({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.op === 'insert' ? (
          <ins key={index}>
            <Marked segment={segment} />
          </ins>
        ) : segment.op === 'delete' ? (
          <del key={index}>
            <Marked segment={segment} />
          </del>
        ) : (
          <span key={index}>
            <Marked segment={segment} />
          </span>
        ),
      )}
    </>
  )
}

function Lines({ segments }: { segments: readonly TextSegment[] }) {
  const lines = segmentLines(segments).filter((line) => line.length > 0)
  return (
    <>
      {lines.map((line, index) => (
        <p key={index} className="redline-line">
          <Segments segments={line} />
        </p>
      ))}
    </>
  )
}

/** Interface text inside the compared text: in the interface's language and direction, whatever the document's. */
const interfaceText = () => ({ lang: interfaceLang() || undefined, dir: directionOf(currentLanguage()) })

/** "inserted on the proposal of Kenya": the accepted proposals behind the block's change. */
function Credits({ block }: { block: RedlineBlock }) {
  const lines = creditLines(block)
  if (lines.length === 0) return null
  return (
    <p className="redline-credits" {...interfaceText()} translate="yes">
      {lines.map((line, index) => (
        <span key={index} className="redline-credit">
          <CreditText line={line} />
        </span>
      ))}
    </p>
  )
}

function ChangeTag({ block }: { block: RedlineBlock }) {
  // A moved recommendation says so in its header; a moved paragraph or heading here.
  if (block.moved && block.kind !== 'recommendation') return <span className="change-tag change-tag-moved">{t('revisions.changeMoved')}</span>
  if (block.change === 'unchanged') return null
  if (block.change === 'changed' && block.kind !== 'recommendation') return null
  return <span className={`change-tag change-tag-${block.change}`}>{t(blockChangeMessages[block.change])}</span>
}

function RedlineBlockView({ block, text }: { block: RedlineBlock; text: DocumentTextProps }) {
  const numbers = blockNumbers(block)
  const className = `redline-block redline-${block.kind} change-${block.change}`
  if (block.kind === 'heading') {
    const level = (block.after ?? block.before)?.kind === 'heading' ? ((block.after ?? block.before) as { level: number }).level : 2
    return (
      <div className={`${className} redline-heading-${level}`} role="heading" aria-level={Math.min(6, level + 2)}>
        <span {...text}>
          <Segments segments={block.segments.map((segment) => ({ ...segment, text: segment.text.replace(/\n/g, ' ') }))} />
        </span>
        <ChangeTag block={block} />
      </div>
    )
  }
  if (block.kind === 'recommendation') return <RecommendationRedline block={block} className={className} text={text} />
  return (
    <div className={className} data-paragraph-number={numbers?.after ?? numbers?.before ?? undefined}>
      {numbers && <BlockNumber numbers={numbers} />}
      <div className="redline-text" {...text}>
        <Lines segments={block.segments} />
        <Credits block={block} />
      </div>
      <ChangeTag block={block} />
    </div>
  )
}

function BlockNumber({ numbers }: { numbers: NonNullable<ReturnType<typeof blockNumbers>> }) {
  const shown = numbers.after ?? numbers.before
  return (
    <span className={`redline-number${numbers.after === null ? ' is-removed' : ''}`}>
      <span className="visually-hidden">{numbers.after === null ? t('revisions.spokenWasParagraph') : t('revisions.spokenParagraph')} </span>
      {shown}
      {numbers.renumbered && <span className="redline-was">{t('revisions.wasNumber', { number: numbers.before })}</span>}
    </span>
  )
}

function RecommendationRedline({ block, className, text }: { block: RedlineBlock; className: string; text: DocumentTextProps }) {
  const numbers = blockNumbers(block)!
  const id = block.after?.kind === 'recommendation' ? block.after.id : block.before?.kind === 'recommendation' ? block.before.id : null
  const name = numbers.after ?? numbers.before ?? t('revisions.recommendation')
  const refs = block.refs ?? { kept: [], added: [], removed: [] }
  return (
    <section className={className} data-recommendation-id={id ?? undefined} aria-label={t('revisions.recommendationNamed', { name })} tabIndex={-1}>
      <header className="redline-recommendation-header">
        <span className={`recommendation-number${numbers.after === null ? ' is-removed' : ''}`}>{name}</span>
        {numbers.renumbered && (
          <span className="renumbered-marker" {...interfaceText()}>
            {t('revisions.renumberedMarker', { before: numbers.before, after: numbers.after })}
          </span>
        )}
        {block.moved && <span className="flag">{t('revisions.movedFlag')}</span>}
        <ul className="ref-chips" aria-label={t('revisions.frameworkLinksOf', { name })}>
          {refs.kept.map((ref) => (
            <RefLabel key={`kept-${ref.id}`} modelRef={ref} change="kept" />
          ))}
          {refs.added.map((ref) => (
            <RefLabel key={`added-${ref.id}`} modelRef={ref} change="added" />
          ))}
          {refs.removed.map((ref) => (
            <RefLabel key={`removed-${ref.id}`} modelRef={ref} change="removed" />
          ))}
        </ul>
        <ChangeTag block={block} />
      </header>
      <div className="redline-text" {...text}>
        <Lines segments={block.segments} />
        <Credits block={block} />
      </div>
    </section>
  )
}

function RefLabel({ modelRef, change }: { modelRef: ModelRef; change: 'kept' | 'added' | 'removed' }) {
  const label = modelRef.label
  return (
    <li className={`ref-chip redline-ref redline-ref-${change} ref-${modelRef.status}`} data-ref={modelRef.id} title={modelRef.title}>
      {change === 'added' ? (
        <ins>
          <span className="visually-hidden">{t('revisions.spokenLinkAdded')} </span>
          {label}
        </ins>
      ) : change === 'removed' ? (
        <del>
          <span className="visually-hidden">{t('revisions.spokenLinkRemoved')} </span>
          {label}
        </del>
      ) : (
        <span className="ref-label">{label}</span>
      )}
    </li>
  )
}
