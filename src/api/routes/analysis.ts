import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { getEffect } from '../../modules/analysis/get-effect.js';
import { getPositiveChange } from '../../modules/analysis/positive-change.js';
import { effectView, positiveChangeView } from '../../modules/analysis/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { okJson } from '../openapi.js';
import { onReportDb } from '../report-db.js';

// Позитивные изменения и эффект поддержки (issue 13 §3–4). Both are reports over the region's data: they
// read the replica when it has caught up.

const tags = ['Анализ'];
const analysisQuery = z.object({
  unitId: z.uuid({ message: 'Неверный идентификатор организации' }),
  year: z.coerce
    .number({ message: 'Укажите год списка числом' })
    .int({ message: 'Укажите год списка числом' })
    .min(2000, { message: 'Год списка вне допустимого диапазона' })
    .max(2100, { message: 'Год списка вне допустимого диапазона' })
    .optional()
    .describe('Год утверждённого списка ШНОР T; по умолчанию последний подходящий'),
});

export function analysisRoutes(app: App, deps: Deps) {
  app.openapi(
    createRoute({
      ...access('unit.read'),
      method: 'get',
      path: '/api/analysis/positive-change',
      tags,
      summary:
        'Позитивные изменения: школы утверждённого списка ШНОР года T (видимые пользователю внутри организации) ' +
        'в году T+1 — изменение R, доли «2» по процедурам, низкие процедуры, выход из списка, стагнация, ' +
        'высокие риски было → стало, исполнение карты и программы; сводки по организации и муниципалитетам',
      request: { query: analysisQuery },
      responses: okJson('Позитивные изменения', positiveChangeView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const actor = requireActor(c);
      return c.json(
        await onReportDb(c, deps, (rdb) =>
          getPositiveChange(rdb, { actor, unitId: q.unitId, ...(q.year !== undefined && { year: q.year }) }),
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('unit.read'),
      method: 'get',
      path: '/api/analysis/effect',
      tags,
      summary:
        'Эффект поддержки школ утверждённого списка ШНОР года T на R года T+1 (разность разностей против ' +
        'похожих неподдержанных школ региона, 95 % интервал) рядом с простым «до и после»; для региона или ' +
        'муниципалитета (его ШНОР, сравнение — по всему региону); по муниципалитетам, где школ достаточно',
      request: { query: analysisQuery },
      responses: okJson('Эффект поддержки', effectView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const actor = requireActor(c);
      return c.json(
        await onReportDb(c, deps, (rdb) =>
          getEffect(rdb, { actor, unitId: q.unitId, ...(q.year !== undefined && { year: q.year }) }),
        ),
        200,
      );
    },
  );
}
