import fs from 'node:fs';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../lib/errors.js';
import { ActorCache } from '../modules/auth/actor-cache.js';
import '../lib/zod-ru.js';
import type { Deps, Env } from './context.js';
import { demoGate } from './demo-gate.js';
import { apiReferencePage, apiReferenceScript } from './docs-page.js';
import { errorResponse, validationHook } from './errors.js';
import { inputGuard } from './input-guard.js';
import { observe } from './observe.js';
import { walCookie } from './report-db.js';
import { analysisRoutes } from './routes/analysis.js';
import { assessmentRoutes } from './routes/assessment.js';
import { assessmentTableRoutes } from './routes/assessment-tables.js';
import { auditLogRoutes } from './routes/audit-log.js';
import { authRoutes } from './routes/auth.js';
import { authOidcRoutes } from './routes/auth-oidc.js';
import { courseRoutes } from './routes/courses.js';
import { coverageRoutes } from './routes/coverage.js';
import { diagnosticRoutes } from './routes/diagnostics.js';
import { escalationRoutes } from './routes/escalations.js';
import { eventRoutes } from './routes/events.js';
import { expertiseRoutes } from './routes/expertise.js';
import { identificationListRoutes } from './routes/identification-lists.js';
import { identificationRunRoutes } from './routes/identification-runs.js';
import { importRoutes } from './routes/imports.js';
import { indicatorRoutes } from './routes/indicators.js';
import { individualRouteRoutes } from './routes/individual-routes.js';
import { itemRoutes } from './routes/items.js';
import { meetingRoutes } from './routes/meetings.js';
import { mentorshipRoutes } from './routes/mentorships.js';
import { mfaRoutes } from './routes/mfa.js';
import { miscRoutes } from './routes/misc.js';
import { monitoringRoutes } from './routes/monitorings.js';
import { notificationRoutes } from './routes/notifications.js';
import { operationsRoutes } from './routes/operations.js';
import { organisationPairRoutes } from './routes/organisation-pairs.js';
import { organisationPeopleRoutes } from './routes/organisation-people.js';
import { orgRoutes } from './routes/orgs.js';
import { peopleCoverageRoutes } from './routes/people-coverage.js';
import { practiceRoutes } from './routes/practices.js';
import { programRoutes } from './routes/programs.js';
import { publicSiteRoutes } from './routes/public-site.js';
import { publicationRoutes } from './routes/publication.js';
import { pupilRoutes } from './routes/pupils.js';
import { regionExportRoutes } from './routes/region-exports.js';
import { reportRoutes } from './routes/reports.js';
import { riskAnswerRoutes } from './routes/risk-answer.js';
import { riskCampaignRoutes } from './routes/risk-campaigns.js';
import { riskInstrumentRoutes } from './routes/risk-instruments.js';
import { riskProfileRoutes } from './routes/risk-profiles.js';
import { roadmapRoutes } from './routes/roadmaps.js';
import { routeActivityRoutes } from './routes/route-activities.js';
import { sessionRoutes } from './routes/sessions.js';
import { staffRoutes } from './routes/staff.js';
import { taskRoutes } from './routes/tasks.js';
import { userIdentityRoutes } from './routes/user-identities.js';
import { userRoutes } from './routes/users.js';
import { csrfGuard, forgetActorsAfterChange, securityHeaders, sessionLoader } from './security.js';
import { serveWeb } from './web-static.js';

export function createApp(given: Deps, opts: { webDir?: string } = {}) {
  // Every sign-in (finishSignIn) asks the configured MFA_REQUIRED_ROLES through the session settings.
  const deps: Deps = {
    ...given,
    sessions: { mfaRequiredRoles: given.config.mfaRequiredRoles, ...given.sessions },
  };
  const app = new OpenAPIHono<Env>({ defaultHook: validationHook });
  app.onError(errorResponse);
  // First in, last out: the request id, the log line and the HTTP metrics of every request (issue 17 §8).
  app.use('*', observe(deps));
  app.use('*', securityHeaders);
  app.use('/api/*', demoGate(deps.demo));
  const limitBody = bodyLimit({
    // Room for the multipart envelope around the largest allowed file.
    maxSize: deps.config.uploadMaxBytes + 1024 * 1024,
    onError: () => {
      throw new AppError(
        'TOO_LARGE',
        `Файл или запрос больше допустимых ${Math.round(deps.config.uploadMaxBytes / 1048576)} МБ`,
      );
    },
  });
  // GET and HEAD carry no body; asking for one would build the full web Request (profiled in 0012).
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );
  app.use('/api/*', csrfGuard);
  app.use('/api/*', inputGuard(app));
  app.use('/api/*', sessionLoader(deps, deps.actorCache ?? new ActorCache()));
  app.use('/api/*', walCookie(deps));
  // An actor carries its units' names and paths too: a renamed or moved unit changes it.
  const changesActors = [
    '/api/users',
    '/api/users/*',
    '/api/me/password',
    '/api/auth/logout',
    // Helper «mfa»: ending sessions must stop them at once in every process.
    '/api/me/sessions',
    '/api/me/sessions/*',
    '/api/org-units/*',
    // Helper «people»: appointing a coordinator or a curator gives a role, removing one takes it away.
    '/api/organisation/coordinators',
    '/api/organisation/coordinators/*',
    '/api/organisation/curator-assignments',
    '/api/organisation/curator-assignments/*',
  ];
  for (const path of changesActors) app.use(path, forgetActorsAfterChange(deps));

  miscRoutes(app, deps);
  operationsRoutes(app, deps);
  authRoutes(app, deps);
  // Issue 17 §1: sign-in through OpenID Connect providers, a user's linked identities.
  authOidcRoutes(app, deps);
  // Helper «mfa» (issue 17 §3–4): the second factor and the sessions.
  mfaRoutes(app, deps);
  sessionRoutes(app, deps);
  orgRoutes(app, deps);
  userRoutes(app, deps);
  userIdentityRoutes(app, deps);
  roadmapRoutes(app, deps);
  itemRoutes(app, deps);
  taskRoutes(app, deps);
  importRoutes(app, deps);
  assessmentRoutes(app, deps);
  assessmentTableRoutes(app, deps);
  identificationRunRoutes(app, deps);
  identificationListRoutes(app, deps);
  riskInstrumentRoutes(app, deps);
  programRoutes(app, deps);
  meetingRoutes(app, deps);
  expertiseRoutes(app, deps);
  riskProfileRoutes(app, deps);
  // Questionnaire campaigns and answering by links (issue 11 §2).
  riskCampaignRoutes(app, deps);
  riskAnswerRoutes(app, deps);
  // Events of the organisation of the work (issue 12 §3, helper «events»).
  eventRoutes(app, deps);
  // Helper «coverage»: coverage computed and «Пробелы» (issue 12 §4).
  coverageRoutes(app, deps);
  // Organisation of the work: people (issue 12 §1, helper «people»).
  organisationPeopleRoutes(app, deps);
  organisationPairRoutes(app, deps);
  // Monitoring and analysis (issue 13): indicators, monitorings, positive change and the effect, reports.
  indicatorRoutes(app, deps);
  monitoringRoutes(app, deps);
  analysisRoutes(app, deps);
  reportRoutes(app, deps);
  regionExportRoutes(app, deps);
  // Support of people (issue 14): teachers' staff, deficits, routes, mentoring, courses; pupils at risk.
  mentorshipRoutes(app, deps);
  staffRoutes(app, deps);
  diagnosticRoutes(app, deps);
  individualRouteRoutes(app, deps);
  routeActivityRoutes(app, deps);
  courseRoutes(app, deps);
  pupilRoutes(app, deps);
  peopleCoverageRoutes(app, deps);
  // Openness and attention (issue 15): publishing, the bank of practices, notifications and escalation.
  publicationRoutes(app, deps);
  practiceRoutes(app, deps);
  notificationRoutes(app, deps);
  escalationRoutes(app, deps);
  auditLogRoutes(app, deps);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Опора — API',
      version: '0.1.0',
      description:
        'Работа со школами с низкими результатами обучения и школами в неблагоприятных социальных условиях. ' +
        'Вход: POST /api/auth/login, далее cookie сеанса. Изменяющие запросы принимаются только с того же сайта.',
    },
  });
  app.get('/api/docs', (c) => c.html(apiReferencePage()));
  app.get('/api/docs.js', (c) =>
    c.body(apiReferenceScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  app.all('/api/*', () => {
    throw new AppError('NOT_FOUND', 'Нет такого адреса API');
  });

  // The public site (issue 15 §1) is outside /api: no session, no CSRF, pages for everyone.
  publicSiteRoutes(app, deps);

  const webDir = opts.webDir;
  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) serveWeb(app, webDir);
  return app;
}
