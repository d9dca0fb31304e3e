import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import {
  addMeeting,
  createMentorship,
  getMentorship,
  listMentorships,
  mentorshipCandidates,
  removeMeeting,
  removeMentorship,
  updateMentorship,
} from '../../modules/staff/mentorships.js';
import { attachMentorOrderFile } from '../../modules/staff/my-staff.js';
import {
  createMentorshipInput,
  meetingInput,
  mentorshipQuery,
  updateMentorshipInput,
} from '../../modules/staff/schemas.js';
import {
  createdView,
  mentorshipCandidatesView,
  mentorshipCardView,
  mentorshipListView,
} from '../../modules/staff/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileBody, idParam, jsonBody, OK, okJson, okSchema, readUpload, versionQuery } from '../openapi.js';

// Наставничество «учитель–учитель» (helper «staff», issue 14 §1): pairs, the school's order of
// assignment, meetings. Registered before staffRoutes: these static paths under /api/staff/ come before
// `/api/staff/{id}`. Access is inside the operations (modules/staff/access.ts).

const tags = ['Педагоги и наставничество'];

const orderFileView = z.object({
  id: z.uuid(),
  number: z.string(),
  date: z.string(),
  fileName: z.string().nullable(),
});

export function mentorshipRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.openapi(
    createRoute({
      ...access('staff.read'),
      method: 'get',
      path: '/api/staff/mentorships',
      tags,
      summary: 'Наставнические пары «учитель–учитель» школы за учебный год',
      request: { query: mentorshipQuery },
      responses: okJson('Пары', mentorshipListView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await listMentorships(db, { actor: requireActor(c), schoolId: q.schoolId, year: q.year }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('staff.keep'),
      method: 'get',
      path: '/api/staff/mentorship-candidates',
      tags,
      summary:
        'Кого можно закрепить: педагоги школы (с уровнем дефицитов), педагоги школы-наставника года, организации методистов, приказы школы',
      request: { query: mentorshipQuery },
      responses: okJson('Кандидаты', mentorshipCandidatesView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await mentorshipCandidates(db, { actor: requireActor(c), schoolId: q.schoolId, year: q.year }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('mentorship.create'),
      method: 'post',
      path: '/api/staff/mentorships',
      tags,
      summary: 'Закрепить наставника за педагогом (можно сразу с приказом школы)',
      request: jsonBody(createMentorshipInput),
      responses: okJson('Пара', createdView),
    }),
    async (c) =>
      c.json(await createMentorship(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('mentorship-order.keep'),
      method: 'post',
      path: '/api/staff/mentorship-orders/{id}/file',
      tags,
      summary: 'Приложить подписанный файл приказа школы о закреплении наставников',
      request: { params: idParam, ...fileBody },
      responses: okJson('Приказ', orderFileView),
    }),
    async (c) => {
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      return c.json(
        await attachMentorOrderFile(db, deps.storage, {
          actor: requireActor(c),
          orderId: c.req.valid('param').id,
          upload,
          maxBytes: deps.config.uploadMaxBytes,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('mentorship-meeting.keep'),
      method: 'delete',
      path: '/api/staff/mentorship-meetings/{id}',
      tags,
      summary: 'Удалить встречу наставнической пары',
      request: { params: idParam },
      responses: okJson('Удалена', okSchema),
    }),
    async (c) => {
      await removeMeeting(db, { actor: requireActor(c), meetingId: c.req.valid('param').id });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('mentorship.read'),
      method: 'get',
      path: '/api/staff/mentorships/{id}',
      tags,
      summary: 'Наставническая пара: программа, приказ, встречи, история',
      request: { params: idParam },
      responses: okJson('Пара', mentorshipCardView),
    }),
    async (c) =>
      c.json(await getMentorship(db, { actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('mentorship.keep'),
      method: 'patch',
      path: '/api/staff/mentorships/{id}',
      tags,
      summary: 'Изменить пару: программа, сроки, результат, приказ',
      request: { params: idParam, ...jsonBody(updateMentorshipInput) },
      responses: okJson('Пара', createdView),
    }),
    async (c) =>
      c.json(
        await updateMentorship(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('mentorship.keep'),
      method: 'delete',
      path: '/api/staff/mentorships/{id}',
      tags,
      summary: 'Удалить пару, созданную по ошибке',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Удалена', okSchema),
    }),
    async (c) => {
      await removeMentorship(db, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('mentorship.keep'),
      method: 'post',
      path: '/api/staff/mentorships/{id}/meetings',
      tags,
      summary: 'Записать встречу наставника с педагогом (дата, тема, заметки)',
      request: { params: idParam, ...jsonBody(meetingInput) },
      responses: okJson('Встреча', z.object({ id: z.uuid() })),
    }),
    async (c) =>
      c.json(
        await addMeeting(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );
}
