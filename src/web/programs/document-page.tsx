import { Alert, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { documentContentSchema } from '../../modules/programs/content.js';
import { PublicationControl } from '../publication/publication-control.js';
import { api, unwrap } from '../shared/api.js';
import { check } from '../shared/form-check.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';
import { ContentPanel } from './content-panel.js';
import { DocumentActions } from './document-actions.js';
import { type Content, type DocumentDetail, STATUS_COLORS, STATUS_LABELS } from './labels.js';
import { CommentsPanel, HistoryPanel, VersionsPanel } from './side-panels.js';

// A school document: its workflow's buttons, the content (edited by the school, read by the others),
// comments on its parts, the difference between versions and the history.

export function DocumentPage() {
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: ['school-document', id],
    queryFn: () => unwrap(api.GET('/api/school-documents/{id}', { params: { path: { id } } })),
  });
  return <Query q={q}>{(doc) => <DocumentView doc={doc} />}</Query>;
}

function DocumentView({ doc }: { doc: DocumentDetail }) {
  const qc = useQueryClient();
  const [content, setContent] = useState<Content>(doc.content);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [tab, setTab] = useState<string | null>('content');
  const [anchor, setAnchor] = useState<string | null>(null);
  // A new version of the document from the server replaces the form (after saving or a step).
  useEffect(() => {
    setContent(doc.content);
    setDirty(false);
  }, [doc.content]);
  const comments = useQuery({
    queryKey: ['school-document', doc.id, 'comments'],
    queryFn: () =>
      unwrap(api.GET('/api/school-documents/{id}/comments', { params: { path: { id: doc.id } } })),
  });
  const counts = new Map<string, number>();
  for (const c of comments.data ?? []) counts.set(c.anchor, (counts.get(c.anchor) ?? 0) + 1);
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['school-document', doc.id] });
    await qc.invalidateQueries({ queryKey: ['school-documents'] });
  };
  async function save() {
    const { data, errors } = check(documentContentSchema, content);
    if (!data) {
      notifyError(new Error(Object.values(errors ?? {})[0] ?? 'Проверьте заполнение'));
      return;
    }
    setSaving(true);
    try {
      await unwrap(
        api.PATCH('/api/school-documents/{id}', {
          params: { path: { id: doc.id } },
          body: { content: data, version: doc.version },
        }),
      );
      notifyOk('Сохранено');
      await refresh();
    } catch (e) {
      notifyError(e);
    } finally {
      setSaving(false);
    }
  }
  // The comment of the step that sent the document back, as its author wrote it.
  const lastReturn = [...doc.history].reverse().find((h) => h.type === 'school_document.status_changed');
  const returnText = lastReturn?.text.split(' — ').slice(1).join(' — ').replace(/^«|»$/g, '');
  return (
    <Stack>
      <Text size="sm">
        <Link to="/programs">← Программы и концептуальные документы</Link>
      </Text>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} data-testid="doc-title">
            {doc.title}
          </Title>
          <Text c="dimmed">
            {doc.schoolName} · {doc.year}/{doc.year + 1} учебный год · версия {doc.versionNo}
            {doc.orderNumber
              ? ` · утверждено приказом № ${doc.orderNumber} от ${formatDate(doc.orderDate)}`
              : ''}
          </Text>
        </Stack>
        <Badge size="lg" color={STATUS_COLORS[doc.status]} variant="light" data-testid="doc-status">
          {STATUS_LABELS[doc.status]}
        </Badge>
      </Group>
      {doc.status === 'rework' && lastReturn && (
        <Alert color="orange" title="Документ возвращён на доработку" data-testid="doc-returned">
          {returnText || lastReturn.text} — {lastReturn.actorName ?? '—'}
        </Alert>
      )}
      <PublicationControl kind="school_document" objectId={doc.id} title={doc.title} publishButton={false} />
      <DocumentActions doc={doc} dirty={dirty} onDone={refresh} />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="content">Документ</Tabs.Tab>
          <Tabs.Tab value="comments" data-testid="tab-comments">
            Комментарии {comments.data?.length ? `(${comments.data.length})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="versions">Версии</Tabs.Tab>
          <Tabs.Tab value="history">История</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="content" pt="md">
          <ContentPanel
            progress={doc.progress}
            canDiscuss={doc.rights.discuss}
            content={content}
            editing={doc.rights.edit}
            onChange={(c) => {
              setContent(c);
              setDirty(true);
            }}
            counts={counts}
            onComment={(a) => {
              setAnchor(a);
              setTab('comments');
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="comments" pt="md">
          <CommentsPanel
            doc={doc}
            comments={comments.data ?? []}
            anchor={anchor}
            onAnchor={setAnchor}
            onAdded={refresh}
          />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          {/* A new version resets the choice to «the last two» */}
          <VersionsPanel key={doc.versions.length} doc={doc} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel doc={doc} />
        </Tabs.Panel>
      </Tabs>
      {doc.rights.edit && tab === 'content' && (
        <Group
          justify="flex-end"
          p="sm"
          style={{
            position: 'sticky',
            bottom: 0,
            background: 'var(--mantine-color-body)',
            borderTop: '1px solid var(--mantine-color-gray-3)',
          }}
        >
          {dirty && (
            <Text size="sm" c="orange">
              Есть несохранённые изменения
            </Text>
          )}
          <Button onClick={save} loading={saving} disabled={!dirty} data-testid="doc-save">
            Сохранить
          </Button>
        </Group>
      )}
    </Stack>
  );
}
