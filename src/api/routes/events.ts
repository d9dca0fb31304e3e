import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { createEvent } from '../../modules/organisation/create-event.js';
import { deleteEvent } from '../../modules/organisation/delete-event.js';
import {
  attendanceInput,
  createEventInput,
  eventStatusInput,
  eventsQuery,
  participantInput,
  updateEventInput,
} from '../../modules/organisation/event-input.js';
import {
  addParticipant,
  markAttendance,
  removeParticipant,
} from '../../modules/organisation/event-participants.js';
import {
  eventDetailView,
  eventSummaryView,
  importReportView,
} from '../../modules/organisation/event-views.js';
import { getEvent } from '../../modules/organisation/get-event.js';
import { importParticipants } from '../../modules/organisation/import-participants.js';
import { listEvents } from '../../modules/organisation/list-events.js';
import { setEventStatus } from '../../modules/organisation/set-event-status.js';
import { updateEvent } from '../../modules/organisation/update-event.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileBody, idParam, jsonBody, OK, okJson, okSchema, readUpload, versionQuery } from '../openapi.js';
import { eventMaterialRoutes } from './event-materials.js';

// Events of the organisation of the work (issue 12 §3, helper «events»): the calendar, an event with its
// invitations, participants and materials, registration, attendance and the participant list import.

const tags = ['Мероприятия'];
const participantParams = z.object({
  id: z.uuid({ message: 'Неверный идентификатор' }),
  participantId: z.uuid({ message: 'Неверный идентификатор участника' }),
});
const _materialParams = z.object({
  id: z.uuid({ message: 'Неверный идентификатор' }),
  materialId: z.uuid({ message: 'Неверный идентификатор материала' }),
});

export function eventRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const detail = okJson('Мероприятие', eventDetailView);

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/events',
      tags,
      summary: 'Календарь: мероприятия, которые видит пользователь (период, вид, уровень; mine=true — свои)',
      request: { query: eventsQuery },
      responses: okJson('Мероприятия', z.array(eventSummaryView)),
    }),
    async (c) => c.json(await listEvents(db, { actor: requireActor(c), ...c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('unit.keep'),
      method: 'post',
      path: '/api/events',
      tags,
      summary: 'Черновик мероприятия организации (организатор — в теле запроса) с аудиторией',
      request: jsonBody(createEventInput),
      responses: detail,
    }),
    async (c) => c.json(await createEvent(db, { actor: requireActor(c), ...c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('event.read'),
      method: 'get',
      path: '/api/events/{id}',
      tags,
      summary: 'Мероприятие: приглашённые, участники (в пределах видимости), материалы, охват',
      request: { params: idParam },
      responses: detail,
    }),
    async (c) =>
      c.json(await getEvent(db, { actor: requireActor(c), eventId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('event.keep'),
      method: 'patch',
      path: '/api/events/{id}',
      tags,
      summary: 'Изменить мероприятие; у объявленного список приглашённых только дополняется (addUnitIds)',
      request: { params: idParam, ...jsonBody(updateEventInput) },
      responses: detail,
    }),
    async (c) =>
      c.json(
        await updateEvent(db, {
          actor: requireActor(c),
          eventId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('event.keep'),
      method: 'delete',
      path: '/api/events/{id}',
      tags,
      summary: 'Удалить черновик мероприятия (объявленное — только отменить)',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Удалено', okSchema),
    }),
    async (c) => {
      await deleteEvent(db, {
        actor: requireActor(c),
        eventId: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('event.keep'),
      method: 'post',
      path: '/api/events/{id}/status',
      tags,
      summary: 'Объявить (пишутся приглашения), провести или отменить мероприятие',
      request: { params: idParam, ...jsonBody(eventStatusInput) },
      responses: detail,
    }),
    async (c) =>
      c.json(
        await setEventStatus(db, {
          actor: requireActor(c),
          eventId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('event.register'),
      method: 'post',
      path: '/api/events/{id}/participants',
      tags,
      summary:
        'Зарегистрировать участника приглашённой организации (команда школы — своих, организатор — любых)',
      request: { params: idParam, ...jsonBody(participantInput) },
      responses: detail,
    }),
    async (c) =>
      c.json(
        await addParticipant(db, {
          actor: requireActor(c),
          eventId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('event.register'),
      method: 'delete',
      path: '/api/events/{id}/participants/{participantId}',
      tags,
      summary: 'Убрать участника (организатор — любого, команда школы — своего до проведения)',
      request: { params: participantParams, query: versionQuery },
      responses: detail,
    }),
    async (c) => {
      const { id, participantId } = c.req.valid('param');
      return c.json(
        await removeParticipant(db, {
          actor: requireActor(c),
          eventId: id,
          participantId,
          version: c.req.valid('query').version,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('event.keep'),
      method: 'post',
      path: '/api/events/{id}/attendance',
      tags,
      summary: 'Отметить присутствие участников',
      request: { params: idParam, ...jsonBody(attendanceInput) },
      responses: detail,
    }),
    async (c) =>
      c.json(
        await markAttendance(db, {
          actor: requireActor(c),
          eventId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('event.keep'),
      method: 'post',
      path: '/api/events/{id}/import',
      tags,
      summary:
        'Список участников из XLSX, ODS или CSV: проверка (dryRun=true) и загрузка «всё или ничего» с отметкой присутствия; заменяет прошлую загрузку',
      request: {
        params: idParam,
        query: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        ...fileBody,
      },
      responses: okJson('Отчёт по строкам', importReportView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      return c.json(
        await importParticipants(db, {
          actor,
          eventId: c.req.valid('param').id,
          fileName: upload.name,
          data: upload.data,
          dryRun: c.req.valid('query').dryRun === 'true',
        }),
        200,
      );
    },
  );

  eventMaterialRoutes(app, deps);
}
