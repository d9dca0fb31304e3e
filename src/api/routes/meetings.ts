import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { STORED_MEDIA_TYPES } from '../../modules/files/file-types.js';
import { createBody, getBody, listBodies, updateBody } from '../../modules/organisation/bodies.js';
import { createBodyInput, listBodiesQuery, updateBodyInput } from '../../modules/organisation/body-input.js';
import { createMeeting } from '../../modules/organisation/create-meeting.js';
import { cancelDecision, completeDecision, listDecisionTasks } from '../../modules/organisation/decisions.js';
import { getMeeting } from '../../modules/organisation/get-meeting.js';
import { listSchoolMeetings } from '../../modules/organisation/list-school-meetings.js';
import {
  cancelDecisionInput,
  completeDecisionInput,
  createMeetingInput,
  decisionsQuery,
  missedQuery,
  schoolMeetingsQuery,
  updateMeetingInput,
} from '../../modules/organisation/meeting-input.js';
import {
  bodyDetailView,
  bodySummaryView,
  decisionTaskView,
  meetingDetailView,
  missedBodyView,
  schoolMeetingView,
} from '../../modules/organisation/meeting-views.js';
import { bodiesWithMissedMeetings } from '../../modules/organisation/missed-meetings.js';
import { exportProtocolDocx } from '../../modules/organisation/protocol-docx.js';
import { attachProtocolFile, readProtocolFile } from '../../modules/organisation/protocol-file.js';
import { todayIso } from '../../modules/organisation/school-year.js';
import { updateMeeting } from '../../modules/organisation/update-meeting.js';
import { type App, type Deps, requireActor } from '../context.js';
import {
  fileAnswer,
  fileBody,
  idParam,
  jsonBody,
  OK,
  okFile,
  okJson,
  okSchema,
  readUpload,
} from '../openapi.js';

// Working bodies, meetings with protocols, decisions as tasks (issue 12 §1–2, §5; helper «meetings»).

const tags = ['Рабочие органы и заседания'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const today = todayIso;

export function meetingRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/working-bodies',
      tags,
      summary: 'Рабочие органы видимых организаций (или одной) с пропущенными периодами заседаний',
      request: { query: listBodiesQuery },
      responses: okJson('Рабочие органы', z.array(bodySummaryView)),
    }),
    async (c) =>
      c.json(
        await listBodies(db, { actor: requireActor(c), unitId: c.req.valid('query').unitId, today: today() }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('unit.keep'),
      method: 'post',
      path: '/api/working-bodies',
      tags,
      summary: 'Создать рабочий орган организации (с приказом и составом)',
      request: jsonBody(createBodyInput),
      responses: okJson('Рабочий орган', bodyDetailView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const id = await createBody(db, { actor, input: c.req.valid('json'), today: today() });
      return c.json(await getBody(db, { actor, bodyId: id, today: today() }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/working-bodies-missed',
      tags,
      summary: 'Рабочие органы с пропущенными заседаниями (для «Пробелов»)',
      request: { query: missedQuery },
      responses: okJson('Рабочие органы', z.array(missedBodyView)),
    }),
    async (c) =>
      c.json(
        await bodiesWithMissedMeetings(db, {
          actor: requireActor(c),
          unitId: c.req.valid('query').unitId,
          today: today(),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('body.read'),
      method: 'get',
      path: '/api/working-bodies/{id}',
      tags,
      summary: 'Рабочий орган: состав, периоды заседаний (пропущенные), заседания',
      request: { params: idParam },
      responses: okJson('Рабочий орган', bodyDetailView),
    }),
    async (c) =>
      c.json(
        await getBody(db, { actor: requireActor(c), bodyId: c.req.valid('param').id, today: today() }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('body.keep'),
      method: 'patch',
      path: '/api/working-bodies/{id}',
      tags,
      summary: 'Изменить рабочий орган и его состав (устаревшая версия — 409)',
      request: { params: idParam, ...jsonBody(updateBodyInput) },
      responses: okJson('Рабочий орган', bodyDetailView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const bodyId = c.req.valid('param').id;
      await updateBody(db, { actor, bodyId, input: c.req.valid('json') });
      return c.json(await getBody(db, { actor, bodyId, today: today() }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/school-meetings',
      tags,
      summary: 'Собеседования и выезды кураторов: проведённые видимыми организациями и о своей школе',
      request: { query: schoolMeetingsQuery },
      responses: okJson('Собеседования и выезды', z.array(schoolMeetingView)),
    }),
    async (c) =>
      c.json(
        await listSchoolMeetings(db, { actor: requireActor(c), schoolId: c.req.valid('query').schoolId }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('meeting.create'),
      method: 'post',
      path: '/api/meetings',
      tags,
      summary: 'Провести заседание рабочего органа, собеседование или выезд куратора в школу',
      request: jsonBody(createMeetingInput),
      responses: okJson('Заседание', meetingDetailView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const id = await createMeeting(db, { actor, input: c.req.valid('json') });
      return c.json(await getMeeting(db, { actor, meetingId: id, today: today() }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('meeting.read'),
      method: 'get',
      path: '/api/meetings/{id}',
      tags,
      summary: 'Заседание: повестка, участники, протокол, решения, открытые решения прежних заседаний',
      request: { params: idParam },
      responses: okJson('Заседание', meetingDetailView),
    }),
    async (c) =>
      c.json(
        await getMeeting(db, { actor: requireActor(c), meetingId: c.req.valid('param').id, today: today() }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('meeting.keep'),
      method: 'patch',
      path: '/api/meetings/{id}',
      tags,
      summary: 'Изменить повестку, участников, протокол и решения (устаревшая версия — 409)',
      request: { params: idParam, ...jsonBody(updateMeetingInput) },
      responses: okJson('Заседание', meetingDetailView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const meetingId = c.req.valid('param').id;
      await updateMeeting(db, { actor, meetingId, input: c.req.valid('json') });
      return c.json(await getMeeting(db, { actor, meetingId, today: today() }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('meeting.protocol'),
      method: 'get',
      path: '/api/meetings/{id}/protocol.docx',
      tags,
      summary: 'Протокол в DOCX: номер, дата, состав, повестка, текст, таблица решений',
      request: { params: idParam },
      responses: okFile('Файл DOCX', [DOCX]),
    }),
    async (c) => {
      const file = await exportProtocolDocx(db, {
        actor: requireActor(c),
        meetingId: c.req.valid('param').id,
        today: today(),
      });
      return fileAnswer(c, { mime: DOCX, name: file.fileName, data: file.data });
    },
  );

  app.openapi(
    createRoute({
      ...access('meeting.keep'),
      method: 'post',
      path: '/api/meetings/{id}/protocol-file',
      tags,
      summary: 'Приложить подписанный протокол (multipart/form-data, поле file)',
      request: { params: idParam, ...fileBody },
      responses: okJson('Заседание', meetingDetailView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const meetingId = c.req.valid('param').id;
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      await attachProtocolFile(db, deps.storage, {
        actor,
        meetingId,
        upload,
        maxBytes: deps.config.uploadMaxBytes,
      });
      return c.json(await getMeeting(db, { actor, meetingId, today: today() }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('meeting.protocol'),
      method: 'get',
      path: '/api/meetings/{id}/protocol-file',
      tags,
      summary: 'Файл подписанного протокола',
      request: { params: idParam },
      responses: okFile('Файл', STORED_MEDIA_TYPES),
    }),
    async (c) => {
      const { file, data } = await readProtocolFile(db, deps.storage, {
        actor: requireActor(c),
        meetingId: c.req.valid('param').id,
      });
      return fileAnswer(c, { mime: file.mime, name: file.name, data });
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/meeting-decisions',
      tags,
      summary: 'Решения заседаний: адресованные моим организациям (mine) или просроченные (overdue)',
      request: { query: decisionsQuery },
      responses: okJson('Решения', z.array(decisionTaskView)),
    }),
    async (c) =>
      c.json(
        await listDecisionTasks(db, {
          actor: requireActor(c),
          view: c.req.valid('query').view,
          today: today(),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('decision.complete'),
      method: 'post',
      path: '/api/meeting-decisions/{id}/done',
      tags,
      summary: 'Отметить решение исполненным (что сделано — обязательно)',
      request: { params: idParam, ...jsonBody(completeDecisionInput) },
      responses: okJson('Готово', okSchema),
    }),
    async (c) => {
      await completeDecision(db, {
        actor: requireActor(c),
        decisionId: c.req.valid('param').id,
        input: c.req.valid('json'),
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('decision.cancel'),
      method: 'post',
      path: '/api/meeting-decisions/{id}/cancel',
      tags,
      summary: 'Отменить решение (ведущий заседание, с причиной)',
      request: { params: idParam, ...jsonBody(cancelDecisionInput) },
      responses: okJson('Готово', okSchema),
    }),
    async (c) => {
      await cancelDecision(db, {
        actor: requireActor(c),
        decisionId: c.req.valid('param').id,
        input: c.req.valid('json'),
      });
      return c.json(OK, 200);
    },
  );
}
