/** Starting texts for new documents: guiding questions per DTG focus, each tied to the framework elements it concerns. */
import type { DraftDocJson, DraftNodeJson } from '../schema/draftJson.ts'

export interface GuidingQuestion {
  question: string
  refs: string[]
}

export interface Template {
  id: string
  dtg: 1 | 2
  title: string
  description: string
  sections: Array<{ heading: string; questions: GuidingQuestion[] }>
}

export const templates: Template[] = [
  {
    id: 'dtg1-critical-infrastructure',
    dtg: 1,
    title: 'DTG 1: protecting critical infrastructure',
    description: 'Guiding questions on how States protect critical infrastructure and critical information infrastructure from ICT threats.',
    sections: [
      {
        heading: 'Understanding the threat',
        questions: [
          {
            question: 'Which ICT threats to critical infrastructure concern delegations most, and what has changed since the last report?',
            refs: ['threats', 'norm-f'],
          },
        ],
      },
      {
        heading: 'National protection',
        questions: [
          {
            question: 'How do States decide what they treat as critical infrastructure, and which national measures have proved useful in protecting it?',
            refs: ['norm-g', 'cbm-3'],
          },
          {
            question: 'What practices help States keep the ICT supply chain of critical services trustworthy?',
            refs: ['norm-i'],
          },
        ],
      },
      {
        heading: 'Cooperation and assistance',
        questions: [
          {
            question: 'How can requests for help after an incident affecting critical infrastructure be made and answered quickly, and what role should points of contact play?',
            refs: ['norm-h', 'cbm-1'],
          },
          {
            question: 'How can emergency response teams be shielded from harm and supported in cooperating across borders?',
            refs: ['norm-k'],
          },
          {
            question: 'Which forms of public-private cooperation and exchange of good practice on critical infrastructure should the plenary encourage?',
            refs: ['cbm-7', 'cbm-8'],
          },
        ],
      },
    ],
  },
  {
    id: 'dtg2-prevention-detection-response',
    dtg: 2,
    title: 'DTG 2: capacities to prevent, detect and respond',
    description: 'Guiding questions on building the capacities States need to prevent, detect and respond to ICT incidents.',
    sections: [
      {
        heading: 'Prevention',
        questions: [
          {
            question: 'Which foundational capacities (national strategies, legal frameworks, skilled people) should capacity-building put first, and how are needs identified by the States that ask for support?',
            refs: ['cbp-6', 'cbp-2'],
          },
          {
            question: 'How can vulnerability reporting and remediation be strengthened in States with fewer resources?',
            refs: ['norm-j', 'cbp-5'],
          },
        ],
      },
      {
        heading: 'Detection',
        questions: [
          {
            question: 'What would help national emergency response teams detect incidents earlier and share what they see with each other?',
            refs: ['norm-k', 'cbm-6'],
          },
        ],
      },
      {
        heading: 'Response',
        questions: [
          {
            question: 'How can States make their points of contact and assistance channels work during a significant incident?',
            refs: ['cbm-1', 'norm-h'],
          },
          {
            question: 'How should capacity-building programmes stay sustainable, inclusive and respectful of national ownership?',
            refs: ['cbp-1', 'cbp-9', 'cbp-4'],
          },
        ],
      },
    ],
  },
]

export function findTemplate(id: string): Template | undefined {
  return templates.find((template) => template.id === id)
}

const text = (value: string): DraftNodeJson => ({ type: 'text', text: value })
const italic = (value: string): DraftNodeJson => ({ type: 'text', text: value, marks: [{ type: 'italic' }] })

/**
 * The document a template starts: per section a heading, then per guiding question the question
 * (in italics) and a recommendation already linked to the question's framework elements.
 */
export function templateDocument(template: Template, newId: () => string): DraftDocJson {
  const content: DraftNodeJson[] = [{ type: 'heading', attrs: { level: 1 }, content: [text(template.title)] }]
  for (const section of template.sections) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [text(section.heading)] })
    for (const { question, refs } of section.questions) {
      content.push({ type: 'paragraph', content: [italic(`Guiding question: ${question}`)] })
      content.push({
        type: 'recommendation',
        attrs: { id: newId(), refs },
        content: [{ type: 'paragraph', content: [text('The group recommends that States ... (replace with the recommendation).')] }],
      })
    }
  }
  return { type: 'doc', content }
}
