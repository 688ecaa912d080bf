/** For the tests: a comparison made by hand (one edited paragraph, a recommendation added, one edited and renumbered, one removed, one unchanged). */
import type { Comparison, RecommendationSide } from '../../shared/compare/comparison.ts'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import type { RecommendationBlock } from '../../shared/model/draftModel.ts'
import { recommendationsOf } from '../../shared/model/draftModel.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import type { ComparisonMeta } from './redlineLayout.ts'

const before = toDraftModel(
  doc(
    heading(1, 'Recommendations'),
    paragraph('States should cooperate.'),
    recommendation('rec-a', ['norm-g', 'cbm-7'], 'Protect infrastructure.'),
    recommendation('rec-gone', ['norm-a'], 'Old idea.'),
    recommendation('rec-same', ['norm-b'], 'Same.'),
  ),
  builtInCatalogue,
)
const after = toDraftModel(
  doc(
    heading(1, 'Recommendations'),
    paragraph('States should cooperate closely.'),
    recommendation('rec-new', ['cbm-7'], 'New idea.'),
    recommendation('rec-a', ['norm-g', 'norm-h'], 'Protect critical infrastructure.'),
    recommendation('rec-same', ['norm-b'], 'Same.'),
  ),
  builtInCatalogue,
)

function recommendationIn(model: typeof before, id: string): RecommendationBlock {
  return recommendationsOf(model).find((block) => block.id === id)!
}

function side(block: RecommendationBlock): RecommendationSide {
  return { number: block.number, refs: block.refs, text: block.text }
}

const ref = (model: typeof before, id: string, refId: string) => recommendationIn(model, id).refs.find((entry) => entry.id === refId)!

export const testComparison: Comparison = {
  blocks: [
    { change: 'unchanged', kind: 'heading', before: before.blocks[0], after: after.blocks[0], segments: [{ op: 'equal', text: 'Recommendations' }] },
    {
      change: 'changed',
      kind: 'paragraph',
      before: before.blocks[1],
      after: after.blocks[1],
      segments: [
        { op: 'equal', text: 'States should cooperate' },
        { op: 'insert', text: ' closely' },
        { op: 'equal', text: '.' },
      ],
    },
    {
      change: 'added',
      kind: 'recommendation',
      before: null,
      after: recommendationIn(after, 'rec-new'),
      segments: [{ op: 'insert', text: 'New idea.' }],
      refs: { kept: [], added: [ref(after, 'rec-new', 'cbm-7')], removed: [] },
    },
    {
      change: 'changed',
      kind: 'recommendation',
      before: recommendationIn(before, 'rec-a'),
      after: recommendationIn(after, 'rec-a'),
      segments: [
        { op: 'equal', text: 'Protect ' },
        { op: 'insert', text: 'critical ' },
        { op: 'equal', text: 'infrastructure.' },
      ],
      refs: { kept: [ref(after, 'rec-a', 'norm-g')], added: [ref(after, 'rec-a', 'norm-h')], removed: [ref(before, 'rec-a', 'cbm-7')] },
    },
    { change: 'removed', kind: 'recommendation', before: recommendationIn(before, 'rec-gone'), after: null, segments: [{ op: 'delete', text: 'Old idea.' }] },
    {
      change: 'unchanged',
      kind: 'recommendation',
      before: recommendationIn(before, 'rec-same'),
      after: recommendationIn(after, 'rec-same'),
      segments: [{ op: 'equal', text: 'Same.' }],
    },
  ],
  recommendations: [
    { id: 'rec-new', changes: ['added'], before: null, after: side(recommendationIn(after, 'rec-new')), summary: 'R1 added' },
    {
      id: 'rec-a',
      changes: ['text', 'links', 'renumbered'],
      before: side(recommendationIn(before, 'rec-a')),
      after: side(recommendationIn(after, 'rec-a')),
      summary: 'R1 is now R2; text and links changed',
    },
    { id: 'rec-same', changes: [], before: side(recommendationIn(before, 'rec-same')), after: side(recommendationIn(after, 'rec-same')), summary: '' },
    { id: 'rec-gone', changes: ['removed'], before: side(recommendationIn(before, 'rec-gone')), after: null, summary: 'R2 removed' },
  ],
  summary: {
    paragraphsAdded: 0,
    paragraphsRemoved: 0,
    paragraphsChanged: 1, paragraphsMoved: 0,
    recommendationsAdded: 1,
    recommendationsRemoved: 1,
    recommendationsChanged: 1,
    recommendationsRenumbered: 1,
  },
}

export const testComparisonMeta: ComparisonMeta = {
  title: 'Draft recommendations on critical infrastructure',
  symbol: 'A/AC.292/2026/DTG.1/CRP.1',
  fromLabel: 'Rev. 1',
  toLabel: 'Rev. 2',
  date: new Date(Date.UTC(2026, 2, 12)),
}
