import { sql } from 'drizzle-orm';
import { it } from 'vitest';
import { openPglite } from '../db/client.js';
import { databaseStorage } from '../modules/files/storage.js';
import { loadDemo } from '../modules/demo/load-demo.js';
it('times', async () => {
  for (let k = 0; k < Number(process.env.RUNS ?? 1); k++) {
    const db = await openPglite(null);
    const log: string[] = [];
    const s = await loadDemo(db.db, { storage: databaseStorage, log: (m) => log.push(m) });
    console.log(log.filter((l) => l.startsWith('Готово')).join('\n'), 'done', s.doneItems, 'files', s.evidenceFiles);
    if (process.env.SHOW) {
      const r = await db.db.execute(sql`select i.evidence_kind, i.target_value, i.actual_value, i.proof_waiver, r.is_demo, (select count(*) from roadmap_item_evidence e where e.item_id=i.id) n from roadmap_items i join roadmaps r on r.id=i.roadmap_id where i.status='done' and not exists (select 1 from roadmap_item_evidence e where e.item_id=i.id)`);
      console.log(JSON.stringify((r as unknown as { rows: unknown[] }).rows.slice(0, 10)), (r as unknown as { rows: unknown[] }).rows.length);
    }
    await db.close();
  }
}, 300000);
