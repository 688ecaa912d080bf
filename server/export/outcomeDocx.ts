/** An outcome record as DOCX: the title block, the result in bold, each objection with its reason. */
import { BorderStyle, Paragraph } from 'docx'
import type { OutcomeRecord } from '../../shared/schema/procedures.ts'
import { docxHeading, docxText, numberIndent } from './docxBlocks.ts'
import { packDocx } from './docxPage.ts'
import { noObjections, objectionHeading, outcomeFacts, outcomeStatement, outcomeTitle } from '../../shared/stage/outcomeText.ts'

const boxed = { left: { style: BorderStyle.SINGLE, size: 12, color: '2F5597', space: 8 } }

export function outcomeToDocx(record: OutcomeRecord): Promise<Uint8Array> {
  const title = outcomeTitle(record)
  const children: Paragraph[] = [new Paragraph({ spacing: { after: 240 }, children: docxText(outcomeStatement(record), { bold: true }) })]
  if (record.kind === 'silence') {
    children.push(docxHeading(2, docxText('Objections received before the deadline')))
    if (record.objections.length === 0) children.push(new Paragraph({ children: docxText(noObjections) }))
    for (const objection of record.objections) {
      children.push(
        new Paragraph({
          indent: { left: numberIndent },
          border: boxed,
          spacing: { after: 160 },
          children: [...docxText(objectionHeading(objection), { bold: true }), ...docxText(`\n${objection.reason}`)],
        }),
      )
    }
  }
  return packDocx({
    title,
    symbol: record.symbol,
    working: false,
    runningHead: [record.symbol, title].filter(Boolean).join(' | '),
    lines: outcomeFacts(record),
    children,
  })
}
