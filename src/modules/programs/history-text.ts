import { formatRuDate } from '../documents/export-roadmap-docx.js';
import { STATUS_LABELS } from './strings.js';

// A Russian line per history event of a document, for the document's page.

const status = (s: unknown) => STATUS_LABELS[s as keyof typeof STATUS_LABELS] ?? String(s);
const FIELD_NAMES: Record<string, string> = {
  title: 'название',
  goal: 'цель',
  tasks: 'задачи',
  indicators: 'показатели',
  measures: 'мероприятия',
  responsible: 'ответственные',
  partners: 'партнёры',
  sections: 'разделы',
  orderFile: 'файл приказа',
};

export function historyText(type: string, p: Record<string, unknown>): string {
  switch (type) {
    case 'school_document.created':
      return `Документ создан: ${String(p.title)}`;
    case 'school_document.updated':
      return `Изменено: ${((p.fields as string[]) ?? []).map((f) => FIELD_NAMES[f] ?? f).join(', ')}`;
    case 'school_document.status_changed': {
      const order = p.orderNumber
        ? ` (приказ № ${String(p.orderNumber)} от ${formatRuDate(String(p.orderDate))})`
        : '';
      const comment = p.comment ? ` — «${String(p.comment)}»` : '';
      return `${status(p.from)} → ${status(p.to)}${order}${comment}`;
    }
    case 'school_document.version_started':
      return `Начата версия ${String(p.versionNo)}: утверждённая версия сохранена без изменений`;
    case 'school_document.comment_added':
      return `Комментарий: «${String(p.text)}»`;
    case 'school_document.measures_transferred':
      return `Мероприятий перенесено в дорожную карту «${String(p.roadmapTitle)}»: ${String(p.items)}${p.roadmapCreated ? ' (карта создана как черновик)' : ''}`;
    default:
      return type;
  }
}
