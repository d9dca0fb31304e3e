import { Badge, Group, Stack, Tabs, Title } from '@mantine/core';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { useDashboard } from '../dashboard/use-dashboard.js';
import { DecisionTasks } from '../organisation/decision-tasks.js';
import { useDecisionTasks } from '../organisation/meetings-api.js';
import { useMe } from '../shared/auth.js';
import { Lazy, lazyNamed } from '../shared/lazy.js';
import { workViewsOf } from '../shared/nav.js';
import { ItemsView } from '../work/items-view.js';
import { WORK_VIEW_LABELS, type WorkView } from '../work/labels.js';
import { TasksView } from '../work/tasks-view.js';

// The calendar (and its date grid) loads only when its tab is opened.
const CalendarView = lazyNamed(() => import('../work/calendar-view.js'), 'CalendarView');

const isView = (v: string | undefined, views: WorkView[]): v is WorkView => views.includes(v as WorkView);

/** The working lists across all roadmaps the user may see, one tab per view; filters stay in the address. */
export function WorkPage() {
  const { view } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // The counters on the tabs come from the start page's summary (cached when the user came from there).
  const counts = useDashboard();
  // Overdue decisions of meetings count with the overdue items (helper «meetings»).
  const overdueDecisions = useDecisionTasks('overdue').data?.length ?? 0;
  // Only the lists this user has a use for (the same as the menu); another view leads to the first.
  const views = workViewsOf(useMe().capabilities);
  if (!isView(view, views)) return <Navigate to={`/work/${views[0] ?? 'calendar'}`} replace />;
  const c = counts.data;
  const badge: Partial<Record<WorkView, { n: number; color: string }>> = c
    ? {
        tasks: { n: c.tasks.total - c.tasks.done, color: 'blue' },
        overdue: { n: c.overdue.total + overdueDecisions, color: 'red' },
        upcoming: { n: c.upcoming.total, color: 'yellow' },
        awaiting: { n: c.awaiting.total, color: 'orange' },
      }
    : {};
  const search = params.toString();

  return (
    <Stack>
      <Title order={2}>{WORK_VIEW_LABELS[view]}</Title>
      <Tabs
        value={view}
        onChange={(v) => v && navigate(`/work/${v}${search ? `?${search}` : ''}`)}
        keepMounted={false}
      >
        <Tabs.List>
          {views.map((v) => {
            const b = badge[v];
            return (
              <Tabs.Tab key={v} value={v} data-testid={`work-tab-${v}`}>
                <Group gap={6} wrap="nowrap">
                  {WORK_VIEW_LABELS[v]}
                  {b && b.n > 0 && (
                    <Badge
                      size="xs"
                      color={b.color}
                      variant={v === 'overdue' ? 'filled' : 'light'}
                      circle={b.n < 10}
                    >
                      {b.n}
                    </Badge>
                  )}
                </Group>
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value={view} pt="md">
          {view === 'tasks' ? (
            <TasksView />
          ) : view === 'calendar' ? (
            <Lazy>
              <CalendarView />
            </Lazy>
          ) : (
            <Stack>
              {/* Helper «meetings»: decisions of meetings are tasks too (issue 12 §2). */}
              {(view === 'mine' || view === 'overdue') && <DecisionTasks view={view} />}
              <ItemsView key={view} view={view} />
            </Stack>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
