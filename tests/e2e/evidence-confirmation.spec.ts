import { deflateSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { minimalPdf } from '../../src/modules/demo/demo-files.js';
import { apiGet, signIn } from './fixtures.js';

/** A PDF the browser's viewer renders (the preview shows it). */
const PDF = minimalPdf(['Protocol No. 3 of the school methodical association', '6 teachers attended']);

type Found = {
  id: string;
  version: number;
  status: string;
  confirmation: string | null;
  roadmap: { id: string; unitName: string };
};

const SHOTS = process.env.SHOTS_DIR;
/** Screenshots for the reviewers, without the passing notifications over the page. */
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  for (const close of await page.locator('.mantine-Notification-closeButton').all())
    await close.click().catch(() => {});
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

/** A real PNG photo (a 320×200 picture of stripes) for the preview, built here to keep the repo small. */
function photo(): Buffer {
  const w = 320;
  const h = 200;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      const band = Math.floor(x / 40) % 2 === 0;
      raw[o] = band ? 40 : 200;
      raw[o + 1] = 120 + Math.floor(y / 2);
      raw[o + 2] = band ? 180 : 60;
    }
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = (table[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('a school proves a measure done and the curator confirms it with the proof in view', async ({
  browser,
}) => {
  const school = await signIn(browser, 'school');
  await school.setViewportSize({ width: 1280, height: 800 });
  const mine = await apiGet<Found[]>(school, '/api/items?view=mine');
  const item = mine.find(
    (i) => /Нагорное/.test(i.roadmap.unitName) && (i.status === 'planned' || i.status === 'in_progress'),
  );
  if (!item) throw new Error('the demo school has no open item of its own roadmap');
  // The school's own rule for this measure: a protocol and at least 5 teachers.
  const rule = await school.request.patch(`/api/items/${item.id}`, {
    data: {
      indicator: 'Протокол ШМО; не менее 5 педагогов посетили открытые уроки',
      evidenceKind: 'protocol',
      targetComparator: 'gte',
      targetValue: 5,
      targetUnit: 'педагогов',
      version: item.version,
    },
  });
  expect(rule.status()).toBe(200);

  await school.goto(`/roadmaps/${item.roadmap.id}?item=${item.id}`);
  const drawer = school.getByTestId('item-drawer');
  await expect(drawer.getByTestId('item-proof-rule')).toContainText('документ: протокол');
  await drawer.getByTestId('item-status-select').selectOption('done');
  await drawer.getByTestId('item-status-save').click();
  const refusal = drawer.getByTestId('item-status-refusal');
  await expect(refusal).toContainText('Приложите документ: протокол');
  await expect(refusal).toContainText('Укажите фактическое значение: целевое — не менее 5 педагогов');
  await shot(school, 'evidence-refusal-1280');

  // The protocol (the kind the rule asks for is pre-selected) and a photo of the lesson.
  await expect(drawer.getByTestId('evidence-kind-select')).toHaveValue('protocol');
  await drawer
    .getByTestId('evidence-upload')
    .setInputFiles({ name: 'Протокол ШМО № 3.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(drawer.getByTestId('evidence-list')).toContainText('Протокол ШМО № 3.pdf');
  await drawer.getByTestId('evidence-kind-select').selectOption('photo');
  await drawer
    .getByTestId('evidence-upload')
    .setInputFiles({ name: 'Открытый урок.png', mimeType: 'image/png', buffer: photo() });
  await expect(drawer.getByTestId('evidence-list')).toContainText('Открытый урок.png');
  await drawer.getByTestId('item-actual-value').fill('6');
  await drawer.getByTestId('item-status-save').click();
  await expect(school.getByTestId(`roadmap-row-${item.id}`)).toContainText('ждёт подтверждения');
  await expect(drawer.getByTestId('plan-fact')).toContainText('не менее 5 педагогов');
  await expect(drawer.getByTestId('plan-fact')).toContainText('факт: 6');
  await shot(school, 'evidence-item-plan-fact-1280');

  const curator = await signIn(browser, 'curator');
  await curator.setViewportSize({ width: 1280, height: 800 });
  await curator.goto('/work/awaiting');
  const summary = curator.getByTestId(`proof-summary-${item.id}`);
  await expect(summary).toContainText('2 файла');
  await expect(summary).toContainText('Протокол ШМО № 3.pdf');
  await expect(summary).toContainText('не менее 5 педагогов');
  await expect(summary).toContainText('факт: 6');
  await summary.scrollIntoViewIfNeeded();
  await shot(curator, 'evidence-awaiting-list-1280');
  await curator.setViewportSize({ width: 390, height: 844 });
  await summary.scrollIntoViewIfNeeded();
  await shot(curator, 'evidence-awaiting-list-390');
  await curator.setViewportSize({ width: 1280, height: 800 });

  // «Подтвердить» opens the proof; confirming needs every file opened.
  await curator.getByTestId(`open-proof-${item.id}`).click();
  const modal = curator.getByTestId('proof-modal');
  await expect(modal.getByTestId('proof-preview-frame')).toBeVisible();
  await expect(modal.getByTestId('proof-confirm')).toBeDisabled();
  await expect(modal.getByTestId('proof-seen')).toContainText('Открыто файлов: 1 из 2');
  if (SHOTS) await curator.waitForTimeout(1500); // only for the picture: the PDF viewer draws the page
  await shot(curator, 'evidence-proof-modal-pdf-1280');
  await modal.getByText('Открытый урок.png').click();
  await expect(modal.getByTestId('proof-preview-image')).toBeVisible();
  await expect
    .poll(() =>
      modal.getByTestId('proof-preview-image').evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(320);
  await expect(modal.getByTestId('proof-confirm')).toBeEnabled();
  await shot(curator, 'evidence-proof-modal-1280');
  await curator.setViewportSize({ width: 390, height: 844 });
  await shot(curator, 'evidence-proof-modal-390');
  await modal.getByTestId('proof-confirm').click();
  await expect(modal).toBeHidden();
  await expect(curator.getByTestId(`proof-summary-${item.id}`)).toHaveCount(0);

  // The history says what the curator looked at, for the school too.
  await school.reload();
  await expect(school.getByTestId('item-history')).toContainText(
    'Подтверждено, просмотрены: Протокол ШМО № 3.pdf, Открытый урок.png',
  );
  await school.getByTestId('item-history').getByText('Подтверждено, просмотрены').scrollIntoViewIfNeeded();
  await shot(school, 'evidence-history-1280');
  await school.keyboard.press('Escape');
  const row = school.getByTestId(`roadmap-row-${item.id}`);
  await expect(row).toContainText('факт: 6 педагогов');
  await row.scrollIntoViewIfNeeded();
  await shot(school, 'evidence-roadmap-row-1280');
});
