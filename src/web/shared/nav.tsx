import { Badge, NavLink, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useDashboard } from '../dashboard/use-dashboard.js';
import { useDecisionTasks } from '../organisation/meetings-api.js';
import type { WorkView } from '../work/labels.js';
import type { Me } from './types.js';

// The menu of each role: what it can do and where it can have data (capabilities come from the server,
// modules/access/capabilities.ts). A teacher is not offered «Мои задачи» or «Ждут подтверждения»,
// which nothing ever fills for him. Hiding is a courtesy: every endpoint checks access itself.

type Caps = Me['capabilities'];

/** The working lists a user has a use for, in the order of the menu and of the work page's tabs. */
export function workViewsOf(caps: Caps): WorkView[] {
  const views: [WorkView, boolean][] = [
    ['mine', caps.keepsRoadmaps],
    ['tasks', caps.receivesTasks],
    ['overdue', caps.monitors],
    ['upcoming', caps.monitors],
    ['awaiting', caps.confirms],
    ['calendar', true],
  ];
  return views.filter(([, on]) => on).map(([v]) => v);
}

const WORK_MENU: Record<WorkView, string> = {
  mine: 'Мои задачи',
  tasks: 'К исполнению',
  overdue: 'Просроченные',
  upcoming: 'Ближайшие сроки',
  awaiting: 'Ждут подтверждения',
  calendar: 'Календарь',
};

type Entry = { to: string; label: string; count?: { n: number; color: string } };

export function NavMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const location = useLocation();
  const caps = me.capabilities;
  const views = workViewsOf(caps);
  // The counters of the start page (cached): where there is something to do, the menu says how much.
  const d = useDashboard().data;
  // Overdue decisions of meetings are overdue work too: the same count as the work page's tab.
  const overdueDecisions = useDecisionTasks('overdue').data?.length ?? 0;
  const counts: Partial<Record<WorkView, Entry['count']>> = d
    ? {
        tasks: { n: d.tasks.total - d.tasks.done, color: 'blue' },
        overdue: { n: d.overdue.total + overdueDecisions, color: 'red' },
        awaiting: { n: d.awaiting.total, color: 'orange' },
      }
    : {};
  // In the order of the year's work: lists, roadmaps, questionnaires, profiles, programs, expertise.
  const entries: Entry[] = [
    { to: '/', label: 'Рабочий стол' },
    ...(caps.identification === 'region' ? [{ to: '/identification', label: 'Выявление ШНОР' }] : []),
    ...(caps.identification === 'approved' ? [{ to: '/identification', label: 'Списки школ' }] : []),
    ...(caps.organisation ? [{ to: '/organisation', label: 'Организация работы' }] : []),
    ...(caps.coverage ? [{ to: '/coverage', label: 'Охват и пробелы' }] : []),
    { to: '/roadmaps', label: 'Дорожные карты' },
    { to: '/events', label: 'Мероприятия' },
    ...(caps.campaigns ? [{ to: '/risk-campaigns', label: 'Анкетирование' }] : []),
    ...riskProfileEntry(me),
    ...(caps.programs ? [{ to: '/programs', label: 'Программы школ' }] : []),
    ...(caps.expertiseOrganizer ? [{ to: '/expertise', label: 'Экспертиза' }] : []),
    ...(caps.expertiseReviewer ? [{ to: '/expertise/mine', label: 'Мои экспертизы' }] : []),
  ];
  // Monitoring and analysis (issue 13) under a heading of its own: the close of the year's cycle.
  const analysis = analysisEntries(caps);
  // Support of people (issue 14): a step of the cycle of its own, between planning and monitoring.
  const support = supportEntries(caps);
  // Publication and the bank of practices (issue 15): what the units show the public and each other.
  const openness: Entry[] = [
    ...(caps.publishes ? [{ to: '/publication', label: 'Публикация' }] : []),
    { to: '/practices', label: 'Банк практик' },
  ];
  // The working lists under a heading of their own: a long menu reads as two short ones. Escalations
  // (issue 15 §3) are overdue work of the units below, reported up: the same heading.
  const work: Entry[] = [
    ...views.map((v) => ({ to: `/work/${v}`, label: WORK_MENU[v], count: counts[v] })),
    ...(caps.escalations ? [{ to: '/escalations', label: 'Эскалации' }] : []),
  ];
  // The longest entry that contains the page: «Мои экспертизы» rather than «Экспертиза» on /expertise/mine.
  const within = (to: string) =>
    to === '/'
      ? location.pathname === '/'
      : location.pathname === to || location.pathname.startsWith(`${to}/`);
  const security: Entry[] = caps.audit ? [{ to: '/audit', label: 'Журнал аудита' }] : [];
  const best = [
    ...entries,
    ...support,
    ...analysis,
    ...openness,
    ...work,
    ...REFERENCE,
    ...ADMIN,
    ...security,
  ]
    .filter((e) => within(e.to))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
  const isActive = (to: string) => to === best;
  const link = (e: Entry) => (
    <NavLink
      key={e.to}
      component={Link}
      to={e.to}
      label={e.label}
      active={isActive(e.to)}
      onClick={onNavigate}
      data-testid={`nav-${e.to === '/' ? 'home' : e.to.slice(1).replace('/', '-')}`}
      rightSection={
        e.count && e.count.n > 0 ? (
          <Badge size="sm" color={e.count.color} variant={e.count.color === 'red' ? 'filled' : 'light'}>
            {e.count.n}
          </Badge>
        ) : undefined
      }
    />
  );
  // The security officer (issue 17 §7) reads the audit log and takes no part in the work: nothing else
  // in his menu would hold anything for him.
  if (!caps.participant) return <>{security.map(link)}</>;
  return (
    <>
      {entries.map(link)}
      {support.length > 0 && (
        <>
          <Text size="xs" c="dimmed" mt="md" mb={4} px="sm">
            Поддержка педагогов и обучающихся
          </Text>
          {support.map(link)}
        </>
      )}
      {analysis.length > 0 && (
        <>
          <Text size="xs" c="dimmed" mt="md" mb={4} px="sm">
            Мониторинг и анализ
          </Text>
          {analysis.map(link)}
        </>
      )}
      <Text size="xs" c="dimmed" mt="md" mb={4} px="sm">
        Открытость и практики
      </Text>
      {openness.map(link)}
      <Text size="xs" c="dimmed" mt="md" mb={4} px="sm">
        Исполнение
      </Text>
      {work.map(link)}
      {caps.riskReference && (
        <>
          <Text size="xs" c="dimmed" mt="md" mb={4} px="sm">
            Справочники
          </Text>
          {REFERENCE.map(link)}
        </>
      )}
      {caps.admin && (
        <>
          <Text size="xs" c="dimmed" mt="md" mb={4} px="sm">
            Администрирование
          </Text>
          {ADMIN.map(link)}
        </>
      )}
      {security.length > 0 && (
        <>
          <Text size="xs" c="dimmed" mt="md" mb={4} px="sm">
            Безопасность
          </Text>
          {security.map(link)}
        </>
      )}
    </>
  );
}

/** Teachers' deficits, routes, mentoring and courses; pupils at risk (issue 14). */
function supportEntries(caps: Caps): Entry[] {
  const follows = caps.people !== null && caps.people !== 'self';
  return [
    ...(caps.people === 'self' ? [{ to: '/my-route', label: 'Мой маршрут' }] : []),
    ...(follows
      ? [
          { to: '/staff', label: 'Педагоги' },
          { to: '/diagnostics', label: 'Диагностика дефицитов' },
          { to: '/individual-routes', label: 'ИОМ педагогов' },
          { to: '/staff/mentoring', label: 'Наставничество' },
          { to: '/courses', label: 'Курсы' },
          { to: '/people-coverage', label: 'Охват поддержки' },
        ]
      : []),
    ...(caps.pupils === 'summary' ? [{ to: '/pupils', label: 'Учебная неуспешность' }] : []),
    ...(caps.pupils === 'registry' || caps.pupils === 'teacher'
      ? [{ to: '/pupils', label: 'Обучающиеся группы риска' }]
      : []),
  ];
}

/** Indicators, monitorings, positive change, the effect of support, reports and decisions (issue 13). */
function analysisEntries(caps: Caps): Entry[] {
  return [
    ...(caps.analysis ? [{ to: '/indicators', label: 'Показатели' }] : []),
    ...(caps.monitorings ? [{ to: '/monitorings', label: 'Мониторинги' }] : []),
    ...(caps.analysis && caps.analysis !== 'school'
      ? [
          { to: '/analysis/positive-change', label: 'Позитивные изменения' },
          { to: '/analysis/effect', label: 'Эффект поддержки' },
        ]
      : []),
    ...(caps.reports ? [{ to: '/reports', label: 'Аналитические справки' }] : []),
    ...(caps.reports ? [{ to: '/reports/decisions', label: 'Управленческие решения' }] : []),
  ];
}

const REFERENCE: Entry[] = [{ to: '/risk-instruments', label: 'Анкеты и факторы риска' }];
const ADMIN: Entry[] = [
  { to: '/admin/orgs', label: 'Организации' },
  { to: '/admin/users', label: 'Пользователи' },
];

/** «Рисковые профили»: the heat map for those who see several schools, the own school's profile otherwise. */
function riskProfileEntry(me: Me): Entry[] {
  if (me.capabilities.riskProfiles === 'map') return [{ to: '/risk-profiles', label: 'Рисковые профили' }];
  const school = me.assignments.find((a) => a.unitKind === 'school');
  if (me.capabilities.riskProfiles === 'school' && school)
    return [{ to: `/risk-profiles/schools/${school.orgUnitId}`, label: 'Рисковый профиль' }];
  return [];
}
