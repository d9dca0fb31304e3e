// The demo accounts, for the login page, the start banner and the README. Kept apart from the loader
// so that the server can import the list without the loader's dependencies.

export const DEMO_PASSWORD = 'demo';

const ACCOUNTS = [
  {
    login: 'admin',
    role: 'Администратор',
    scope:
      'вся система: пользователи, организации, справочники; единственный, кто видит реальные дорожные карты из seeds/',
  },
  {
    login: 'region',
    role: 'Региональный оператор',
    scope: 'Демонстрационная область (демо): региональные дорожные карты, вся область',
  },
  {
    login: 'center',
    role: 'Региональный центр',
    scope: 'Институт развития образования (демо): мероприятия ИРО, вся область для просмотра',
  },
  {
    login: 'municipality',
    role: 'Муниципальный координатор',
    scope: 'Северный муниципальный район (демо) и его школы',
  },
  {
    login: 'curator',
    role: 'Куратор',
    scope:
      'две ШНОР Северного муниципального района (демо): МБОУ «СОШ № 5 с. Нагорное» (демо) и МКОУ «ООШ с. Светлое» (демо)',
  },
  {
    login: 'school',
    role: 'Управленческая команда ОО',
    scope: 'МБОУ «СОШ № 5 с. Нагорное» (демо), Северный муниципальный район (демо)',
  },
  {
    login: 'school2',
    role: 'Управленческая команда ОО',
    scope: 'МБОУ «СОШ № 23 г. Краснозорск» (демо), Городской округ Краснозорск (демо)',
  },
  { login: 'expert', role: 'Эксперт', scope: 'Демонстрационная область (демо): просмотр дорожных карт' },
  {
    login: 'teacher',
    role: 'Учитель',
    scope:
      'МБОУ «СОШ № 5 с. Нагорное» (демо): свой ИОМ и результаты диагностики, свои обучающиеся группы риска, дорожные карты школы',
  },
  {
    login: 'security',
    role: 'Ответственный за информационную безопасность',
    scope: 'Демонстрационная область (демо): только журнал аудита области — кто, что и когда сделал',
  },
] as const;

export type DemoLogin = (typeof ACCOUNTS)[number]['login'];
export type DemoAccount = { login: DemoLogin; role: string; scope: string };

/** The accounts shown on the login page and in the README; every demo account has the password `demo`. */
export const DEMO_ACCOUNTS: DemoAccount[] = [...ACCOUNTS];
