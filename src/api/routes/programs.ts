import { createRoute, z } from '@hono/zod-openapi';
import type { Actor } from '../../modules/access/actor.js';
import { access } from '../../modules/access/endpoint-rules.js';
import { STORED_MEDIA_TYPES } from '../../modules/files/file-types.js';
import { approveDocument, approveDocumentInput } from '../../modules/programs/approve-document.js';
import {
  addCommentInput,
  addDocumentComment,
  listDocumentComments,
} from '../../modules/programs/comments.js';
import { createDocument, createDocumentInput } from '../../modules/programs/create-document.js';
import { diffDocumentVersions, diffQuery } from '../../modules/programs/diff-versions.js';
import { exportDocumentDocx } from '../../modules/programs/export-docx.js';
import { getDocument } from '../../modules/programs/get-document.js';
import { listDocuments, listDocumentsQuery } from '../../modules/programs/list-documents.js';
import { attachDocumentOrderFile, readDocumentOrderFile } from '../../modules/programs/order-file.js';
import { startNewVersion } from '../../modules/programs/start-new-version.js';
import { listTemplates, updateTemplate, updateTemplateInput } from '../../modules/programs/templates-ops.js';
import {
  commentedInput,
  curatorDecisionInput,
  decideAsCurator,
  publishDocument,
  returnForRework,
  sendToExpertise,
  submitDocument,
  versionInput,
} from '../../modules/programs/transitions.js';
import { updateDocument, updateDocumentInput } from '../../modules/programs/update-document.js';
import {
  commentView,
  documentDetailView,
  documentDiffView,
  documentSummaryView,
  templateView,
} from '../../modules/programs/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileAnswer, fileBody, idParam, jsonBody, okFile, okJson, readUpload } from '../openapi.js';

// A school's concept documents and антирисковые программы (issue 11 §5): the document, its workflow
// (each transition an endpoint with its own access rule), comments, versions, DOCX; the region's templates.

const tags = ['Программы школ'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function programRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/school-documents',
      tags,
      summary: 'Документы школ, видимых пользователю (школе — только свои)',
      request: { query: listDocumentsQuery },
      responses: okJson('Документы', z.array(documentSummaryView)),
    }),
    async (c) =>
      c.json(await listDocuments(db, { actor: requireActor(c), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('unit.keep'),
      method: 'post',
      path: '/api/school-documents',
      tags,
      summary: 'Новый документ школы из шаблона, заполненный по данным системы (команда школы)',
      request: jsonBody(createDocumentInput),
      responses: okJson('Документ', documentDetailView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const doc = await createDocument(db, { actor, input: c.req.valid('json') });
      return c.json(await getDocument(db, { actor, documentId: doc.id }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('document.read'),
      method: 'get',
      path: '/api/school-documents/{id}',
      tags,
      summary: 'Документ с правами пользователя, исполнением мероприятий, версиями и историей',
      request: { params: idParam },
      responses: okJson('Документ', documentDetailView),
    }),
    async (c) =>
      c.json(await getDocument(db, { actor: requireActor(c), documentId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('document.keep'),
      method: 'patch',
      path: '/api/school-documents/{id}',
      tags,
      summary: 'Изменить черновик или документ на доработке (устаревшая версия — 409)',
      request: { params: idParam, ...jsonBody(updateDocumentInput) },
      responses: okJson('Документ', documentDetailView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const documentId = c.req.valid('param').id;
      await updateDocument(db, { actor, documentId, input: c.req.valid('json') });
      return c.json(await getDocument(db, { actor, documentId }), 200);
    },
  );

  // The workflow: one endpoint per transition, each with the rule of who takes it.
  const transition = <S extends z.ZodObject>(
    path: string,
    rule: 'document.keep' | 'document.curate' | 'document.govern',
    summary: string,
    input: S,
  ) =>
    createRoute({
      ...access(rule),
      method: 'post',
      path: `/api/school-documents/{id}/${path}`,
      tags,
      summary,
      request: { params: idParam, ...jsonBody(input) },
      responses: okJson('Документ', documentDetailView),
    });
  const detail = (actor: Actor, documentId: string) => getDocument(db, { actor, documentId });

  app.openapi(
    transition(
      'submit',
      'document.keep',
      'Отправить куратору на согласование (черновик или документ на доработке)',
      commentedInput,
    ),
    async (c) => {
      const [actor, documentId] = [requireActor(c), c.req.valid('param').id];
      await submitDocument(db, { actor, documentId, input: c.req.valid('json') });
      return c.json(await detail(actor, documentId), 200);
    },
  );
  app.openapi(
    transition(
      'curator-decision',
      'document.curate',
      'Решение куратора: согласовать или вернуть на доработку с комментарием',
      curatorDecisionInput,
    ),
    async (c) => {
      const [actor, documentId] = [requireActor(c), c.req.valid('param').id];
      await decideAsCurator(db, { actor, documentId, input: c.req.valid('json') });
      return c.json(await detail(actor, documentId), 200);
    },
  );
  app.openapi(
    transition(
      'expertise',
      'document.govern',
      'Направить согласованный документ на экспертизу',
      commentedInput,
    ),
    async (c) => {
      const [actor, documentId] = [requireActor(c), c.req.valid('param').id];
      await sendToExpertise(db, { actor, documentId, input: c.req.valid('json') });
      return c.json(await detail(actor, documentId), 200);
    },
  );
  app.openapi(
    transition(
      'rework',
      'document.govern',
      'Вернуть согласованный документ или документ с экспертизы на доработку с комментарием',
      commentedInput,
    ),
    async (c) => {
      const [actor, documentId] = [requireActor(c), c.req.valid('param').id];
      await returnForRework(db, { actor, documentId, input: c.req.valid('json') });
      return c.json(await detail(actor, documentId), 200);
    },
  );
  app.openapi(
    transition(
      'approve',
      'document.govern',
      'Утвердить приказом; мероприятия переносятся в дорожную карту школы',
      approveDocumentInput,
    ),
    async (c) => {
      const [actor, documentId] = [requireActor(c), c.req.valid('param').id];
      await approveDocument(db, { actor, documentId, input: c.req.valid('json') });
      return c.json(await detail(actor, documentId), 200);
    },
  );
  app.openapi(
    transition('publish', 'document.govern', 'Опубликовать утверждённый документ', versionInput),
    async (c) => {
      const [actor, documentId] = [requireActor(c), c.req.valid('param').id];
      await publishDocument(db, { actor, storage: deps.storage, documentId, input: c.req.valid('json') });
      return c.json(await detail(actor, documentId), 200);
    },
  );
  app.openapi(
    transition(
      'new-version',
      'document.keep',
      'Начать новую версию утверждённого документа (утверждённая остаётся неизменной)',
      versionInput,
    ),
    async (c) => {
      const [actor, documentId] = [requireActor(c), c.req.valid('param').id];
      await startNewVersion(db, { actor, documentId, input: c.req.valid('json') });
      return c.json(await detail(actor, documentId), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('document.read'),
      method: 'get',
      path: '/api/school-documents/{id}/comments',
      tags,
      summary: 'Комментарии к частям документа',
      request: { params: idParam },
      responses: okJson('Комментарии', z.array(commentView)),
    }),
    async (c) =>
      c.json(
        await listDocumentComments(db, { actor: requireActor(c), documentId: c.req.valid('param').id }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('document.discuss'),
      method: 'post',
      path: '/api/school-documents/{id}/comments',
      tags,
      summary: 'Комментарий к части документа (anchor: document, goal, measure:<ключ>, indicator:<ключ> …)',
      request: { params: idParam, ...jsonBody(addCommentInput) },
      responses: okJson('Комментарий', commentView),
    }),
    async (c) =>
      c.json(
        await addDocumentComment(db, {
          actor: requireActor(c),
          documentId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('document.read'),
      method: 'get',
      path: '/api/school-documents/{id}/diff',
      tags,
      summary: 'Различия двух версий: добавленные, удалённые и изменённые мероприятия, показатели, разделы',
      request: { params: idParam, query: diffQuery },
      responses: okJson('Различия', documentDiffView),
    }),
    async (c) =>
      c.json(
        await diffDocumentVersions(db, {
          actor: requireActor(c),
          documentId: c.req.valid('param').id,
          query: c.req.valid('query'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('document.read'),
      method: 'get',
      path: '/api/school-documents/{id}/export',
      tags,
      summary: 'Документ в DOCX: титульный лист, разделы, таблицы показателей и мероприятий',
      request: { params: idParam },
      responses: okFile('Файл DOCX', [DOCX]),
    }),
    async (c) => {
      const file = await exportDocumentDocx(db, {
        actor: requireActor(c),
        documentId: c.req.valid('param').id,
      });
      c.header('Content-Type', DOCX);
      c.header(
        'Content-Disposition',
        `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      return c.body(new Uint8Array(file.data), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('document.govern'),
      method: 'post',
      path: '/api/school-documents/{id}/order-file',
      tags,
      summary: 'Приложить файл приказа об утверждении (multipart/form-data, поле file)',
      request: { params: idParam, ...fileBody },
      responses: okJson('Документ', documentDetailView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const documentId = c.req.valid('param').id;
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      await attachDocumentOrderFile(db, deps.storage, {
        actor,
        documentId,
        upload,
        maxBytes: deps.config.uploadMaxBytes,
      });
      return c.json(await getDocument(db, { actor, documentId }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('document.file'),
      method: 'get',
      path: '/api/school-documents/{id}/order-file',
      tags,
      summary: 'Файл приказа об утверждении документа',
      request: { params: idParam },
      responses: okFile('Файл', STORED_MEDIA_TYPES),
    }),
    async (c) => {
      const { file, data } = await readDocumentOrderFile(db, deps.storage, {
        actor: requireActor(c),
        documentId: c.req.valid('param').id,
      });
      return fileAnswer(c, { mime: file.mime, name: file.name, data });
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/program-templates',
      tags,
      summary: 'Шаблоны документов региона пользователя (изменённые регионом или системные)',
      responses: okJson('Шаблоны', z.array(templateView)),
    }),
    async (c) => c.json(await listTemplates(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('region-operator'),
      method: 'put',
      path: '/api/program-templates',
      tags,
      summary: 'Изменить шаблон документа своего региона (версия 0 — первое изменение системного шаблона)',
      request: jsonBody(updateTemplateInput),
      responses: okJson('Шаблон', templateView),
    }),
    async (c) =>
      c.json(await updateTemplate(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );
}
