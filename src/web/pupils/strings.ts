import type { Cell } from '../../modules/pupils/suppress.js';

export {
  CATEGORY_NAMES,
  CAUSE_GROUPS,
  causeName,
  DYNAMICS_NAMES,
  EXCLUSION_NAMES,
  MEASURE_NAMES,
  STATUS_NAMES,
} from '../../modules/pupils/reference.js';

export const P = {
  title: 'Обучающиеся группы риска',
  summaryTitle: 'Учебная неуспешность: сводка без персональных данных',
  add: 'Включить в реестр',
  empty: 'В реестре никого нет',
  teacherNote: 'Показаны только обучающиеся, у которых вы указаны учителем.',
  privacy:
    'Персональные данные обучающихся видят только управленческая команда школы и учителя обучающегося. Каждое открытие карточки записывается.',
  aggregatesNote:
    'Только числа и доли — обо всех обучающихся, состоявших в реестрах за учебный год (и исключённых из них). Значения от 1 до 4 показаны как «менее 5»; «скрыто» — значение, по которому иначе можно вычислить скрытое.',
} as const;

export const cellText = (c: Cell) => (typeof c === 'number' ? String(c) : c);
