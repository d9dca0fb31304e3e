import { CATEGORY_NAMES, EXCLUSION_NAMES, MEASURE_NAMES, STATUS_NAMES } from './reference.js';

// Russian lines of a pupil's history. The events carry no name, so neither do the lines.

const FIELD_NAMES: Record<string, string> = {
  classLabel: 'класс',
  category: 'категория',
  subjects: 'предметы',
  causes: 'причины',
  ovz: 'ОВЗ',
  limitedRussian: 'недостаточное владение русским языком',
  teacherIds: 'учителя',
  includedOn: 'дата включения',
  kind: 'вид',
  topic: 'тема',
  startsOn: 'начало',
  endsOn: 'окончание',
  responsibleStaffId: 'ответственный',
  partner: 'партнёр',
  notes: 'примечание',
};

const named = <T extends string>(names: Record<T, string>, v: unknown) =>
  typeof v === 'string' && v in names ? names[v as T] : String(v ?? '');

export function historyLine(type: string, payload: unknown): string {
  const p = (payload ?? {}) as Record<string, unknown>;
  const fields = () =>
    ((p.changes as { field: string }[] | undefined) ?? []).map((c) => FIELD_NAMES[c.field] ?? c.field);
  switch (type) {
    case 'pupil.created':
      return `Включён в реестр: ${String(p.classLabel)} класс, ${named(CATEGORY_NAMES, p.category).toLowerCase()}`;
    case 'pupil.updated': {
      const f = fields();
      if (p.identityChanged) f.unshift('ФИО или дата рождения');
      return `Изменено: ${f.join(', ')}`;
    }
    case 'pupil.excluded':
      return `Исключён из реестра ${String(p.excludedOn)}: ${named(EXCLUSION_NAMES, p.reason).toLowerCase()}; запись будет удалена ${String(p.purgeAfter)}`;
    case 'pupil.exported':
      return `Выгрузка всех данных по запросу родителя (${String(p.format).toUpperCase()})`;
    case 'pupil_measure.created':
      return `Добавлена мера: ${named(MEASURE_NAMES, p.kind)}`;
    case 'pupil_measure.updated':
      return `Изменена мера поддержки: ${fields().join(', ')}`;
    case 'pupil_measure.deleted':
      return `Удалена мера: ${named(MEASURE_NAMES, p.kind)}`;
    case 'pupil_result.recorded':
      return `Контрольная точка «${String(p.checkpointKey)}»: ${named(STATUS_NAMES, p.status).toLowerCase()}`;
    default:
      return type;
  }
}
