import { z } from 'zod';
import { foundItemView, roadmapSummaryView, taskView, unitRefView } from '../roadmaps/views.js';

export const unitRollUpView = z.object({
  unit: unitRefView,
  roadmaps: z.number().int(),
  items: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  tasksDone: z.number().int(),
  tasksTotal: z.number().int(),
});

const someItems = z.object({ total: z.number().int(), items: z.array(foundItemView) });

export const dashboardView = z
  .object({
    ownRoadmaps: z.array(roadmapSummaryView),
    otherRoadmaps: z.array(roadmapSummaryView),
    overdue: someItems,
    upcoming: someItems,
    awaiting: someItems,
    tasks: z.object({
      total: z.number().int(),
      done: z.number().int(),
      overdue: z.number().int(),
      items: z.array(taskView),
    }),
    rollUp: z
      .object({ level: z.enum(['municipality', 'school']), units: z.array(unitRollUpView) })
      .nullable(),
  })
  .meta({ id: 'Dashboard' });
