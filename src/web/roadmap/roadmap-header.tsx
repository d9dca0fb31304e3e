import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';
import { api, apiHref, unwrap } from '../shared/api.js';
import { ROADMAP_KIND_LABELS, ROADMAP_STATUS_LABELS, type RoadmapDetail } from '../shared/types.js';
import { ApproveModal } from './approve-modal.js';
import { ConfirmModal } from './confirm-modal.js';
import { approvalLine, detailsLine } from './format.js';
import { RoadmapHistoryModal } from './history-list.js';
import { useAction } from './hooks.js';
import { OrderFile } from './order-file.js';
import { ProgressByStatus, StatusCounts } from './progress-bar.js';
import { RoadmapFormModal } from './roadmap-form.js';
import { ROADMAP_STATUS_COLORS, S } from './strings.js';

export function RoadmapHeader({ roadmap: r }: { roadmap: RoadmapDetail }) {
  const navigate = useNavigate();
  const { run, busy } = useAction(r.id);
  const [editing, edit] = useDisclosure(false);
  const [approving, approve] = useDisclosure(false);
  const [history, showHistory] = useDisclosure(false);
  const [deleting, del] = useDisclosure(false);
  // An imported archived record is only looked at; its keeper may still delete a wrong import.
  const record = r.executionImported;
  const manage = r.permissions.canManage && !record;
  const setStatus = (status: RoadmapDetail['status'], ok: string) =>
    run(
      () =>
        unwrap(
          api.PATCH('/api/roadmaps/{id}', {
            params: { path: { id: r.id } },
            body: { status, version: r.version },
          }),
        ),
      ok,
    );

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Breadcrumbs>
          <Anchor component={Link} to="/roadmaps" size="sm">
            {S.roadmaps}
          </Anchor>
          <Text size="sm" c="dimmed">
            {r.orgUnit.name}
          </Text>
        </Breadcrumbs>
        {/* On a phone the progress bar goes under the title instead of squeezing it. */}
        <Group justify="space-between" align="flex-start">
          <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Title order={3} data-testid="roadmap-title">
              {r.title}
            </Title>
            <Group gap="xs">
              <Badge color={ROADMAP_STATUS_COLORS[r.status]} variant="light" data-testid="roadmap-status">
                {ROADMAP_STATUS_LABELS[r.status]}
              </Badge>
              {record && (
                <Badge color="gray" variant="outline" data-testid="roadmap-imported-record">
                  исполнение по данным документа
                </Badge>
              )}
              {r.isDemo && (
                <Badge color="orange" variant="light">
                  демо
                </Badge>
              )}
              <Text size="sm" data-testid="roadmap-details">
                {r.orgUnit.name}
                <Text span size="sm" c="dimmed">
                  {detailsLine([r.periodLabel, ROADMAP_KIND_LABELS[r.kind]], true)}
                </Text>
              </Text>
            </Group>
            <Text size="sm" fs={r.status === 'draft' ? 'italic' : undefined} data-testid="roadmap-approval">
              {record
                ? r.orderNumber || r.orderDate
                  ? `${approvalLine(r)} (по данным документа)`
                  : 'Приказ об утверждении в документе не указан'
                : approvalLine(r)}
            </Text>
            {/* A record is not changed: its order file is shown, never attached. */}
            <OrderFile
              roadmap={record ? { ...r, permissions: { canManage: false, canConfirm: false } } : r}
            />
          </Stack>
          <Stack gap={6} w={{ base: '100%', sm: 280 }}>
            <ProgressByStatus progress={r.progress} counts={false} />
          </Stack>
        </Group>
        {record && (
          <Alert color="gray" variant="light" p="xs" data-testid="roadmap-record-note">
            <Text size="sm">
              Архивная запись завершённого периода, загруженная из документа: только для просмотра.
              Мероприятия отмечены «исполнено по данным документа» (отметка импортирована); в просроченные,
              сводки и рабочие списки карта не входит.
            </Text>
          </Alert>
        )}
        <StatusCounts progress={r.progress} />
        <Group gap="xs" mt="xs">
          <Button
            component="a"
            href={apiHref('/api/roadmaps/{id}/export', { path: { id: r.id }, query: { format: 'docx' } })}
            variant="light"
            data-testid="export-docx"
          >
            {S.exportDocx}
          </Button>
          <Button
            component="a"
            href={apiHref('/api/roadmaps/{id}/export', { path: { id: r.id }, query: { format: 'xlsx' } })}
            variant="light"
            data-testid="export-xlsx"
          >
            {S.exportXlsx}
          </Button>
          <Button variant="default" onClick={showHistory.open} data-testid="roadmap-history">
            {S.history}
          </Button>
          {manage && (
            <>
              <Button variant="default" onClick={edit.open} data-testid="roadmap-edit">
                {S.editRequisites}
              </Button>
              {r.status === 'draft' && (
                <Button color="green" onClick={approve.open} data-testid="roadmap-approve">
                  {S.approve}
                </Button>
              )}
              {r.status === 'approved' && (
                <>
                  <Button
                    variant="default"
                    loading={busy}
                    onClick={() => setStatus('archived', 'Дорожная карта перенесена в архив')}
                  >
                    {S.archive}
                  </Button>
                  <Button
                    variant="default"
                    loading={busy}
                    onClick={() => setStatus('draft', 'Дорожная карта возвращена в черновик')}
                  >
                    {S.toDraft}
                  </Button>
                </>
              )}
              {r.status === 'archived' && (
                <Button
                  variant="default"
                  loading={busy}
                  onClick={() => setStatus('approved', 'Дорожная карта возвращена из архива')}
                >
                  {S.unarchive}
                </Button>
              )}
              {r.status === 'draft' && (
                <Button color="red" variant="light" onClick={del.open} data-testid="roadmap-delete">
                  {S.deleteDraft}
                </Button>
              )}
            </>
          )}
          {record && r.permissions.canManage && (
            <Button color="red" variant="light" onClick={del.open} data-testid="roadmap-delete">
              Удалить архивную запись
            </Button>
          )}
        </Group>
      </Stack>
      <RoadmapFormModal roadmap={r} opened={editing} onClose={edit.close} />
      <ApproveModal roadmap={r} opened={approving} onClose={approve.close} />
      <RoadmapHistoryModal roadmap={r} opened={history} onClose={showHistory.close} />
      <ConfirmModal
        opened={deleting}
        onClose={del.close}
        title={record ? 'Удалить архивную запись' : S.deleteDraft}
        message={`Удалить ${record ? 'архивную запись' : 'черновик'} «${r.title}» со всеми разделами и мероприятиями? Это действие нельзя отменить.`}
        confirmLabel={S.delete}
        onConfirm={async () => {
          // Leave the page before the lists refresh, so the deleted roadmap is not fetched again.
          await run(
            async () => {
              await unwrap(
                api.DELETE('/api/roadmaps/{id}', {
                  params: { path: { id: r.id }, query: { version: r.version } },
                }),
              );
              navigate('/roadmaps');
            },
            record ? 'Архивная запись удалена' : 'Черновик удалён',
          );
        }}
      />
    </Paper>
  );
}
