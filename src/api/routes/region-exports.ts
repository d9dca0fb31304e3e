import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { attachmentDisposition } from '../../modules/files/save-file.js';
import {
  getRegionExport,
  listRegionExports,
  regionExportFile,
  regionExportView,
  requestRegionExport,
  requestRegionExportInput,
} from '../../modules/region-export/export-jobs.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, jsonBody, okFile, okJson } from '../openapi.js';

// The administrator's «Выгрузить данные региона» (issue 17 §6, docs/region-export.md): a background job
// and its archive. The import is the CLI's (`opora import-region`): it goes into another installation.

const tags = ['Выгрузка региона'];

export function regionExportRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'get',
      path: '/api/region-exports',
      tags,
      summary: 'Последние выгрузки данных регионов (администратор)',
      responses: okJson('Выгрузки', z.array(regionExportView)),
    }),
    async (c) => c.json(await listRegionExports(db, { actor: requireActor(c) }), 200),
  );
  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'post',
      path: '/api/region-exports',
      tags,
      summary: 'Выгрузить данные региона: ставит фоновое задание',
      request: jsonBody(requestRegionExportInput),
      responses: okJson('Задание поставлено', regionExportView),
    }),
    async (c) =>
      c.json(await requestRegionExport(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );
  app.openapi(
    createRoute({
      ...access('region-export.read'),
      method: 'get',
      path: '/api/region-exports/{id}',
      tags,
      summary: 'Ход выгрузки данных региона',
      request: { params: idParam },
      responses: okJson('Выгрузка', regionExportView),
    }),
    async (c) =>
      c.json(await getRegionExport(db, { actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );
  app.openapi(
    createRoute({
      ...access('region-export.read'),
      method: 'get',
      path: '/api/region-exports/{id}/file',
      tags,
      summary: 'Скачать архив выгрузки региона (ZIP)',
      request: { params: idParam },
      responses: okFile('Архив', ['application/zip']),
    }),
    async (c) => {
      const file = await regionExportFile(db, deps.storage, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
      });
      c.header('Content-Type', 'application/zip');
      c.header('Content-Disposition', attachmentDisposition(file.name));
      return c.body(new Uint8Array(file.data), 200);
    },
  );
}
