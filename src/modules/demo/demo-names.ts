import type { Rng } from './demo-random.js';

// Synthetic Russian names and places for the demo. Combinations are random and every
// organisation name carries «(демо)»: no real school, official or address is meant.

const MALE_NAMES = [
  'Александр',
  'Алексей',
  'Андрей',
  'Антон',
  'Артём',
  'Борис',
  'Вадим',
  'Виктор',
  'Владимир',
  'Геннадий',
  'Григорий',
  'Дмитрий',
  'Евгений',
  'Игорь',
  'Илья',
  'Кирилл',
  'Константин',
  'Максим',
  'Михаил',
  'Николай',
  'Олег',
  'Павел',
  'Роман',
  'Сергей',
  'Станислав',
  'Юрий',
] as const;

const FEMALE_NAMES = [
  'Алла',
  'Анастасия',
  'Анна',
  'Валентина',
  'Вера',
  'Галина',
  'Дарья',
  'Евгения',
  'Екатерина',
  'Елена',
  'Жанна',
  'Зоя',
  'Ирина',
  'Капитолина',
  'Лариса',
  'Любовь',
  'Людмила',
  'Марина',
  'Мария',
  'Надежда',
  'Наталья',
  'Нина',
  'Оксана',
  'Ольга',
  'Светлана',
  'Тамара',
  'Татьяна',
  'Юлия',
] as const;

/** Fathers' names: [male patronymic, female patronymic]. */
const PATRONYMICS = [
  ['Александрович', 'Александровна'],
  ['Алексеевич', 'Алексеевна'],
  ['Андреевич', 'Андреевна'],
  ['Борисович', 'Борисовна'],
  ['Васильевич', 'Васильевна'],
  ['Викторович', 'Викторовна'],
  ['Владимирович', 'Владимировна'],
  ['Геннадьевич', 'Геннадьевна'],
  ['Григорьевич', 'Григорьевна'],
  ['Дмитриевич', 'Дмитриевна'],
  ['Евгеньевич', 'Евгеньевна'],
  ['Иванович', 'Ивановна'],
  ['Игоревич', 'Игоревна'],
  ['Михайлович', 'Михайловна'],
  ['Николаевич', 'Николаевна'],
  ['Олегович', 'Олеговна'],
  ['Павлович', 'Павловна'],
  ['Петрович', 'Петровна'],
  ['Сергеевич', 'Сергеевна'],
  ['Юрьевич', 'Юрьевна'],
] as const;

/** Male surnames whose female form is regular (-ов/-ев/-ин → +а, -ский → -ская). */
const SURNAMES = [
  'Аверин',
  'Белов',
  'Березин',
  'Богданов',
  'Васнецов',
  'Воронцов',
  'Голубев',
  'Громов',
  'Дементьев',
  'Добров',
  'Ершов',
  'Журавлёв',
  'Зимин',
  'Зорин',
  'Калинин',
  'Климов',
  'Корнилов',
  'Крылов',
  'Лавров',
  'Ларин',
  'Лебедев',
  'Луговской',
  'Макаров',
  'Миронов',
  'Назаров',
  'Никитин',
  'Орлов',
  'Осипов',
  'Панфилов',
  'Полянский',
  'Родионов',
  'Рябинин',
  'Савельев',
  'Соболев',
  'Сорокин',
  'Тарасов',
  'Тихомиров',
  'Уваров',
  'Филатов',
  'Фомин',
  'Чернов',
  'Шубин',
  'Яковлев',
  'Ястребов',
] as const;

export type Person = { surname: string; name: string; patronymic: string; female: boolean };

function feminine(surname: string): string {
  if (surname.endsWith('ский') || surname.endsWith('ской')) return `${surname.slice(0, -2)}ая`;
  return `${surname}а`;
}

export function randomPerson(rng: Rng, female = rng.chance(0.72)): Person {
  const male = rng.pick(SURNAMES);
  const [mp, fp] = rng.pick(PATRONYMICS);
  return {
    surname: female ? feminine(male) : male,
    name: female ? rng.pick(FEMALE_NAMES) : rng.pick(MALE_NAMES),
    patronymic: female ? fp : mp,
    female,
  };
}

/** «Фамилия Имя Отчество». */
export const fullName = (p: Person) => `${p.surname} ${p.name} ${p.patronymic}`;
/** «Фамилия И. О.», as directors are written in registries. */
export const shortPersonName = (p: Person) => `${p.surname} ${p.name.charAt(0)}. ${p.patronymic.charAt(0)}.`;

/** Villages: [name, settlement type]. */
const VILLAGES = [
  ['Берёзовка', 'с.'],
  ['Сосновка', 'с.'],
  ['Ивановка', 'с.'],
  ['Покровское', 'с.'],
  ['Никольское', 'с.'],
  ['Васильевка', 'с.'],
  ['Михайловка', 'с.'],
  ['Александровка', 'с.'],
  ['Петровское', 'с.'],
  ['Знаменка', 'с.'],
  ['Ольховка', 'д.'],
  ['Рябиновка', 'д.'],
  ['Липовка', 'с.'],
  ['Дубровка', 'д.'],
  ['Кленовка', 'д.'],
  ['Калиновка', 'с.'],
  ['Вишнёвое', 'с.'],
  ['Каменка', 'с.'],
  ['Ключи', 'с.'],
  ['Родники', 'д.'],
  ['Подгорное', 'с.'],
  ['Заозёрье', 'д.'],
  ['Большая Речка', 'с.'],
  ['Малиновка', 'д.'],
  ['Красный Яр', 'с.'],
  ['Светлое', 'с.'],
  ['Луговое', 'с.'],
  ['Ясная Поляна', 'п.'],
  ['Журавлёвка', 'д.'],
  ['Боровое', 'с.'],
  ['Песчанка', 'с.'],
  ['Черёмушки', 'п.'],
  ['Озерки', 'с.'],
  ['Садовое', 'с.'],
  ['Высокое', 'с.'],
  ['Нагорное', 'с.'],
  ['Лесные Поляны', 'п.'],
  ['Горки', 'д.'],
  ['Ручьи', 'д.'],
  ['Тополёвка', 'с.'],
  ['Белый Ключ', 'с.'],
  ['Гришино', 'д.'],
  ['Зелёный Дол', 'п.'],
  ['Курганка', 'с.'],
  ['Медведка', 'д.'],
  ['Новосёловка', 'с.'],
  ['Орловка', 'с.'],
  ['Полевое', 'с.'],
  ['Раздолье', 'с.'],
  ['Степановка', 'с.'],
] as const;

const STREETS = [
  'ул. Школьная',
  'ул. Центральная',
  'ул. Советская',
  'ул. Молодёжная',
  'ул. Садовая',
  'ул. Лесная',
  'ул. Набережная',
  'ул. Полевая',
  'ул. Мира',
  'ул. Победы',
  'пер. Учительский',
  'ул. Строителей',
  'ул. Октябрьская',
  'ул. Заречная',
  'пр-т Просвещения',
  'ул. Гагарина',
] as const;

export type Village = { name: string; type: string };

/** `count` distinct villages for one municipality. */
export function pickVillages(rng: Rng, count: number): Village[] {
  return rng
    .shuffle(VILLAGES)
    .slice(0, count)
    .map(([name, type]) => ({ name, type }));
}

export const settlementLabel = (v: Village) => `${v.type} ${v.name}`;

export function randomAddress(rng: Rng, postalPrefix: string, settlement: string): string {
  const index = `${postalPrefix}${String(rng.int(0, 99)).padStart(2, '0')}`;
  return `${index}, Демонстрационная обл., ${settlement}, ${rng.pick(STREETS)}, д. ${rng.int(1, 48)}`;
}

/** A 10-digit INN of a legal entity with a correct check digit (region code 99: not a real one). */
export function syntheticInn(rng: Rng): string {
  const digits = [9, 9, ...Array.from({ length: 7 }, () => rng.int(0, 9))];
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = digits.reduce((s, d, i) => s + d * (weights[i] ?? 0), 0);
  return `${digits.join('')}${(sum % 11) % 10}`;
}

/** 8-digit OKTMO of a municipality: 99 + the municipality's number + zeros. */
export const syntheticOktmo = (n: number) => `99${String(n * 3 + 500).padStart(3, '0')}000`;
