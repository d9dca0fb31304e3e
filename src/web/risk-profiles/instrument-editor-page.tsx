import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { RespondentGroup } from '../../db/schema/values.js';
import type { Instrument, InstrumentItem } from '../../modules/risk-profiles/instrument.js';
import { parseInstrument } from '../../modules/risk-profiles/parse-instrument.js';
import { presentationIssues } from '../../modules/risk-profiles/presentation.js';
import { ApiError, api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';
import { type InstrumentDetail, riskFetchers, riskKeys, STATUS_LABELS } from './api.js';
import { ItemEditor, type ItemErrors } from './instrument-item-editor.js';
import { GROUP_TABS, PreviewTab } from './instrument-preview.js';
import { SectionsEditor } from './instrument-sections-editor.js';

// The editor of a questionnaire version: questions per group (text, factor, type, weight, options with
// risks, reorder, add, remove), the questionnaires' titles, introductions and sections, and «Предпросмотр»
// as respondents see it. Checked as you type by the same schema as the server; saved whole with the
// draft's version (409 — somebody saved first). A frozen version is read-only: change means a new version.

export function InstrumentEditorPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: riskKeys.instrument(id), queryFn: () => riskFetchers.instrument(id) });
  return <Query q={q}>{(detail) => <Editor key={`${detail.id}-${detail.version}`} detail={detail} />}</Query>;
}

/** Problems of the document by path: the same schema as the server, all at once. */
function issuesOf(doc: Instrument) {
  const r = parseInstrument(doc);
  return r.ok ? presentationIssues(r.instrument) : r.issues;
}

function Editor({ detail }: { detail: InstrumentDetail }) {
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const canEdit = me.capabilities.riskReference === 'edit';
  const readOnly = !canEdit || detail.status !== 'draft';
  const [doc, setDoc] = useState<Instrument>(() => structuredClone(detail.document) as Instrument);
  const [dirty, setDirty] = useState(false);
  const [group, setGroup] = useState<RespondentGroup>('director');
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const issues = useMemo(() => issuesOf(doc), [doc]);

  const change = (next: Instrument) => {
    setDoc(next);
    setDirty(true);
  };
  const setItems = (items: InstrumentItem[]) => change({ ...doc, items });
  const indexed = doc.items.map((item, i) => ({ item, i })).filter((x) => x.item.group === group);

  /** errors of item i, keyed by the path below it */
  const errorsOf = (i: number): ItemErrors => {
    const out: ItemErrors = {};
    const prefix = `items[${i}]`;
    for (const issue of issues) {
      if (issue.path === prefix) out.text = issue.message;
      else if (issue.path.startsWith(`${prefix}.`))
        out[issue.path.slice(prefix.length + 1)] ??= issue.message;
    }
    return out;
  };

  function move(i: number, delta: -1 | 1) {
    // swap with the neighbour of the same group: the order of other groups' questions stays
    const same = indexed.map((x) => x.i);
    const at = same.indexOf(i);
    const j = same[at + delta];
    if (j === undefined) return;
    const items = [...doc.items];
    [items[i], items[j]] = [items[j] as InstrumentItem, items[i] as InstrumentItem];
    setItems(items);
  }

  function addItem() {
    // codes as in the system's draft: d01, t01, p01, r01 (parents are «r», pupils took «p»)
    const prefix = group === 'parent' ? 'r' : (group[0] as string);
    let n = indexed.length + 1;
    const ids = new Set(doc.items.map((x) => x.id));
    while (ids.has(`${prefix}${String(n).padStart(2, '0')}`)) n++;
    const id = `${prefix}${String(n).padStart(2, '0')}`;
    const last = indexed.at(-1)?.item;
    const item: InstrumentItem = {
      id,
      group,
      factor: last?.factor ?? doc.factors[0]?.code ?? '1',
      type: 'single',
      text: '',
      options: [
        { value: '1', label: 'Да', risk: 0 },
        { value: '2', label: 'Нет', risk: 1 },
      ],
      ...(typeof last?.section === 'string' ? { section: last.section } : {}),
    };
    const lastIndex = indexed.at(-1)?.i ?? doc.items.length - 1;
    const items = [...doc.items];
    items.splice(lastIndex + 1, 0, item);
    setItems(items);
    setOpen(id);
  }

  async function save() {
    setBusy(true);
    setServerError(null);
    try {
      await unwrap(
        api.PUT('/api/risk-instruments/{id}', {
          params: { path: { id: detail.id } },
          body: { version: detail.version, document: doc as Record<string, unknown> },
        }),
      );
      notifyOk('Анкеты сохранены');
      setDirty(false);
      await qc.invalidateQueries({ queryKey: riskKeys.instrument(detail.id) });
      await qc.invalidateQueries({ queryKey: riskKeys.instruments });
    } catch (e) {
      if (e instanceof ApiError && !e.isConflict) setServerError(e.message);
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  async function newVersion() {
    setBusy(true);
    try {
      const created = await unwrap(api.POST('/api/risk-instruments', { body: { basedOnId: detail.id } }));
      await qc.invalidateQueries({ queryKey: riskKeys.instruments });
      notifyOk(`Создана версия ${created.versionNo} — черновик`);
      navigate(`/risk-instruments/${created.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!window.confirm('Удалить этот черновик анкет?')) return;
    try {
      await unwrap(
        api.DELETE('/api/risk-instruments/{id}', {
          params: { path: { id: detail.id }, query: { version: detail.version } },
        }),
      );
      await qc.invalidateQueries({ queryKey: riskKeys.instruments });
      notifyOk('Черновик удалён');
      navigate('/risk-instruments');
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <Stack>
      <Anchor component={Link} to="/risk-instruments" size="sm">
        ← Анкеты и факторы риска
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{typeof doc.title === 'string' ? doc.title : detail.title}</Title>
          <Group gap="xs">
            <Badge color={detail.status === 'frozen' ? 'gray' : 'blue'} variant="light">
              {STATUS_LABELS[detail.status]}
            </Badge>
            <Text size="sm" c="dimmed">
              {detail.code}, версия {detail.versionNo}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          {!readOnly && (
            <Button
              onClick={save}
              loading={busy}
              disabled={!dirty || issues.length > 0}
              data-testid="save-instrument"
            >
              Сохранить
            </Button>
          )}
          <Button component="a" href={`/api/risk-instruments/${detail.id}/export`} variant="default">
            Выгрузить JSON
          </Button>
          {canEdit && (
            <Button variant="default" onClick={newVersion} loading={busy} data-testid="new-version">
              Новая версия
            </Button>
          )}
          {!readOnly && detail.usedBy.length === 0 && (
            <Button variant="subtle" color="red" onClick={remove}>
              Удалить
            </Button>
          )}
        </Group>
      </Group>
      {detail.code === 'opora-risk-instrument' && (
        <Alert color="blue" variant="light">
          Основа этих анкет — черновик системы Опора для 12 факторов риска. Регион может адаптировать вопросы,
          варианты ответов и их риски под свои задачи.
        </Alert>
      )}
      {detail.status === 'frozen' && (
        <Alert color="gray" variant="light">
          Версия заморожена: по ней проводилось анкетирование
          {detail.usedBy.length > 0 ? ` (${detail.usedBy.map((c) => c.title).join('; ')})` : ''}. Чтобы
          изменить анкеты, создайте новую версию.
        </Alert>
      )}
      {!readOnly && issues.length > 0 && (
        <Alert
          color="red"
          variant="light"
          title={`Исправьте ошибки (${issues.length}) — сохранение недоступно`}
          data-testid="instrument-issues"
        >
          <List size="sm">
            {issues.slice(0, 8).map((x) => (
              <List.Item key={`${x.path}:${x.message}`}>
                {x.path}: {x.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {serverError && (
        <Alert color="red" variant="light">
          {serverError}
        </Alert>
      )}
      <Tabs defaultValue="items" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="items">Вопросы</Tabs.Tab>
          <Tabs.Tab value="preview" data-testid="tab-preview">
            Предпросмотр
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="items" pt="md">
          <Stack>
            <SegmentedControl
              data={GROUP_TABS}
              value={group}
              onChange={(v) => setGroup(v as RespondentGroup)}
              data-testid="editor-group"
              maw={520}
            />
            <SectionsEditor instrument={doc} group={group} readOnly={readOnly} onChange={change} />
            {indexed.map(({ item, i }, k) => (
              <ItemEditor
                key={`${i}`}
                number={k + 1}
                instrument={doc}
                item={item}
                errors={errorsOf(i)}
                readOnly={readOnly}
                expanded={open === item.id}
                onToggle={() => setOpen(open === item.id ? null : item.id)}
                onChange={(next) => {
                  setItems(doc.items.map((x, j) => (j === i ? next : x)));
                  if (open === item.id) setOpen(next.id);
                }}
                onMove={(d) => move(i, d)}
                onRemove={() => setItems(doc.items.filter((_, j) => j !== i))}
              />
            ))}
            {!readOnly && (
              <Group>
                <Button variant="default" onClick={addItem} data-testid="add-item">
                  Добавить вопрос
                </Button>
              </Group>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          <PreviewTab instrument={doc} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
