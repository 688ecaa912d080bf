import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { mergeCatalogue } from '../../shared/framework/mergeCatalogue.ts'
import { coverage } from '../../shared/model/coverage.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { coverageAnnex } from './coverageAnnex.ts'
import { testCatalogue, testDraft } from '../../tests/fixtures/testDraft.ts'

describe('coverageAnnex', () => {
  it('lists every pillar and element with the recommendations linking to it by number, or as not covered', () => {
    const { model, coverage } = testDraft()
    expect(coverageAnnex(model, coverage)).toEqual([
      { title: 'Existing and potential threats', rows: [{ element: 'Threats — Existing and potential threats', recommendations: 'Not covered' }] },
      {
        title: 'Rules, norms and principles of responsible State behaviour',
        rows: [
          { element: 'Norm a — Cooperate for stability and security in the use of ICTs', recommendations: 'Not covered' },
          { element: 'Norm g — Protect its own critical infrastructure', recommendations: 'R1, R2' },
        ],
      },
      { title: 'International law', rows: [] },
      {
        title: 'Confidence-building measures',
        rows: [{ element: 'CBM 7 — Critical infrastructure protection: information and good practice', recommendations: 'R1' }],
      },
      { title: 'Capacity-building', rows: [] },
    ])
  })

  it('uses the numbers of the draft, so a recommendation moved up is cited by its new number', () => {
    const model = toDraftModel(
      doc(recommendation('later', ['cbm-7'], 'B'), paragraph('x'), recommendation('earlier', ['cbm-7'], 'A')),
      builtInCatalogue,
    )
    const cbms = coverageAnnex(model, coverage(model, testCatalogue)).find((pillar) => pillar.title === 'Confidence-building measures')
    expect(cbms?.rows).toEqual([{ element: 'CBM 7 — Critical infrastructure protection: information and good practice', recommendations: 'R1, R2' }])
  })

  it('marks retired elements and lists links the catalogue does not know last', () => {
    const catalogue = mergeCatalogue(testCatalogue, { version: 't', elements: [{ id: 'cbm-7', retired: true }] })
    const model = toDraftModel(doc(recommendation('r', ['cbm-7', 'made-up'], 'A')), catalogue)
    const annex = coverageAnnex(model, coverage(model, catalogue))
    expect(annex.find((pillar) => pillar.title === 'Confidence-building measures')?.rows).toEqual([
      { element: 'CBM 7 (retired) — Critical infrastructure protection: information and good practice', recommendations: 'R1' },
    ])
    expect(annex.at(-1)).toEqual({ title: 'Not in the framework catalogue', rows: [{ element: 'made-up', recommendations: 'R1' }] })
  })
})
