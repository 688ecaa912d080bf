/** For the tests: a small draft with every kind of block, its coverage over a few elements, and export metadata. */
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import { coverage } from '../../shared/model/coverage.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { bulletList, doc, heading, orderedList, paragraph, recommendation, text } from '../../shared/schema/draftBuilders.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import type { ExportMeta } from './exportMeta.ts'

export const testCatalogue: FrameworkCatalogue = {
  version: 'test',
  elements: builtInCatalogue.elements.filter((element) => ['threats', 'norm-a', 'norm-g', 'cbm-7'].includes(element.id)),
}

/** Numbered 1 to 4 and R1, R2; the third paragraph is a list item with a nested list. */
export const testDraftJson: DraftDocJson = doc(
  heading(1, 'I. Introduction'),
  paragraph('The group ', text('recalled', 'bold'), ' the ', text('framework', 'italic'), '.'),
  bulletList('States stressed cooperation.', [paragraph('Delegations proposed:'), orderedList('a survey;', 'a repository.')]),
  heading(2, 'II. Recommendations'),
  recommendation('rec-a', ['norm-g', 'cbm-7'], 'States are encouraged to protect critical infrastructure.', 'They should share good practice.'),
  paragraph('The group continued.'),
  recommendation('rec-b', ['norm-g'], 'States should designate points of contact.'),
)

export function testDraft(json: DraftDocJson = testDraftJson) {
  const model = toDraftModel(json, builtInCatalogue)
  return { model, coverage: coverage(model, testCatalogue) }
}

export const testMeta: ExportMeta = {
  title: 'Draft recommendations on critical infrastructure',
  symbol: 'A/AC.292/2026/DTG.1/CRP.1',
  revisionLabel: 'Rev. 2',
  date: new Date(Date.UTC(2026, 2, 12, 23, 30)),
  working: false,
}

/** What a co-facilitator sets on the document for the masthead of the submission. */
export const submissionMetadata = {
  bodyName: 'Global Mechanism on ICT security',
  session: 'First session',
  agendaItem: 'Item 3 of the provisional agenda: Dedicated thematic group 1',
}
