/** Elements of international law as it applies to State use of ICTs, from the consensus reports, paraphrased; paragraph numbers unverified. */
import type { FrameworkElement } from './element.ts'

interface LawFacts {
  id: string
  label: string
  title: string
  summary: string
  source: string
  substanceConfirmed?: boolean
  note?: string
  kind?: FrameworkElement['kind']
}

const substanceNote = 'Substance confirmed in consensus texts; the paragraph numbers could not be checked against the UN documents.'
const uncheckedNote = 'Neither the paragraph numbers nor the wording could be checked against the UN documents.'

/** Every paragraph number of this pillar is unverified; the note says what, if anything, was confirmed. */
function law({ substanceConfirmed, note, ...facts }: LawFacts): FrameworkElement {
  return {
    pillar: 'international-law',
    verified: false,
    ...(substanceConfirmed === undefined ? {} : { substanceConfirmed }),
    note: note ?? (substanceConfirmed ? substanceNote : uncheckedNote),
    ...facts,
  }
}

export const internationalLaw: FrameworkElement[] = [
  law({
    id: 'il-charter',
    label: 'IL Charter',
    title: 'International law, notably the UN Charter, applies',
    summary: 'International law, and the UN Charter in particular, applies to the ICT environment and is essential to keeping peace and stability there.',
    source: 'A/68/98 para 19; A/70/174 para 24; A/75/816 para 34; A/76/135 para 69',
    substanceConfirmed: true,
    note: 'Substance confirmed by A/RES/73/266 (preamble: the 2013 and 2015 GGE conclusions); paragraph numbers from recollection.',
  }),
  law({
    id: 'il-sovereignty',
    label: 'IL Sovereignty',
    title: 'State sovereignty',
    summary: "Sovereignty and the principles that follow from it apply to States' ICT activities and to their jurisdiction over ICT infrastructure in their territory.",
    source: 'A/68/98 para 20; A/70/174 paras 27, 28(a); A/76/135 para 71',
    substanceConfirmed: true,
  }),
  law({
    id: 'il-sovereign-equality',
    label: 'IL Sovereign equality',
    title: 'Sovereign equality',
    summary: 'The principle that States are sovereign equals applies.',
    source: 'A/70/174 para 26',
  }),
  law({
    id: 'il-peaceful-settlement',
    label: 'IL Peaceful settlement',
    title: 'Peaceful settlement of disputes',
    summary: 'States settle their international disputes by peaceful means.',
    source: 'A/70/174 paras 26, 28(b); A/76/135 para 71',
    substanceConfirmed: true,
  }),
  law({
    id: 'il-non-intervention',
    label: 'IL Non-intervention',
    title: 'Non-intervention',
    summary: 'States do not intervene in the internal affairs of other States.',
    source: 'A/70/174 paras 26, 28(b); A/76/135 para 71',
    substanceConfirmed: true,
  }),
  law({
    id: 'il-non-use-of-force',
    label: 'IL Non-use of force',
    title: 'No threat or use of force',
    summary: 'States refrain from the threat or use of force against the territorial integrity or political independence of any State.',
    source: 'A/70/174 para 26; A/76/135 para 71',
  }),
  law({
    id: 'il-self-defence',
    label: 'IL Inherent right',
    title: 'Inherent right to take measures consistent with international law',
    summary: 'States have the inherent right to take measures consistent with international law and as recognized in the Charter.',
    source: 'A/70/174 para 28(c); A/76/135 para 71',
    note: "Consensus wording speaks of an 'inherent right to take measures consistent with international law'; it avoids the term self-defence. Prefer that label.",
  }),
  law({
    id: 'il-human-rights',
    label: 'IL Human rights',
    title: 'Human rights and fundamental freedoms',
    summary: 'States respect and protect human rights and fundamental freedoms.',
    source: 'A/68/98 para 21; A/70/174 paras 26, 28(b); norm 13(e)',
    substanceConfirmed: true,
  }),
  law({
    id: 'il-ihl',
    label: 'IL IHL',
    title: 'International humanitarian law',
    summary: 'Applies only in situations of armed conflict; the principles of humanity, necessity, proportionality and distinction are noted.',
    source: 'A/70/174 para 28(d); A/76/135 para 71(f)',
    note: "'applies only in situations of armed conflict' is the 2021 wording (A/76/135); the four principles are noted in A/70/174 para 28(d).",
  }),
  law({
    id: 'il-state-responsibility',
    label: 'IL State responsibility',
    title: 'State responsibility',
    summary: 'States meet their obligations for internationally wrongful acts attributable to them and do not use proxies; that an ICT activity originates from a territory may not be enough to attribute it.',
    source: 'A/68/98 para 23; A/70/174 para 28(e)-(f); A/76/135 para 71',
  }),
  law({
    id: 'il-due-diligence',
    label: 'Note: due diligence',
    title: 'Due diligence: a related note on norm 13(c), not an agreed rule',
    summary: 'Consensus texts address the matter through the voluntary norm 13(c); whether due diligence is a rule of international law is not settled in them.',
    source: 'A/70/174 para 13(c); A/76/135 guidance on norm 13(c)',
    kind: 'related-note',
    note: 'An analytical note, not agreed text: show it as a related note, never as an agreed rule.',
  }),
  law({
    id: 'il-compendium',
    label: 'IL Compendium',
    title: 'Compendium of national views',
    summary: 'The official compendium (A/76/136) gathers national positions on how international law applies to the use of ICTs; there is no agreed common understanding.',
    source: 'A/76/135 para 73',
    substanceConfirmed: false,
    note: 'Paragraph number unverified (A/76/135 para 73). The compendium gathers national views; there is no agreed common understanding of how international law applies.',
  }),
]
