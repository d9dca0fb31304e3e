import { type Para, periodInText, periodInTitle, readApproval, readTitle } from './context.js';
import type { RoadmapHead } from './current-table.js';
import type { Warn } from './draft.js';
import type { ImportedApproval } from './types.js';

/**
 * The title, period and approval of a roadmap read from the paragraphs above its table; `docOrder` is the
 * order header of the whole document, if it has one.
 */
export function readRoadmapHead(
  paras: Para[],
  opts: { docOrder: ImportedApproval | null; fileName: string; location: string; warn: Warn },
): RoadmapHead {
  const { docOrder, fileName, location, warn } = opts;
  const found = readTitle(paras);
  const title = found ?? `Дорожная карта из файла «${fileName}»`;
  if (!found) warn(location, 'Название дорожной карты не найдено над таблицей: укажите его');
  const period = periodInTitle(title) ?? periodInText(paras);
  if (period?.multiYear) {
    warn(
      location,
      `Дорожная карта на несколько лет (${period.text}): сроки без года отнесены к ${period.year} году`,
    );
  }
  const approval = readApproval(paras, docOrder);
  const orderNumber = docOrder?.orderNumber;
  if (approval?.orderNumber && orderNumber && approval.orderNumber !== orderNumber) {
    warn(
      location,
      `Номер приказа у дорожной карты («${approval.orderNumber}») не совпадает с номером в шапке приказа («${orderNumber}»): сохранён номер, указанный у дорожной карты`,
    );
  }
  return { title, period, approval };
}
