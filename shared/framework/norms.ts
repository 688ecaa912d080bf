/** The eleven voluntary norms of responsible State behaviour (A/70/174 para 13 (a)-(k)): what States should or should not do. */
import type { FrameworkElement } from './element.ts'

const normsNote =
  "Normative wording: every summary says what States 'should' do; the norms are voluntary and non-binding. Only para 13(f) was confirmed in a cited source; the other letters follow the order of the list."

function norm(letter: string, title: string, summary: string): FrameworkElement {
  return {
    id: `norm-${letter}`,
    pillar: 'norms',
    label: `Norm ${letter}`,
    title,
    summary,
    source: `A/70/174 para 13(${letter})`,
    verified: true,
    note: normsNote,
  }
}

export const norms: FrameworkElement[] = [
  norm(
    'a',
    'Cooperate for stability and security in the use of ICTs',
    'Consistent with the purposes of the United Nations, States should cooperate in developing and applying measures to increase stability and security in the use of ICTs and to prevent ICT practices that are acknowledged to be harmful or that may pose threats to international peace and security.',
  ),
  norm(
    'b',
    'Consider all relevant information on ICT incidents',
    'When ICT incidents occur, States should consider all relevant information, including the larger context of the event, the challenges of attribution in the ICT environment and the nature and extent of the consequences.',
  ),
  norm(
    'c',
    'No knowing use of territory for wrongful ICT acts',
    'States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs.',
  ),
  norm(
    'd',
    'Cooperate against criminal and terrorist use of ICTs',
    'States should consider how best to cooperate to exchange information, assist each other, prosecute terrorist and criminal use of ICTs and implement other cooperative measures against such threats; they may need to consider whether new measures need to be developed.',
  ),
  norm(
    'e',
    'Respect human rights and privacy when securing ICTs',
    'In ensuring the secure use of ICTs, States should respect Human Rights Council resolutions 20/8 and 26/13 on human rights on the Internet and General Assembly resolutions 68/167 and 69/166 on the right to privacy in the digital age, to guarantee full respect for human rights, including the right to freedom of expression.',
  ),
  norm(
    'f',
    'No ICT activity that damages critical infrastructure',
    'A State should not conduct or knowingly support ICT activity contrary to its obligations under international law that intentionally damages critical infrastructure or otherwise impairs its use and operation to provide services to the public.',
  ),
  norm(
    'g',
    'Protect its own critical infrastructure',
    'States should take appropriate measures to protect their critical infrastructure from ICT threats, taking into account General Assembly resolution 58/199 and other relevant resolutions.',
  ),
  norm(
    'h',
    'Answer appropriate requests for assistance',
    'States should respond to appropriate requests for assistance from a State whose critical infrastructure is subject to malicious ICT acts, and to appropriate requests to mitigate such activity emanating from their territory, with due regard for sovereignty.',
  ),
  norm(
    'i',
    'Integrity of the ICT supply chain',
    'States should take reasonable steps to ensure the integrity of the supply chain so that end users can have confidence in the security of ICT products, and should seek to prevent the proliferation of malicious ICT tools and techniques and the use of harmful hidden functions.',
  ),
  norm(
    'j',
    'Responsible reporting of ICT vulnerabilities',
    'States should encourage responsible reporting of ICT vulnerabilities and share associated information on available remedies, to limit and possibly eliminate potential threats to ICTs and ICT-dependent infrastructure.',
  ),
  norm(
    'k',
    'No harm to authorized emergency response teams',
    "States should not conduct or knowingly support activity to harm the information systems of another State's authorized emergency response teams, and a State should not use authorized emergency response teams to engage in malicious international activity.",
  ),
]
