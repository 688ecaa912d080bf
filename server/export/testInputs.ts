/** For the tests: written inputs from two Member States, a stakeholder and a co-facilitator, one on text no longer in the draft. */
import type { CompilationOptions, CompiledInput } from './compilation.ts'

const day = (date: number) => Date.UTC(2026, 2, date, 10)

const brazil = { name: 'Ana Silva', delegation: 'Brazil', role: 'delegation', regionalGroup: 'latin-american-caribbean' }
const coFacilitator = { name: 'Sam Jones', delegation: null, role: 'cofacilitator', regionalGroup: null }

function input(fields: Partial<CompiledInput> & Pick<CompiledInput, 'threadId' | 'author' | 'location' | 'locationOrder'>): CompiledInput {
  return { body: '', createdAt: day(1), quote: '', stakeholder: false, resolved: false, replies: [], ...fields }
}

export const testInputs: CompiledInput[] = [
  input({
    threadId: 'brazil-p3',
    author: brazil,
    location: 'Paragraph 3',
    locationOrder: 3,
    createdAt: day(10),
    quote: 'protect critical infrastructure',
    body: 'Add "and essential services".',
    replies: [{ author: { name: 'Sam Jones', delegation: null, role: 'cofacilitator' }, body: 'Noted; see Rev. 3.', createdAt: day(11) }],
  }),
  input({
    threadId: 'access-now-r1',
    author: { name: 'Lee Park', delegation: 'Access Now', role: 'stakeholder', regionalGroup: null },
    stakeholder: true,
    location: 'R1',
    locationOrder: 5,
    createdAt: day(9),
    quote: 'points of contact',
    body: 'Include *civil society* contacts.\n\nSee our submission.',
  }),
  input({
    threadId: 'argentina-p1',
    author: { name: 'Luis Pérez', delegation: 'Argentina', role: 'delegation', regionalGroup: 'latin-american-caribbean' },
    location: 'Paragraph 1',
    locationOrder: 1,
    createdAt: day(8),
    quote: 'The group recalled',
    body: 'Support.',
    resolved: true,
  }),
  input({
    threadId: 'brazil-detached',
    author: { ...brazil, regionalGroup: null },
    location: 'Detached',
    locationOrder: 0,
    createdAt: day(7),
    quote: 'a sentence since deleted',
    body: 'Please restore.',
  }),
  input({
    threadId: 'cofacilitator-p3',
    author: coFacilitator,
    location: 'Paragraph 3',
    locationOrder: 3,
    createdAt: day(12),
    quote: 'critical',
    body: 'Consider "vital".',
  }),
]

export const testCompilationOptions: CompilationOptions = {
  by: 'delegation',
  title: 'Compilation of written inputs',
  symbol: 'A/AC.292/2026/DTG.1/CRP.2',
  date: new Date(Date.UTC(2026, 2, 14)),
}
