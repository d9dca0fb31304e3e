import { createRoute, z } from '@hono/zod-openapi';
import { access, type EndpointRule } from '../../modules/access/endpoint-rules.js';
import { versionInput } from '../../modules/programs/transitions.js';
import {
  historyQuery,
  publicationListQuery,
  publishableQuery,
  publishListInput,
  publishReportInput,
  publishRoadmapInput,
  withdrawInput,
} from '../../modules/publication/input.js';
import { listPublications } from '../../modules/publication/list-publications.js';
import { objectPublications } from '../../modules/publication/object-publications.js';
import { publishList } from '../../modules/publication/publish-list.js';
import { publishReport } from '../../modules/publication/publish-report.js';
import { publishRoadmap } from '../../modules/publication/publish-roadmap.js';
import { publishSchoolDocument } from '../../modules/publication/publish-school-document.js';
import { listPublishable } from '../../modules/publication/publishable.js';
import { objectPublicationsView, publicationView, publishableView } from '../../modules/publication/views.js';
import { withdrawPublication } from '../../modules/publication/withdraw-publication.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, jsonBody, okJson } from '../openapi.js';

// Публикация: опубликовать и снять с публикации карты, документы, справки и списки, история публикаций
// (helper «publish», issue 15 §1). Publishing answers with the object's publications, as its page shows them.

const tags = ['Публикация'];

export function publicationRoutes(app: App, deps: Deps) {
  const { db, storage } = deps;

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/publications',
      tags,
      summary: 'Публикации организаций в зоне видимости: действующие или все версии со снятыми',
      request: { query: publicationListQuery },
      responses: okJson('Публикации', z.array(publicationView)),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const list = await listPublications(db, {
        actor: requireActor(c),
        unitId: q.unitId,
        kind: q.kind,
        includeWithdrawn: q.includeWithdrawn === 'true',
      });
      return c.json(list, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/publications/publishable',
      tags,
      summary: 'Можно опубликовать: утверждённое, что пользователь публикует, и его состояние',
      request: { query: publishableQuery },
      responses: okJson('Объекты', z.array(publishableView)),
    }),
    async (c) =>
      c.json(await listPublishable(db, { actor: requireActor(c), kind: c.req.valid('query').kind }), 200),
  );

  app.openapi(
    createRoute({
      ...access('publication.object'),
      method: 'get',
      path: '/api/publications/object',
      tags,
      summary: 'Публикации одного объекта (все версии) и что с ним можно сделать',
      request: { query: historyQuery },
      responses: okJson('Публикации объекта', objectPublicationsView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await objectPublications(db, { actor: requireActor(c), ...q }), 200);
    },
  );

  const publish = <S extends z.ZodType>(path: string, rule: EndpointRule, summary: string, body: S) =>
    createRoute({
      ...access(rule),
      method: 'post',
      path,
      tags,
      summary,
      request: { params: idParam, body: jsonBody(body).body },
      responses: okJson('Публикации объекта', objectPublicationsView),
    });

  app.openapi(
    publish(
      '/api/publications/roadmaps/{id}',
      'publication.roadmap',
      'Опубликовать утверждённую дорожную карту (новая версия публикации)',
      publishRoadmapInput,
    ),
    async (c) => {
      const [actor, roadmapId] = [requireActor(c), c.req.valid('param').id];
      await publishRoadmap(db, storage, { actor, roadmapId, input: c.req.valid('json') });
      return c.json(await objectPublications(db, { actor, kind: 'roadmap', objectId: roadmapId }), 200);
    },
  );

  app.openapi(
    publish(
      '/api/publications/school-documents/{id}',
      'publication.document',
      'Опубликовать утверждённый документ школы (статус «опубликовано»)',
      versionInput,
    ),
    async (c) => {
      const [actor, documentId] = [requireActor(c), c.req.valid('param').id];
      await publishSchoolDocument(db, storage, { actor, documentId, input: c.req.valid('json') });
      return c.json(
        await objectPublications(db, { actor, kind: 'school_document', objectId: documentId }),
        200,
      );
    },
  );

  app.openapi(
    publish(
      '/api/publications/reports/{id}',
      'publication.report',
      'Опубликовать выпущенную аналитическую справку (её DOCX и PDF)',
      publishReportInput,
    ),
    async (c) => {
      const [actor, reportId] = [requireActor(c), c.req.valid('param').id];
      await publishReport(db, { actor, reportId, input: c.req.valid('json') });
      return c.json(
        await objectPublications(db, { actor, kind: 'analytic_report', objectId: reportId }),
        200,
      );
    },
  );

  app.openapi(
    publish(
      '/api/publications/lists/{id}',
      'publication.list',
      'Опубликовать утверждённый список: числа по муниципалитетам, названия школ — по выбору',
      publishListInput,
    ),
    async (c) => {
      const [actor, listId] = [requireActor(c), c.req.valid('param').id];
      await publishList(db, storage, { actor, listId, input: c.req.valid('json') });
      return c.json(
        await objectPublications(db, { actor, kind: 'identification_list', objectId: listId }),
        200,
      );
    },
  );

  app.openapi(
    publish(
      '/api/publications/{id}/withdraw',
      'publication.withdraw',
      'Снять с публикации с указанием причины (запись остаётся в истории)',
      withdrawInput,
    ),
    async (c) => {
      const actor = requireActor(c);
      const row = await withdrawPublication(db, {
        actor,
        publicationId: c.req.valid('param').id,
        input: c.req.valid('json'),
      });
      return c.json(await objectPublications(db, { actor, kind: row.kind, objectId: row.objectId }), 200);
    },
  );
}
