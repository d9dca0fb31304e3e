import type { AgreementKind } from '../../../db/schema/values.js';
import { WORDS } from '../../../lib/counted.js';
import { countLabel } from '../../../lib/plural.js';

// Russian words of the people module: messages of the operations, labels of the UI and the DOCX.

/** The caseload above which a curator is warned about (issue 12 §1: «warn above 3 schools»). */
export const CASELOAD_LIMIT = 3;

export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  resources: 'Ресурсное обеспечение',
  programs: 'Реализация образовательных программ',
  joint_events: 'Совместные мероприятия',
  vsoko: 'ВСОКО',
};

export const PEOPLE_MSG = {
  ownSchool: (school: string) => `Куратор работает в школе «${school}» и не может её курировать`,
  overloaded: (n: number, year: string) =>
    `У куратора ${countLabel(n, WORDS.school)} на ${year} — больше рекомендованных трёх`,
  alreadyCurated: (school: string) => `Куратор уже назначен школе «${school}» на этот год`,
  alreadyCurator: 'Этот пользователь уже есть в реестре кураторов региона',
  alreadyCoordinator: 'Этот пользователь уже назначен координатором муниципалитета на этот год',
  alreadyPaired: 'Эта пара уже закреплена на этот год',
  mentorIsSelf: 'Школа не может быть наставником самой себе',
  mentorOnList: (school: string, list: string) =>
    `Школа-наставник «${school}» сама в списке: ${list}. Проверьте выбор`,
  noLogin: 'Нет учётной записи с таким логином',
  inactive: 'Куратор выведен из реестра: назначить его нельзя',
  stillAssigned: 'У куратора есть школы этого или следующего учебного года: сначала снимите назначения',
  foreignAccount:
    'Эта учётная запись не может быть куратором региона: администратор или пользователь другого региона',
  loginTaken: (login: string) => `Логин «${login}» уже занят`,
  otherRegion: 'Организация из другого региона',
  coordinatorOrder: 'О назначении муниципальных координаторов',
  curatorOrder: 'О закреплении кураторов за школами',
  pairOrder: 'О закреплении школ-наставников',
};
