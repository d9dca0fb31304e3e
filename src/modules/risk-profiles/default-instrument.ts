import { DEFAULT_RISK_FACTORS } from './default-factors.js';
import { type Instrument, instrumentSchema } from './instrument.js';

// PLACEHOLDER until the full default instrument lands (issue 11 §1): one scale item per factor and
// group so that the demo and the tests have a valid instrument. To be replaced as a whole.

const scale = [
  { value: '1', label: 'Да', risk: 0 },
  { value: '2', label: 'Скорее да', risk: 0.33 },
  { value: '3', label: 'Скорее нет', risk: 0.67 },
  { value: '4', label: 'Нет', risk: 1 },
];

export const DEFAULT_INSTRUMENT: Instrument = instrumentSchema.parse({
  id: 'opora-risk-instrument',
  version: 1,
  title: 'Анкеты рискового профиля школы (черновик системы)',
  factors: DEFAULT_RISK_FACTORS.map(({ code, name }) => ({ code, name })),
  items: DEFAULT_RISK_FACTORS.flatMap((f) =>
    (['director', 'teacher', 'pupil', 'parent'] as const).map((group) => ({
      id: `${group}-${f.code}`,
      group,
      factor: f.code,
      type: 'scale',
      text: `Всё ли хорошо в школе по теме «${f.name}»?`,
      options: scale,
    })),
  ),
  rule: {
    id: 'opora-risk-default',
    thresholds: { high: 0.6, medium: 0.4, low: 0.2 },
    minRespondents: { director: 1, teacher: 5, pupil: 5, parent: 5 },
  },
});
