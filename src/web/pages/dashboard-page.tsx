import { Grid, Stack, Text, Title } from '@mantine/core';
import { GapsCard } from '../coverage/gaps-card.js';
import { RoadmapProgressList } from '../dashboard/roadmap-progress.js';
import { RollUpTable } from '../dashboard/roll-up-table.js';
import { SectionCard, Shown, TaskList } from '../dashboard/section-card.js';
import { StatCards } from '../dashboard/stat-cards.js';
import { type Dashboard, useDashboard } from '../dashboard/use-dashboard.js';
import { MonitoringFormsCard } from '../monitoring/monitoring-forms-card.js';
import { SchoolOrganisationCard } from '../organisation/school-organisation-card.js';
import { useMe } from '../shared/auth.js';
import { EMPTY } from '../shared/empty-states.js';
import { type FoundItem, ROLE_LABELS } from '../shared/types.js';
import { Query } from '../shared/ui.js';
import { Empty } from '../work/empty.js';
import { ItemTable } from '../work/item-table.js';

/** The start page of every role: its roadmaps, what is late, due soon or waits for it, and the units below. */
export function DashboardPage() {
  const me = useMe();
  const q = useDashboard();
  const roles = me.assignments.map((a) => `${ROLE_LABELS[a.role]} — ${a.unitName}`).join('; ');
  return (
    <Stack>
      <div>
        <Title order={2}>Рабочий стол</Title>
        <Text size="sm" c="dimmed">
          {roles || 'Роли не назначены: обратитесь к администратору'}
        </Text>
      </div>
      {/* The region's operator and a municipal coordinator are told what the organisation lacks. */}
      {me.assignments
        .filter(
          (a) =>
            (a.role === 'regional_operator' && a.unitKind === 'region') ||
            (a.role === 'municipal_coordinator' && a.unitKind === 'municipality'),
        )
        .map((a) => (
          <GapsCard key={a.orgUnitId} unitId={a.orgUnitId} />
        ))}
      {/* Helper «monitoring»: forms of the user's units in open monitorings (issue 13 §2). */}
      {me.capabilities.monitorings && <MonitoringFormsCard />}
      <Query q={q}>
        {(d) => (
          <DashboardBody
            d={d}
            receivesTasks={me.capabilities.receivesTasks || d.tasks.total > 0}
            confirms={me.capabilities.confirms || d.awaiting.total > 0}
            monitors={me.capabilities.monitors}
            keeps={me.capabilities.keepsRoadmaps}
          />
        )}
      </Query>
      {/* Helper «people»: a school's team sees its curator and mentor school on its start page. */}
      {me.assignments
        .filter((a) => a.role === 'school_team' && a.unitKind === 'school')
        .map((a) => (
          <SchoolOrganisationCard key={a.orgUnitId} schoolId={a.orgUnitId} />
        ))}
    </Stack>
  );
}

function ItemSection(props: {
  title: string;
  block: { total: number; items: FoundItem[] };
  color: string;
  to: string;
  empty: string;
  limit: number;
  testId: string;
}) {
  const { block, limit } = props;
  return (
    <SectionCard
      title={props.title}
      count={block.total}
      color={props.color}
      to={props.to}
      testId={props.testId}
    >
      {block.total === 0 ? (
        <Empty>{props.empty}</Empty>
      ) : (
        <>
          <ItemTable items={block.items.slice(0, limit)} compact />
          <Shown shown={Math.min(limit, block.items.length)} total={block.total} />
        </>
      )}
    </SectionCard>
  );
}

function DashboardBody({
  d,
  receivesTasks,
  confirms,
  monitors,
  keeps,
}: {
  d: Dashboard;
  receivesTasks: boolean;
  confirms: boolean;
  /** Follows execution: the overdue and the coming deadlines are his lists (not a teacher's). */
  monitors: boolean;
  /** Keeps some unit's roadmaps: an empty list of his own is his to fill. */
  keeps: boolean;
}) {
  const showOthers = d.ownRoadmaps.length === 0 && d.otherRoadmaps.length > 0;
  const roadmaps = (
    <SectionCard
      title={showOthers ? 'Доступные дорожные карты' : 'Мои дорожные карты'}
      count={showOthers ? d.otherRoadmaps.length : d.ownRoadmaps.length}
      to="/roadmaps"
      testId="dashboard-roadmaps"
    >
      {showOthers ? (
        <RoadmapProgressList roadmaps={d.otherRoadmaps.slice(0, 10)} />
      ) : d.ownRoadmaps.length === 0 ? (
        <Empty>{keeps ? EMPTY.ownRoadmaps : EMPTY.visibleRoadmaps}</Empty>
      ) : (
        <RoadmapProgressList roadmaps={d.ownRoadmaps} />
      )}
    </SectionCard>
  );
  const open = d.tasks.total - d.tasks.done;
  // Items awaiting confirmation come before the overdue ones when there are any, after them otherwise.
  const awaiting = (
    <ItemSection
      title="Ждут моего подтверждения"
      block={d.awaiting}
      color="orange"
      to="/work/awaiting"
      empty={EMPTY.awaiting}
      limit={8}
      testId="dashboard-awaiting"
    />
  );
  return (
    <Stack>
      <StatCards d={d} confirms={confirms} receivesTasks={receivesTasks} monitors={monitors} />
      {d.rollUp && (
        <SectionCard
          title={d.rollUp.level === 'municipality' ? 'Исполнение по муниципалитетам' : 'Исполнение по школам'}
          count={d.rollUp.units.length}
          testId="dashboard-rollup"
        >
          {d.rollUp.units.length === 0 ? (
            <Empty>{d.rollUp.level === 'municipality' ? 'Муниципалитетов нет' : 'Школ нет'}</Empty>
          ) : (
            <RollUpTable level={d.rollUp.level} units={d.rollUp.units} />
          )}
        </SectionCard>
      )}
      {receivesTasks ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 5 }}>{roadmaps}</Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <SectionCard
              title="Задачи от вышестоящего уровня"
              count={open}
              color="blue"
              to="/work/tasks"
              testId="dashboard-tasks"
            >
              {d.tasks.total === 0 ? (
                <Empty>{EMPTY.tasks}</Empty>
              ) : d.tasks.items.length === 0 ? (
                <Empty>{`Все задачи выполнены (${d.tasks.done} из ${d.tasks.total})`}</Empty>
              ) : (
                <>
                  <Text size="sm" c="dimmed">
                    Выполнено {d.tasks.done} из {d.tasks.total}
                    {d.tasks.overdue > 0 ? `, просрочено ${d.tasks.overdue}` : ''}
                  </Text>
                  <TaskList tasks={d.tasks.items.slice(0, 6)} />
                  <Shown shown={Math.min(6, d.tasks.items.length)} total={open} />
                </>
              )}
            </SectionCard>
          </Grid.Col>
        </Grid>
      ) : (
        roadmaps
      )}
      {confirms && d.awaiting.total > 0 && awaiting}
      {monitors && (
        <ItemSection
          title="Просроченные мероприятия"
          block={d.overdue}
          color="red"
          to="/work/overdue"
          empty={EMPTY.overdue}
          limit={10}
          testId="dashboard-overdue"
        />
      )}
      {confirms && d.awaiting.total === 0 && awaiting}
      {monitors && (
        <ItemSection
          title="Ближайшие сроки (30 дней)"
          block={d.upcoming}
          color="yellow"
          to="/work/upcoming"
          empty={EMPTY.upcoming}
          limit={8}
          testId="dashboard-upcoming"
        />
      )}
    </Stack>
  );
}
