/** Elements of international law as it applies to State use of ICTs, from the consensus reports, paraphrased. */
import type { FrameworkElement } from './element.ts'

interface LawFacts {
  id: string
  label: string
  title: string
  summary: string
  source: string
  verified: boolean
}

function law(facts: LawFacts): FrameworkElement {
  return { pillar: 'international-law', ...facts }
}

export const internationalLaw: FrameworkElement[] = [
  law({
    id: 'il-charter',
    label: 'IL Charter',
    title: 'International law, notably the UN Charter, applies',
    summary: 'International law, and the UN Charter in particular, applies to the ICT environment and is essential to keeping peace and stability there.',
    source: 'A/68/98 para 19; A/70/174 para 24; A/75/816 para 34; A/76/135 para 69',
    verified: true,
  }),
  law({
    id: 'il-sovereignty',
    label: 'IL Sovereignty',
    title: 'State sovereignty',
    summary: "Sovereignty and the principles that follow from it apply to States' ICT activities and to their jurisdiction over ICT infrastructure in their territory.",
    source: 'A/68/98 para 20; A/70/174 paras 27, 28(a); A/76/135 para 71',
    verified: true,
  }),
  law({
    id: 'il-sovereign-equality',
    label: 'IL Sovereign equality',
    title: 'Sovereign equality',
    summary: 'The principle that States are sovereign equals applies.',
    source: 'A/70/174 para 26',
    verified: false,
  }),
  law({
    id: 'il-peaceful-settlement',
    label: 'IL Peaceful settlement',
    title: 'Peaceful settlement of disputes',
    summary: 'States resolve their international disputes by peaceful means.',
    source: 'A/70/174 paras 26, 28(b); A/76/135 para 71',
    verified: true,
  }),
  law({
    id: 'il-non-intervention',
    label: 'IL Non-intervention',
    title: 'Non-intervention',
    summary: 'States do not intervene in the internal affairs of other States.',
    source: 'A/70/174 paras 26, 28(b); A/76/135 para 71',
    verified: true,
  }),
  law({
    id: 'il-non-use-of-force',
    label: 'IL Non-use of force',
    title: 'No threat or use of force',
    summary: 'States refrain from threatening or using force against the territorial integrity or political independence of any State.',
    source: 'A/70/174 para 26; A/76/135 para 71',
    verified: false,
  }),
  law({
    id: 'il-self-defence',
    label: 'IL Inherent right',
    title: 'Inherent right to measures recognised in the Charter',
    summary: 'States keep their inherent right to take measures that are consistent with international law and recognised in the UN Charter.',
    source: 'A/70/174 para 28(c); A/76/135 para 71',
    verified: false,
  }),
  law({
    id: 'il-human-rights',
    label: 'IL Human rights',
    title: 'Human rights and fundamental freedoms',
    summary: 'States respect and protect human rights and fundamental freedoms.',
    source: 'A/68/98 para 21; A/70/174 paras 26, 28(b); norm 13(e)',
    verified: true,
  }),
  law({
    id: 'il-ihl',
    label: 'IL IHL',
    title: 'International humanitarian law',
    summary: 'Applies only in situations of armed conflict; the principles of humanity, necessity, proportionality and distinction are noted.',
    source: 'A/70/174 para 28(d); A/76/135 para 71(f)',
    verified: false,
  }),
  law({
    id: 'il-state-responsibility',
    label: 'IL State responsibility',
    title: 'State responsibility',
    summary: 'States meet their obligations for internationally wrongful acts attributable to them and do not use proxies; that an ICT activity originates from a territory may not be enough to attribute it.',
    source: 'A/68/98 para 23; A/70/174 para 28(e)-(f); A/76/135 para 71',
    verified: false,
  }),
  law({
    id: 'il-due-diligence',
    label: 'IL Due diligence',
    title: 'Due diligence, addressed through norm c',
    summary: 'Consensus texts address due diligence through the voluntary norm 13(c), not as an agreed binding rule.',
    source: 'A/70/174 para 13(c); A/76/135 guidance on norm 13(c)',
    verified: false,
  }),
  law({
    id: 'il-compendium',
    label: 'IL Compendium',
    title: 'Compendium of national views',
    summary: 'The official compendium (A/76/136) gathers national positions on how international law applies to the use of ICTs.',
    source: 'A/76/135 para 73',
    verified: true,
  }),
]
