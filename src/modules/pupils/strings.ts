// Messages of the pupils' module, in Russian. None repeats a pupil's name or date of birth.
export const PUPIL_MSG = {
  notFound: 'Обучающийся не найден или недоступен',
  onlyTeam: 'Реестр обучающихся ведёт управленческая команда школы',
  notStaff: 'Выберите педагогов из штата школы',
  excluded: 'Обучающийся уже исключён из реестра',
  excludedBeforeIncluded: 'Дата исключения раньше даты включения',
  unknownCheckpoint: 'Такой контрольной точки нет в году реестра',
  measureNotFound: 'Мера поддержки не найдена',
  partnerOnlyPair: 'ФИО партнёра указывают только для пары «ученик–ученик»',
  checkpointsOwner: 'Контрольные точки задают региональный оператор для региона или команда школы для школы',
  duplicateKey: 'Ключи контрольных точек повторяются',
  summaryOnly: 'Сводка по обучающимся доступна ролям, следящим за школами',
  fewer: 'менее 5',
} as const;
