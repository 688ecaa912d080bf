/** The eleven voluntary norms of responsible State behaviour (A/70/174 para 13 (a)-(k)), paraphrased. */
import type { FrameworkElement } from './element.ts'

function norm(letter: string, title: string, summary: string): FrameworkElement {
  return {
    id: `norm-${letter}`,
    pillar: 'norms',
    label: `Norm ${letter}`,
    title,
    summary,
    source: `A/70/174 para 13(${letter})`,
    verified: true,
  }
}

export const norms: FrameworkElement[] = [
  norm(
    'a',
    'Cooperate for a stable and secure ICT environment',
    'Consistent with the purposes of the UN, States work together on measures that make ICT use more stable and secure and that prevent ICT practices acknowledged as harmful or as a threat to international peace.',
  ),
  norm(
    'b',
    'Consider all relevant information on ICT incidents',
    'Before concluding on an ICT incident, States take everything relevant into account: the wider context, the challenges of attribution, and the nature and extent of the consequences.',
  ),
  norm(
    'c',
    'No knowing use of territory for wrongful ICT acts',
    'States do not knowingly let their territory be used for internationally wrongful acts committed by means of ICTs.',
  ),
  norm(
    'd',
    'Cooperate against criminal and terrorist use of ICTs',
    'States look for the best ways to exchange information, assist each other and prosecute the criminal and terrorist use of ICTs, and to act jointly in other ways, developing new measures where needed.',
  ),
  norm(
    'e',
    'Respect human rights and privacy when securing ICTs',
    'In making ICT use secure, States respect the Human Rights Council and General Assembly resolutions on human rights online and on privacy in the digital age, and respect human rights in full, freedom of expression included.',
  ),
  norm(
    'f',
    'No ICT activity that damages critical infrastructure',
    'No State conducts or knowingly supports ICT activity, contrary to its obligations under international law, that intentionally damages critical infrastructure or impairs the services it provides to the public.',
  ),
  norm(
    'g',
    'Safeguard its own critical infrastructure',
    'Each State takes appropriate measures to protect its own critical infrastructure from ICT threats, taking account of GA resolution 58/199 and related resolutions.',
  ),
  norm(
    'h',
    'Answer appropriate requests for assistance',
    'States answer appropriate requests for help from a State whose critical infrastructure suffers malicious ICT acts, and requests to mitigate such activity coming from their own territory, with due regard for sovereignty.',
  ),
  norm(
    'i',
    'Integrity of the ICT supply chain',
    'States take reasonable steps so that users can rely on the security of ICT products, and seek to stop the spread of malicious ICT tools and techniques and the use of harmful hidden functions.',
  ),
  norm(
    'j',
    'Responsible reporting of ICT vulnerabilities',
    'States encourage responsible reporting of ICT vulnerabilities and share what they know of available remedies, to reduce threats to ICTs and to the infrastructure that depends on them.',
  ),
  norm(
    'k',
    'Protect authorised emergency response teams',
    "States neither harm nor knowingly support harm to another State's authorised emergency response teams (CERTs/CSIRTs), and do not use their own authorised teams for malicious international activity.",
  ),
]
