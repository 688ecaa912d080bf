import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { bulletList, doc, heading, orderedList, paragraph, recommendation, text } from '../../shared/schema/draftBuilders.ts'
import { draftFixture } from '../../tests/bench/draftFixture.ts'
import { needing, validateAkomaNtoso } from '../../tests/helpers/externalTools.ts'
import { draftToAkomaNtoso } from './akomaNtoso.ts'
import { submissionMetadata, testDraft, testMeta } from '../../tests/fixtures/testDraft.ts'

const generatedAt = new Date(Date.UTC(2026, 2, 13, 9))
const meta = { ...testMeta, ...submissionMetadata, kind: 'recommendations', workDate: new Date(Date.UTC(2026, 0, 20)) }

function akn(json = testDraft().model, overrides: Partial<typeof meta> = {}) {
  return draftToAkomaNtoso(json, { ...meta, ...overrides }, { generatedAt })
}

const modelOf = (json: Parameters<typeof toDraftModel>[0]) => toDraftModel(json, builtInCatalogue)

/** "1. States should: (a) ...; (b) share: (i) ...; (ii) ..., and more; (c) ..., as they see fit." */
const nestedSubParagraphs = doc(
  bulletList([
    paragraph('States should:'),
    orderedList('designate contacts;', [paragraph('share:'), orderedList('policies;', 'incidents,'), paragraph('and more;')], 'report,'),
    paragraph('as they see fit.'),
  ]),
)

describe('draftToAkomaNtoso', () => {
  const schemaCheck = needing({ xmllint: 'libxml2-utils' }, 'validates against the Akoma Ntoso 3.0 schema: the test draft, a bare one, a working copy, odd characters, 300 paragraphs')
  it.runIf(schemaCheck.run)(schemaCheck.name, () => {
    const drafts = [
      akn(),
      akn(modelOf(doc(paragraph('Only one paragraph.'))), { symbol: null, bodyName: undefined, session: undefined, agendaItem: undefined, revisionLabel: null }),
      akn(modelOf(doc())),
      akn(testDraft().model, { working: true, distribution: 'limited', originalLanguage: 'zh' }),
      akn(modelOf(doc(heading(1, 'A heading with no text under it'), paragraph('bell\u0007 <tag> & "quotes"\nand a break'), heading(3, 'Deeper'), paragraph('x')))),
      akn(modelOf(draftFixture({ paragraphs: 300, recommendations: 60 }).json)),
      akn(modelOf(nestedSubParagraphs)),
    ]
    for (const xml of drafts) {
      const result = validateAkomaNtoso(xml)
      expect(result.valid, `xmllint: ${result.errors}`).toBe(true)
    }
  })

  it('writes sub-paragraphs as points of a list (a list within a point one level down, the lines after them as its wrap-up), each numbered as the editor shows it', () => {
    const xml = akn(modelOf(nestedSubParagraphs))
    expect(xml).toContain(
      '<paragraph eId="para_1"><num>1.</num><list eId="para_1__list_1"><intro><p>States should:</p></intro>' +
        '<point eId="para_1__list_1__point_a"><num>(a)</num><content><p>designate contacts;</p></content></point>' +
        '<point eId="para_1__list_1__point_b"><num>(b)</num><list eId="para_1__list_1__point_b__list_1"><intro><p>share:</p></intro>' +
        '<point eId="para_1__list_1__point_b__list_1__point_i"><num>(i)</num><content><p>policies;</p></content></point>' +
        '<point eId="para_1__list_1__point_b__list_1__point_ii"><num>(ii)</num><content><p>incidents,</p></content></point>' +
        '<wrapUp><p>and more;</p></wrapUp></list></point>' +
        '<point eId="para_1__list_1__point_c"><num>(c)</num><content><p>report,</p></content></point>' +
        '<wrapUp><p>as they see fit.</p></wrapUp></list></paragraph>',
    )
  })

  it('identifies the work by its symbol and creation date, the expression by language and date, the manifestation by when it was made', () => {
    const xml = akn()
    const work = '/akn/un/doc/recommendations/2026-01-20/A-AC.292-2026-DTG.1-CRP.1'
    expect(xml).toContain(`<FRBRWork>\n          <FRBRthis value="${work}/!main"/>\n          <FRBRuri value="${work}"/>\n          <FRBRdate date="2026-01-20" name="creation"/>`)
    expect(xml).toContain('<FRBRcountry value="un"/>')
    expect(xml).toContain('<FRBRnumber value="A/AC.292/2026/DTG.1/CRP.1"/>')
    expect(xml).toContain(`<FRBRuri value="${work}/eng@2026-03-12"/>`)
    expect(xml).toContain('<FRBRversionNumber value="Rev. 2"/>')
    expect(xml).toContain('<FRBRlanguage language="eng"/>')
    expect(xml).toContain(`<FRBRthis value="${work}/eng@2026-03-12/!main.xml"/>`)
    expect(xml).toContain('<FRBRdate date="2026-03-13" name="generation"/>')
    expect(akn(testDraft().model, { originalLanguage: 'fr' })).toContain(`<FRBRuri value="${work}/fra@2026-03-12"/>`)
  })

  it('states the masthead in the preface: symbol, distribution, date, original language, body, session, agenda item, title', () => {
    const xml = akn(testDraft().model, { distribution: 'limited' })
    expect(xml).toContain('<docNumber>A/AC.292/2026/DTG.1/CRP.1</docNumber>')
    expect(xml).toContain('Distr.: <docStatus>Limited</docStatus>')
    expect(xml).toContain('<docDate date="2026-03-12">12 March 2026</docDate>')
    expect(xml).toContain('Original: English')
    expect(xml).toContain('<docProponent>Global Mechanism on ICT security</docProponent>')
    expect(xml).toContain('<session value="First session">First session</session>')
    expect(xml).toContain('Item 3 of the provisional agenda: Dedicated thematic group 1')
    expect(xml).toContain('<docTitle>Draft recommendations on critical infrastructure</docTitle>')
  })

  it('numbers paragraphs and recommendations as the editor does, under the headings, with bold and italic kept', () => {
    const xml = akn()
    expect(xml).toContain('<section eId="sec_1"><num>I.</num><heading>Introduction</heading>')
    expect(xml).toContain('<paragraph eId="para_1"><num>1.</num><content><p>The group <b>recalled</b> the <i>framework</i>.</p></content></paragraph>')
    // Sub-paragraphs are AKN points, numbered with the letters the editor shows.
    expect(xml).toContain(
      '<paragraph eId="para_3"><num>3.</num><list eId="para_3__list_1"><intro><p>Delegations proposed:</p></intro>' +
        '<point eId="para_3__list_1__point_a"><num>(a)</num><content><p>a survey;</p></content></point>' +
        '<point eId="para_3__list_1__point_b"><num>(b)</num><content><p>a repository.</p></content></point></list></paragraph>',
    )
    expect(xml).toContain('<paragraph eId="rec_rec-b" class="recommendation"><num>R2.</num>')
    expect(xml).toContain('<paragraph eId="para_4"><num>4.</num>')
  })

  it("keeps a recommendation's eId across revisions, whatever its number", () => {
    const before = akn(modelOf(doc(recommendation('rec-kept', ['norm-g'], 'Kept.'))))
    const after = akn(modelOf(doc(recommendation('rec-new', ['cbm-7'], 'New.'), paragraph('x'), recommendation('rec-kept', ['norm-g'], 'Kept.'))))
    expect(before).toContain('<paragraph eId="rec_rec-kept" class="recommendation"><num>R1.</num>')
    expect(after).toContain('<paragraph eId="rec_rec-kept" class="recommendation"><num>R2.</num>')
    expect(after).toContain('<paragraph eId="rec_rec-new" class="recommendation"><num>R1.</num>')
  })

  it('cites each framework link as a reference to its catalogue element, listed once among the references', () => {
    const xml = akn()
    expect(xml).toContain(
      'They should share good practice. [<ref href="/akn/ontology/concepts/un/ictFramework/norm-g" refersTo="#fw_norm-g">Norm g</ref>; ' +
        '<ref href="/akn/ontology/concepts/un/ictFramework/cbm-7" refersTo="#fw_cbm-7">CBM 7</ref>]</p>',
    )
    expect(xml.match(/<TLCConcept /g)).toHaveLength(2)
    expect(xml).toContain('<TLCConcept eId="fw_norm-g" href="/akn/ontology/concepts/un/ictFramework/norm-g" showAs="Norm g — Protect its own critical infrastructure"/>')
  })

  it('escapes markup, drops characters XML forbids and marks line breaks', () => {
    const xml = akn(modelOf(doc(paragraph('a <b> & ', text('bold', 'bold'), ' c\u0001\nd'))))
    expect(xml).toContain('<p>a &lt;b&gt; &amp; <b>bold</b> c<eol/>d</p>')
  })

  it('says "Draft - not for submission" in a working copy', () => {
    expect(akn(testDraft().model, { working: true })).toContain('<docStatus>Draft - not for submission</docStatus>')
    expect(akn()).not.toContain('Draft - not for submission')
  })
})
