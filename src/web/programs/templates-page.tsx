import { Alert, Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { documentContentSchema } from '../../modules/programs/content.js';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { check } from '../shared/form-check.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';
import { ContentPanel } from './content-panel.js';
import { type Content, KIND_LABELS } from './labels.js';

// The region's templates of school documents: the system's texts until the region edits one. The
// regional operator edits; everybody else reads what new documents will start from. {Y} and {Y1} in
// a text become the school year's first and second year.

type Template = Awaited<ReturnType<typeof loadTemplates>>[number];
const loadTemplates = () => unwrap(api.GET('/api/program-templates'));
const keyOf = (t: Template) => `${t.kind}:${t.factorCode}`;

export function TemplatesPage() {
  const q = useQuery({ queryKey: ['program-templates'], queryFn: loadTemplates });
  return <Query q={q}>{(list) => <TemplatesView list={list} />}</Query>;
}

function TemplatesView({ list }: { list: Template[] }) {
  const me = useMe();
  const qc = useQueryClient();
  const canEdit = me.assignments.some((a) => a.role === 'regional_operator' && a.unitKind === 'region');
  const [selected, setSelected] = useState(list[0] ? keyOf(list[0]) : '');
  const t = list.find((x) => keyOf(x) === selected) ?? list[0];
  const [content, setContent] = useState<Content | null>(t?.content ?? null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setContent(t?.content ?? null), [t]);
  if (!t || !content) return null;
  async function save() {
    if (!t || !content) return;
    const { data, errors } = check(documentContentSchema, content);
    if (!data) return notifyError(new Error(Object.values(errors ?? {})[0] ?? 'Проверьте заполнение'));
    setBusy(true);
    try {
      await unwrap(
        api.PUT('/api/program-templates', {
          body: { kind: t.kind, factorCode: t.factorCode, content: data, version: t.version },
        }),
      );
      notifyOk('Шаблон сохранён: новые документы начнутся с него');
      await qc.invalidateQueries({ queryKey: ['program-templates'] });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  const label = (x: Template) =>
    x.kind === 'antirisk_program' ? `${x.factorCode}. ${x.factorName ?? ''}` : KIND_LABELS[x.kind];
  return (
    <Stack>
      <Text size="sm">
        <Link to="/programs">← Программы и концептуальные документы</Link>
      </Text>
      <Title order={2}>Шаблоны документов школ</Title>
      <Group align="flex-end">
        <Select
          label="Шаблон"
          data={list.map((x) => ({ value: keyOf(x), label: label(x) }))}
          value={selected}
          onChange={(v) => v && setSelected(v)}
          allowDeselect={false}
          w={520}
          maw="100%"
          searchable
          data-testid="template-select"
        />
        <Badge color={t.edited ? 'blue' : 'gray'} variant="light" mb={8}>
          {t.edited ? 'изменён регионом' : 'шаблон системы'}
        </Badge>
      </Group>
      <Alert color="gray">
        В текстах {'{Y}'} и {'{Y1}'} заменяются годами учебного года документа. Школа получает шаблон уже
        заполненным данными системы: признаками из утверждённых списков и верифицированным рисковым профилем.
      </Alert>
      <ContentPanel
        progress={[]}
        canDiscuss={false}
        content={content}
        editing={canEdit}
        onChange={setContent}
        counts={new Map()}
        onComment={() => {}}
      />
      {canEdit && (
        <Group justify="flex-end">
          <Button onClick={save} loading={busy} data-testid="template-save">
            Сохранить шаблон
          </Button>
        </Group>
      )}
    </Stack>
  );
}
