import type { ParticipantCategory } from '../../db/schema/values.js';

// A participant's category from the position he wrote: coverage of teachers and of management teams
// counts by it. Managers first: «заместитель директора, учитель математики» is a manager.

const RULES: [RegExp, ParticipantCategory][] = [
  [/директор|заместител|заведующ|руководител|завуч/, 'manager'],
  [/учител|педагог|воспитател|преподавател|тьютор/, 'teacher'],
  [/методист|специалист|психолог|логопед|дефектолог|социальн/, 'specialist'],
];

export function guessCategory(position: string | null | undefined): ParticipantCategory {
  const p = (position ?? '').toLowerCase().replace(/ё/g, 'е');
  for (const [re, category] of RULES) if (re.test(p)) return category;
  return 'other';
}
