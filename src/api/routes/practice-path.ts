import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { STORED_MEDIA_TYPES } from '../../modules/files/file-types.js';
import { reviewInput, versionInput, withdrawInput } from '../../modules/practices/input.js';
import {
  attachPracticeFile,
  readPracticeFile,
  removePracticeFile,
} from '../../modules/practices/practice-files.js';
import {
  publishPractice,
  reviewPractice,
  submitPractice,
  withdrawPractice,
} from '../../modules/practices/practice-path.js';
import { practiceView } from '../../modules/practices/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import {
  fileAnswer,
  fileBody,
  idParam,
  jsonBody,
  okFile,
  okJson,
  readUpload,
  versionQuery,
} from '../openapi.js';

// The path of a practice (submit, review, publish, withdraw) and its materials (issue 15 §2).

const tags = ['Банк практик'];
const fileParams = z.object({
  id: z.uuid({ message: 'Неверный идентификатор' }),
  fileId: z.uuid({ message: 'Неверный идентификатор' }),
});

export function practicePathRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const step = (
    path: string,
    rule: Parameters<typeof access>[0],
    summary: string,
    run: (
      actor: ReturnType<typeof requireActor>,
      id: string,
      body: never,
    ) => Promise<z.infer<typeof practiceView>>,
    body: z.ZodObject,
  ) =>
    app.openapi(
      createRoute({
        ...access(rule),
        method: 'post',
        path,
        tags,
        summary,
        request: { params: idParam, ...jsonBody(body) },
        responses: okJson('Практика', practiceView),
      }),
      async (c) =>
        c.json(await run(requireActor(c), c.req.valid('param').id, c.req.valid('json') as never), 200),
    );

  step(
    '/api/practices/{id}/submit',
    'practice.author',
    'Отправить практику на рассмотрение (черновик или возвращённую)',
    (actor, practiceId, body: z.infer<typeof versionInput>) =>
      submitPractice(db, { actor, practiceId, version: body.version }),
    versionInput,
  );
  step(
    '/api/practices/{id}/review',
    'practice.review',
    'Рассмотреть практику: баллы по критериям и решение (вернуть и отклонить — с комментарием)',
    (actor, practiceId, input: z.infer<typeof reviewInput>) =>
      reviewPractice(db, { actor, practiceId, input }),
    reviewInput,
  );
  step(
    '/api/practices/{id}/publish',
    'practice.review',
    'Опубликовать одобренную практику в банке',
    (actor, practiceId, body: z.infer<typeof versionInput>) =>
      publishPractice(db, { actor, practiceId, version: body.version }),
    versionInput,
  );
  step(
    '/api/practices/{id}/withdraw',
    'practice.withdraw',
    'Снять практику с публикации с указанием причины',
    (actor, practiceId, input: z.infer<typeof withdrawInput>) =>
      withdrawPractice(db, { actor, practiceId, input }),
    withdrawInput,
  );

  app.openapi(
    createRoute({
      ...access('practice.author'),
      method: 'post',
      path: '/api/practices/{id}/files',
      tags,
      summary: 'Приложить материал (multipart/form-data, поле file; версия записи в запросе)',
      request: { params: idParam, query: versionQuery, ...fileBody },
      responses: okJson('Практика', practiceView),
    }),
    async (c) => {
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      return c.json(
        await attachPracticeFile(db, deps.storage, {
          actor: requireActor(c),
          practiceId: c.req.valid('param').id,
          version: c.req.valid('query').version,
          upload,
          maxBytes: deps.config.uploadMaxBytes,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('practice.read'),
      method: 'get',
      path: '/api/practices/{id}/files/{fileId}',
      tags,
      summary: 'Файл материала практики',
      request: { params: fileParams },
      responses: okFile('Файл', STORED_MEDIA_TYPES),
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      const { file, data } = await readPracticeFile(db, deps.storage, {
        actor: requireActor(c),
        practiceId: id,
        practiceFileId: fileId,
      });
      return fileAnswer(c, { mime: file.mime, name: file.name, data });
    },
  );

  app.openapi(
    createRoute({
      ...access('practice.author'),
      method: 'delete',
      path: '/api/practices/{id}/files/{fileId}',
      tags,
      summary: 'Убрать материал практики (версия записи в запросе)',
      request: { params: fileParams, query: versionQuery },
      responses: okJson('Практика', practiceView),
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      return c.json(
        await removePracticeFile(db, {
          actor: requireActor(c),
          practiceId: id,
          practiceFileId: fileId,
          version: c.req.valid('query').version,
        }),
        200,
      );
    },
  );
}
