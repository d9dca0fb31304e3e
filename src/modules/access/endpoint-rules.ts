// Who may call each endpoint, declared beside the route as `x-access` in the OpenAPI document. The
// generated access matrix (tests/access-matrix.test.ts) reads it for every operation of the document:
// an endpoint without a rule fails the suite. Operations enforce the rule themselves (access inside the
// query); this list names it so that people and the matrix can check it.

export const ENDPOINT_RULES = {
  public: 'Без входа в систему',
  'signed-in': 'Любой вошедший пользователь; ответ ограничен его зоной видимости',
  admin: 'Администратор',
  'roadmap-keeper':
    'Роли, ведущие дорожные карты: региональный оператор и центр, муниципальный координатор, команда ОО',
  'region-level': 'Роли уровня региона: региональный оператор и центр, эксперт, администратор',
  'region-operator': 'Региональный оператор своего региона',
  'data-loader': 'Региональный оператор своего региона или администратор',
  'unit.keep': 'Тот, кто ведёт дорожные карты организации, указанной в запросе',
  'unit.read': 'Тот, кому видна организация',
  'unit.admin': 'Администратор; организации вне зоны видимости не существуют',
  'roadmap.read': 'Тот, кому видна дорожная карта (своя зона или утверждённая карта вышестоящего уровня)',
  'roadmap.keep': 'Тот, кто ведёт дорожную карту; видящий её без права изменения получает 403',
  'item.read': 'Тот, кому видна дорожная карта мероприятия',
  'item.keep': 'Тот, кто ведёт дорожную карту мероприятия',
  'item.confirm': 'Вышестоящий уровень: куратор или муниципалитет для школы, регион для муниципалитета',
  'item.discuss': 'Стороны исполнения: ведущий дорожную карту и подтверждающий исполнение',
  'section.keep': 'Тот, кто ведёт дорожную карту раздела',
  'task.keep': 'Организация, которой адресовано мероприятие; видящий задачу без права — 403',
  'file.read': 'Тот, кому видна дорожная карта, к которой файл приложен',
  'list.read': 'Роли уровня региона — любой список; остальные — утверждённые списки и только свои школы',
  'list.keep': 'Региональный оператор региона списка (только черновик; списки — в пути или в теле запроса)',
  'order.keep':
    'Региональный оператор региона приказа об утверждении списков; видящий его списки без права — 403',
  'run.read': 'Роли уровня региона расчёта',
  'run.keep': 'Региональный оператор региона расчёта; роли уровня региона без права — 403',
  'methodology.keep': 'Региональный оператор региона методики (в пути или в теле запроса)',
  'school.read': 'Тот, кому видна школа',
  // Risk profiles (issue 11 §3–4)
  'risk-campaign.read':
    'Тот, кому видна хотя бы одна школа кампании анкетирования; ответ — только видимые ему школы',
  'risk-campaign.compute':
    'Тот, кто проводит кампанию: региональный оператор её региона или муниципальный координатор её муниципалитета',
  'risk-verification.keep': 'Куратор школы (роль «куратор», назначенная на эту школу)',
  'risk-priorities.keep': 'Куратор школы или управленческая команда школы (пока профиль не верифицирован)',
} as const;

export type EndpointRule = keyof typeof ENDPOINT_RULES;

/** Spread into `createRoute({ … })`: puts the rule into the operation of the OpenAPI document. */
export const access = (rule: EndpointRule) => ({ 'x-access': rule }) as const;
