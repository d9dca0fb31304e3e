import QRCode from 'qrcode';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { formatRuDate } from '../documents/export-roadmap-docx.js';
import { assertSchoolTeam } from './campaign-access.js';
import { schoolCampaign } from './school-campaign.js';
import { GROUP_LABELS } from './strings.js';

// The school's printable sheet: one page per anonymous link with its address, a QR code and a short
// instruction, to hang in a classroom or hand to parents. HTML for the browser's «Печать» (A4).

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

const WHO: Record<string, string> = {
  pupil: 'Анкета для обучающихся',
  parent: 'Анкета для родителей (законных представителей)',
};

export const answerUrl = (origin: string, token: string) => `${origin}/a/${token}`;

export async function printSheet(
  db: Db,
  opts: { actor: Actor; campaignId: string; schoolId: string; origin: string },
): Promise<string> {
  const view = await schoolCampaign(db, opts);
  assertSchoolTeam(opts.actor, opts.schoolId);
  const pages: string[] = [];
  for (const link of view.links?.anonymous ?? []) {
    const url = answerUrl(opts.origin, link.token);
    const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    pages.push(`<section class="page">
  <h1>${esc(WHO[link.group] ?? GROUP_LABELS[link.group])}</h1>
  <p class="school">${esc(view.school.shortName ?? view.school.name)}</p>
  <p class="campaign">${esc(view.campaign.title)}<br>с ${formatRuDate(view.campaign.opensOn)} по ${formatRuDate(view.campaign.closesOn)}</p>
  <div class="qr">${svg}</div>
  <p class="url">${esc(url)}</p>
  <ol>
    <li>Наведите камеру телефона на QR-код или откройте адрес в браузере.</li>
    <li>Ответьте на вопросы — это займёт 5–10 минут. Ответ можно прервать: он сохранится на телефоне.</li>
    <li>Анкета анонимная: мы не спрашиваем имя и не сохраняем данные о вас. С одного устройства можно ответить один раз.</li>
  </ol>
</section>`);
  }
  const body = pages.length ? pages.join('\n') : '<p>В этом анкетировании нет анонимных групп.</p>';
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Ссылки на анкеты — ${esc(view.school.name)}</title>
<style>
body{font-family:"PT Sans","DejaVu Sans",Arial,sans-serif;margin:0;color:#111}
.page{padding:24mm 20mm;page-break-after:always;text-align:center}
h1{font-size:26pt;margin:0 0 8mm}.school{font-size:18pt;margin:0 0 4mm}.campaign{font-size:12pt;color:#444}
.qr svg{width:90mm;height:90mm}.url{font-family:monospace;font-size:13pt;word-break:break-all}
ol{text-align:left;font-size:13pt;max-width:160mm;margin:6mm auto}
@media print{.page:last-child{page-break-after:auto}}
</style></head><body>${body}</body></html>`;
}
