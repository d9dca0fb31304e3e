import { AppShell, Badge, Burger, Group, Menu, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from './notifications/bell.js';
import { LoginPage } from './pages/login-page.js';
import { api, unwrap } from './shared/api.js';
import { AuthGate, useMe } from './shared/auth.js';
import { Lazy, lazyNamed } from './shared/lazy.js';
import { NavMenu } from './shared/nav.js';
import { ROLE_LABELS } from './shared/types.js';

// Every page is its own chunk: the login form and the start page do not carry the charts,
// the import wizard, the methodology editor or the admin pages.
const AdminOrgsPage = lazyNamed(() => import('./pages/admin-orgs-page.js'), 'AdminOrgsPage');
const AdminUsersPage = lazyNamed(() => import('./pages/admin-users-page.js'), 'AdminUsersPage');
const DashboardPage = lazyNamed(() => import('./pages/dashboard-page.js'), 'DashboardPage');
const IdentificationListPage = lazyNamed(
  () => import('./pages/identification-list-page.js'),
  'IdentificationListPage',
);
const IdentificationPage = lazyNamed(() => import('./pages/identification-page.js'), 'IdentificationPage');
const ImportPage = lazyNamed(() => import('./pages/import-page.js'), 'ImportPage');
const ProfilePage = lazyNamed(() => import('./pages/profile-page.js'), 'ProfilePage');
const RoadmapPage = lazyNamed(() => import('./pages/roadmap-page.js'), 'RoadmapPage');
const RoadmapsPage = lazyNamed(() => import('./pages/roadmaps-page.js'), 'RoadmapsPage');
const HeatMapPage = lazyNamed(() => import('./risk-profiles/heat-map-page.js'), 'HeatMapPage');
const ProfileSchoolPage = lazyNamed(
  () => import('./risk-profiles/profile-school-page.js'),
  'ProfileSchoolPage',
);
const SchoolCardPage = lazyNamed(() => import('./pages/school-card-page.js'), 'SchoolCardPage');
// Questionnaire campaigns and answering (issue 11 §2).
const AnswerPage = lazyNamed(() => import('./answer/answer-page.js'), 'AnswerPage');
const CampaignsPage = lazyNamed(() => import('./risk-campaigns/campaigns-page.js'), 'CampaignsPage');
const CampaignPage = lazyNamed(() => import('./risk-campaigns/campaign-page.js'), 'CampaignPage');
const SchoolCampaignPage = lazyNamed(
  () => import('./risk-campaigns/school-campaign-page.js'),
  'SchoolCampaignPage',
);
const DirectorAnswerPage = lazyNamed(
  () => import('./risk-campaigns/director-answer-page.js'),
  'DirectorAnswerPage',
);
const OrganisationPage = lazyNamed(() => import('./organisation/organisation-page.js'), 'OrganisationPage');
const MeetingPage = lazyNamed(() => import('./organisation/meeting-page.js'), 'MeetingPage');
const EventsPage = lazyNamed(() => import('./events/events-page.js'), 'EventsPage');
const EventPage = lazyNamed(() => import('./events/event-page.js'), 'EventPage');
const GapsPage = lazyNamed(() => import('./coverage/gaps-page.js'), 'GapsPage');
// Monitoring and analysis (issue 13): each area routes its own pages below its prefix.
const IndicatorRoutes = lazyNamed(() => import('./indicators/indicator-routes.js'), 'IndicatorRoutes');
const MonitoringRoutes = lazyNamed(() => import('./monitoring/monitoring-routes.js'), 'MonitoringRoutes');
const AnalysisRoutes = lazyNamed(() => import('./analysis/analysis-routes.js'), 'AnalysisRoutes');
const ReportRoutes = lazyNamed(() => import('./reports/report-routes.js'), 'ReportRoutes');
const StaffRoutes = lazyNamed(() => import('./staff/staff-routes.js'), 'StaffRoutes');
const MyRoutePage = lazyNamed(() => import('./staff/my-route-page.js'), 'MyRoutePage');
const DiagnosticRoutes = lazyNamed(() => import('./diagnostics/diagnostic-routes.js'), 'DiagnosticRoutes');
const IndividualRouteRoutes = lazyNamed(
  () => import('./individual-routes/route-routes.js'),
  'IndividualRouteRoutes',
);
const CourseRoutes = lazyNamed(() => import('./courses/course-routes.js'), 'CourseRoutes');
const PupilRoutes = lazyNamed(() => import('./pupils/pupil-routes.js'), 'PupilRoutes');
const PeopleCoverageRoutes = lazyNamed(
  () => import('./people-coverage/people-coverage-routes.js'),
  'PeopleCoverageRoutes',
);
const PublicationRoutes = lazyNamed(() => import('./publication/publication-routes.js'), 'PublicationRoutes');
const PracticeRoutes = lazyNamed(() => import('./practices/practice-routes.js'), 'PracticeRoutes');
const NotificationRoutes = lazyNamed(
  () => import('./notifications/notification-routes.js'),
  'NotificationRoutes',
);
const AuditLogPage = lazyNamed(() => import('./audit/audit-page.js'), 'AuditLogPage');
const EscalationRoutes = lazyNamed(() => import('./escalations/escalation-routes.js'), 'EscalationRoutes');
const WorkPage = lazyNamed(() => import('./pages/work-page.js'), 'WorkPage');
const InstrumentsPage = lazyNamed(() => import('./risk-profiles/instruments-page.js'), 'InstrumentsPage');
const InstrumentEditorPage = lazyNamed(
  () => import('./risk-profiles/instrument-editor-page.js'),
  'InstrumentEditorPage',
);
// Helper «programs»: school documents (issue 11 §5).
const ProgramsPage = lazyNamed(() => import('./programs/programs-page.js'), 'ProgramsPage');
const DocumentPage = lazyNamed(() => import('./programs/document-page.js'), 'DocumentPage');
const TemplatesPage = lazyNamed(() => import('./programs/templates-page.js'), 'TemplatesPage');
const ExpertisePage = lazyNamed(() => import('./pages/expertise-page.js'), 'ExpertisePage');
const ExpertiseMinePage = lazyNamed(() => import('./pages/expertise-mine-page.js'), 'ExpertiseMinePage');
const ExpertiseReviewPage = lazyNamed(
  () => import('./pages/expertise-review-page.js'),
  'ExpertiseReviewPage',
);

export function App() {
  // The answering page of a questionnaire link is public: no sign-in, no menu (issue 11 §2).
  const { pathname } = useLocation();
  if (pathname.startsWith('/a/'))
    return (
      <Lazy>
        <Routes>
          <Route path="/a/:token" element={<AnswerPage />} />
        </Routes>
      </Lazy>
    );
  return (
    <AuthGate fallback={<LoginPage />}>
      <Shell />
    </AuthGate>
  );
}

function Shell() {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const roleLine = me.assignments.map((a) => `${ROLE_LABELS[a.role]}: ${a.unitName}`).join('; ');

  async function logout() {
    const out = await unwrap(api.POST('/api/auth/logout')).catch(() => null);
    // Signed in at an OIDC provider: sign out there too; it brings the browser back to /login.
    if (out?.providerLogoutUrl) {
      window.location.assign(out.providerLogoutUrl);
      return;
    }
    // Keep the ['me'] query attached to AuthGate: setting it to null shows the login form.
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    navigate('/');
    qc.setQueryData(['me'], null);
  }

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        {/* At 390 px the header keeps one line: a short demo badge, the name cut with «…», the role in the menu. */}
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group wrap="nowrap" gap="sm" style={{ flexShrink: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
            <Text fw={700} size="lg" component={Link} to="/">
              Опора
            </Text>
            {me.demo && (
              <Badge color="orange" variant="light" title="Демонстрационный режим">
                <Text span inherit visibleFrom="md">
                  демонстрационный режим
                </Text>
                <Text span inherit hiddenFrom="md">
                  демо
                </Text>
              </Badge>
            )}
          </Group>
          <Group wrap="nowrap" gap="xs" style={{ minWidth: 0 }}>
            <NotificationBell />
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton data-testid="user-menu" style={{ minWidth: 0, textAlign: 'right' }}>
                  <Text size="sm" fw={500} truncate="end">
                    {me.fullName}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end" visibleFrom="sm">
                    {roleLine}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label hiddenFrom="sm" maw={300}>
                  {roleLine}
                </Menu.Label>
                <Menu.Item component={Link} to="/profile">
                  Профиль и пароль
                </Menu.Item>
                <Menu.Item component="a" href="/api/docs" target="_blank">
                  Справочник API
                </Menu.Item>
                <Menu.Item color="red" onClick={logout}>
                  Выйти
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          <NavMenu me={me} onNavigate={close} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Lazy>
          <Routes>
            {/* The security officer takes no part in the work: his start page is the audit log. */}
            <Route
              path="/"
              element={me.capabilities.participant ? <DashboardPage /> : <Navigate to="/audit" replace />}
            />
            <Route path="/audit" element={<AuditLogPage />} />
            <Route path="/roadmaps" element={<RoadmapsPage />} />
            <Route path="/roadmaps/import" element={<ImportPage />} />
            <Route path="/roadmaps/:id" element={<RoadmapPage />} />
            <Route path="/identification" element={<IdentificationPage />} />
            <Route path="/identification/lists/:id" element={<IdentificationListPage />} />
            <Route path="/identification/schools/:id" element={<SchoolCardPage />} />
            <Route path="/organisation" element={<OrganisationPage />} />
            <Route path="/organisation/meetings/:id" element={<MeetingPage />} />
            <Route path="/events" element={<EventsPage />} />
            <Route path="/events/:id" element={<EventPage />} />
            <Route path="/coverage" element={<GapsPage />} />
            <Route path="/risk-profiles" element={<HeatMapPage />} />
            <Route path="/risk-profiles/schools/:id" element={<ProfileSchoolPage />} />
            <Route path="/indicators/*" element={<IndicatorRoutes />} />
            <Route path="/monitorings/*" element={<MonitoringRoutes />} />
            <Route path="/analysis/*" element={<AnalysisRoutes />} />
            <Route path="/reports/*" element={<ReportRoutes />} />
            <Route path="/staff/*" element={<StaffRoutes />} />
            <Route path="/my-route" element={<MyRoutePage />} />
            <Route path="/diagnostics/*" element={<DiagnosticRoutes />} />
            <Route path="/individual-routes/*" element={<IndividualRouteRoutes />} />
            <Route path="/courses/*" element={<CourseRoutes />} />
            <Route path="/pupils/*" element={<PupilRoutes />} />
            <Route path="/people-coverage/*" element={<PeopleCoverageRoutes />} />
            <Route path="/publication/*" element={<PublicationRoutes />} />
            <Route path="/practices/*" element={<PracticeRoutes />} />
            <Route path="/notifications/*" element={<NotificationRoutes />} />
            <Route path="/escalations/*" element={<EscalationRoutes />} />
            <Route path="/work/:view" element={<WorkPage />} />
            <Route path="/profile" element={<ProfilePage />} />
            <Route path="/risk-instruments" element={<InstrumentsPage />} />
            <Route path="/risk-instruments/:id" element={<InstrumentEditorPage />} />
            <Route path="/programs" element={<ProgramsPage />} />
            <Route path="/programs/templates" element={<TemplatesPage />} />
            <Route path="/programs/:id" element={<DocumentPage />} />
            <Route path="/admin/orgs" element={<AdminOrgsPage />} />
            <Route path="/admin/users" element={<AdminUsersPage />} />
            <Route path="/expertise" element={<ExpertisePage />} />
            <Route path="/expertise/mine" element={<ExpertiseMinePage />} />
            <Route path="/expertise/reviews/:id" element={<ExpertiseReviewPage />} />
            <Route path="/risk-campaigns" element={<CampaignsPage />} />
            <Route path="/risk-campaigns/:id" element={<CampaignPage />} />
            <Route path="/risk-campaigns/:id/schools/:schoolId" element={<SchoolCampaignPage />} />
            <Route path="/risk-campaigns/:id/schools/:schoolId/director" element={<DirectorAnswerPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Lazy>
      </AppShell.Main>
    </AppShell>
  );
}
