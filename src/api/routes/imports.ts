import { createRoute } from '@hono/zod-openapi';
import { AppError } from '../../lib/errors.js';
import { hasRole } from '../../modules/access/actor.js';
import { access } from '../../modules/access/endpoint-rules.js';
import { ROADMAP_KEEPER_ROLES } from '../../modules/access/roadmap-rules.js';
import { parseRoadmapDocument } from '../../modules/documents/import/index.js';
import { roadmapParseView, savedImportView } from '../../modules/documents/import/views.js';
import { saveImportInput } from '../../modules/roadmaps/import-schemas.js';
import { saveImportedRoadmaps } from '../../modules/roadmaps/save-imported-roadmaps.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileBody, jsonBody, okJson, readUpload } from '../openapi.js';

const tags = ['Импорт дорожных карт'];

export function importRoutes(app: App, deps: Deps) {
  app.openapi(
    createRoute({
      ...access('roadmap-keeper'),
      method: 'post',
      path: '/api/roadmap-imports/parse',
      tags,
      summary: 'Распознать дорожные карты в файле DOCX, XLSX или TXT (ничего не сохраняет)',
      request: fileBody,
      responses: okJson(
        'Распознанные дорожные карты и предупреждения (docs/import-format.md)',
        roadmapParseView,
      ),
    }),
    async (c) => {
      const actor = requireActor(c);
      // Only those who keep some roadmaps import them; the parse itself touches no data.
      if (!hasRole(actor, ROADMAP_KEEPER_ROLES)) {
        throw new AppError(
          'FORBIDDEN',
          'Загружать дорожные карты могут органы и организации, которые их ведут',
        );
      }
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      return c.json(await parseRoadmapDocument(upload.name, upload.data), 200);
    },
  );
  app.openapi(
    createRoute({
      ...access('unit.keep'),
      method: 'post',
      path: '/api/roadmap-imports',
      tags,
      summary: 'Сохранить распознанные (и исправленные) дорожные карты как черновики — все или ни одной',
      request: jsonBody(saveImportInput),
      responses: okJson('Созданные дорожные карты', savedImportView),
    }),
    async (c) =>
      c.json(
        await saveImportedRoadmaps(deps.db, { actor: requireActor(c), input: c.req.valid('json') }),
        200,
      ),
  );
}
