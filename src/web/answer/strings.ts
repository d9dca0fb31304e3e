// Words of the answering pages (phones, pupils from the 5th grade: short and plain).

export const A = {
  loading: 'Загружаем анкету…',
  progress: (n: number, of: number) => `Отвечено ${n} из ${of}`,
  submit: 'Отправить ответы',
  submitting: 'Отправляем…',
  needOne: 'Ответьте хотя бы на один вопрос',
  notNumber: (n: number) => `Вопрос ${n}: введите число (например, 12 или 3,5)`,
  unanswered: (n: number) => `Без ответа останется вопросов: ${n}. Их можно пропустить.`,
  savedHere: 'Ответы сохраняются на этом устройстве, можно вернуться позже.',
  anonymous: 'Анкета анонимная: мы не спрашиваем имя и не сохраняем данные о вас.',
  thanksTitle: 'Спасибо! Ответы отправлены',
  thanksText: 'Изменить ответы после отправки нельзя. Страницу можно закрыть.',
  alreadyTitle: 'Вы уже ответили',
  notYetTitle: 'Анкетирование ещё не началось',
  notYetText: (date: string) => `Анкета откроется ${date}. Зайдите по этой ссылке ещё раз.`,
  closedTitle: 'Анкетирование завершено',
  closedText: 'Ответы больше не принимаются. Спасибо за интерес!',
  notFoundTitle: 'Ссылка не работает',
  dates: (from: string, to: string) => `Анкетирование с ${from} по ${to}`,
  group: {
    director: 'Анкета руководителя школы',
    teacher: 'Анкета для учителя',
    pupil: 'Анкета для обучающихся',
    parent: 'Анкета для родителей',
  },
} as const;
