/** The document of the client benchmarks: a long draft of plain paragraphs with recommendations between them, each linked to the framework. */
import { randomUUID } from 'node:crypto'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { resolveRef } from '../../shared/framework/lookup.ts'
import { doc, heading, paragraph, recommendation, text } from '../../shared/schema/draftBuilders.ts'
import type { DraftDocJson, DraftNodeJson } from '../../shared/schema/draftJson.ts'

export interface DraftFixture {
  json: DraftDocJson
  paragraphs: number
  recommendations: number
  /** Characters of text in the whole document. */
  characters: number
}

const sentences = [
  'States recalled that the framework of responsible State behaviour in the use of ICTs is cumulative and evolving.',
  'Several delegations stressed the importance of protecting critical infrastructure that provides services across borders.',
  'The group discussed practical cooperation between computer emergency response teams, including points of contact.',
  'Participants noted that capacity-building should be demand-driven, sustainable and respectful of national ownership.',
  'It was proposed that the secretariat compile voluntary national surveys on the implementation of the agreed norms.',
  'Delegations underlined the role of stakeholders, including the private sector, academia and civil society.',
  'The co-facilitators invited further written contributions before the next session of the Global Mechanism.',
]

/** One paragraph of about 330 characters, varying with its index; every seventh has an italic phrase. */
function paragraphText(index: number): DraftNodeJson {
  const parts = [0, 1, 2].map((k) => sentences[(index * 3 + k) % sentences.length])
  if (index % 7 === 3) return paragraph(`${parts[0]} `, text('In particular,', 'italic'), ` ${parts[1].charAt(0).toLowerCase()}${parts[1].slice(1)} ${parts[2]}`)
  return paragraph(parts.join(' '))
}

const refChoices = [['norm-g'], ['norm-f', 'cbm-7'], ['il-due-diligence'], ['norm-g', 'norm-h']]

/**
 * `paragraphs` top-level paragraphs, a level-2 heading every 50 of them, and a recommendation (one paragraph, a
 * fresh uuid, one or two links to built-in elements) after every `paragraphs / recommendations` paragraphs.
 */
export function draftFixture({ paragraphs = 300, recommendations = 60 } = {}): DraftFixture {
  for (const refs of refChoices) {
    for (const ref of refs) {
      if (resolveRef(builtInCatalogue, ref).status !== 'known') throw new Error(`the fixture links to "${ref}", which the built-in catalogue does not hold`)
    }
  }
  const every = Math.max(1, Math.floor(paragraphs / recommendations))
  const blocks: DraftNodeJson[] = [heading(1, 'Annual summary and recommendations (benchmark draft)')]
  let made = 0
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) blocks.push(heading(2, `Section ${i / 50 + 1}`))
    blocks.push(paragraphText(i))
    if ((i + 1) % every === 0 && made < recommendations) {
      blocks.push(
        recommendation(
          randomUUID(),
          refChoices[made % refChoices.length],
          `Recommendation ${made + 1}: States are encouraged to ${sentences[made % sentences.length].charAt(0).toLowerCase()}${sentences[made % sentences.length].slice(1)}`,
        ),
      )
      made++
    }
  }
  const json = doc(...blocks)
  let characters = 0
  const count = (node: DraftNodeJson) => {
    characters += node.text?.length ?? 0
    node.content?.forEach(count)
  }
  count(json)
  return { json, paragraphs, recommendations: made, characters }
}
