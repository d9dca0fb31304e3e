import { ActionIcon, Button, Card, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createCriteriaSetInput } from '../../modules/expertise/values.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { type CriteriaSet, keys } from './api.js';
import { SUBJECT_LABELS } from './labels.js';

// A new version of a criteria set, started from the current one. The scale is written as the people who
// use it say it: «0 — не соответствует; 1 — частично; 2 — соответствует». The form checks with the API's
// own schema; the version in use stays as it was for the reviews that took it.

type Row = { key: number; code: string; name: string; description: string; scale: string };

/** Stable keys of the rows being edited (a code may be empty or repeated while typing). */
let lastKey = 0;
const nextKey = () => ++lastKey;

const scaleText = (s: CriteriaSet['criteria'][number]['scale']) =>
  s.map((p) => `${p.score} — ${p.label}`).join('; ');
const parseScale = (t: string) =>
  t
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const m = /^(\d+)\s*[—-]\s*(.+)$/.exec(x);
      return m ? { score: Number(m[1]), label: (m[2] ?? '').trim() } : { score: Number.NaN, label: x };
    });

export function CriteriaEditor({ set, onClose }: { set: CriteriaSet; onClose: () => void }) {
  const qc = useQueryClient();
  const [title, setTitle] = useState(set.title);
  const [rows, setRows] = useState<Row[]>(
    set.criteria.map((c) => ({
      key: nextKey(),
      code: c.code,
      name: c.name,
      description: c.description,
      scale: scaleText(c.scale),
    })),
  );
  const [error, setError] = useState<string | null>(null);
  const patch = (i: number, p: Partial<Row>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...p } : r)));
  async function save() {
    const body = {
      subject: set.subject,
      title,
      criteria: rows.map((r) => ({
        code: r.code,
        name: r.name,
        description: r.description,
        scale: parseScale(r.scale),
      })),
    };
    const checked = createCriteriaSetInput.safeParse(body);
    if (!checked.success) {
      const i = checked.error.issues[0];
      setError(i ? `${i.path.join('.')}: ${i.message}` : 'Проверьте критерии');
      return;
    }
    try {
      const v = await unwrap(api.POST('/api/expertise/criteria-sets', { body: checked.data }));
      notifyOk(`Утверждена версия ${v.versionNo}`);
      await qc.invalidateQueries({ queryKey: keys.criteria });
      onClose();
    } catch (e) {
      notifyError(e);
    }
  }
  return (
    <Modal opened onClose={onClose} size="xl" title={`Новая версия: ${SUBJECT_LABELS[set.subject]}`}>
      <Stack>
        <TextInput label="Название набора" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        {rows.map((r, i) => (
          <Card withBorder key={r.key} p="sm">
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                label="Код"
                value={r.code}
                onChange={(e) => patch(i, { code: e.currentTarget.value })}
                w={80}
              />
              <TextInput
                label="Критерий"
                value={r.name}
                onChange={(e) => patch(i, { name: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label="Удалить критерий"
                onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
            <Textarea
              label="Что проверяется"
              value={r.description}
              onChange={(e) => patch(i, { description: e.currentTarget.value })}
              autosize
              minRows={1}
            />
            <TextInput
              label="Шкала (балл — подпись; через точку с запятой)"
              value={r.scale}
              onChange={(e) => patch(i, { scale: e.currentTarget.value })}
            />
          </Card>
        ))}
        <Button
          variant="light"
          onClick={() =>
            setRows((all) => [
              ...all,
              {
                key: nextKey(),
                code: '',
                name: '',
                description: '',
                scale: rows[0]?.scale ?? '0 — нет; 1 — да',
              },
            ])
          }
        >
          Добавить критерий
        </Button>
        {error && <Text c="red">{error}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={save} data-testid="criteria-save">
            Утвердить новую версию
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
