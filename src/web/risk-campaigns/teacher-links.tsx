import { Badge, Button, Group, Modal, NumberInput, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { formatDate, notifyError } from '../shared/ui.js';
import { answerUrl } from './link-qr.js';
import { C } from './strings.js';

// The teachers' one-time links: the list says used / not used (never what was answered); new links are
// shown once, in a window to copy or print, since the server keeps only their hashes.

type Page = ApiData<'/api/risk-campaigns/{id}/schools/{schoolId}', 'get'>;
type Created = ApiData<'/api/risk-campaigns/{id}/schools/{schoolId}/teacher-links', 'post'>['links'];

export function TeacherLinks({
  campaignId,
  schoolId,
  links,
  open,
}: {
  campaignId: string;
  schoolId: string;
  links: NonNullable<Page['links']>['teachers'];
  open: boolean;
}) {
  const qc = useQueryClient();
  const [count, setCount] = useState<number>(5);
  const [names, setNames] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const make = useMutation({
    mutationFn: () => {
      const labels = names
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
      return unwrap(
        api.POST('/api/risk-campaigns/{id}/schools/{schoolId}/teacher-links', {
          params: { path: { id: campaignId, schoolId } },
          body: { count: Math.max(count, labels.length), labels },
        }),
      );
    },
    onSuccess: (r) => {
      setCreated(r.links);
      setNames('');
      qc.invalidateQueries({ queryKey: ['risk-campaign-school', campaignId, schoolId] });
    },
    onError: notifyError,
  });
  const used = links.filter((l) => l.used).length;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{C.teacherLinks}</Text>
        <Text size="sm" c="dimmed" data-testid="teacher-links-summary">
          использовано {used} из {links.length}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {C.teacherHint}
      </Text>
      {open && (
        <Group align="flex-end" mb="sm">
          <NumberInput
            label="Сколько ссылок"
            min={1}
            max={200}
            value={count}
            onChange={(v) => setCount(typeof v === 'number' ? v : 1)}
            w={140}
          />
          <Textarea
            label="Имена (по одному в строке)"
            autosize
            minRows={1}
            maxRows={6}
            value={names}
            onChange={(e) => setNames(e.currentTarget.value)}
            w={300}
          />
          <Button onClick={() => make.mutate()} loading={make.isPending} data-testid="teacher-links-create">
            Создать ссылки
          </Button>
        </Group>
      )}
      {links.length > 0 && (
        <Table.ScrollContainer minWidth={360}>
          <Table>
            <Table.Tbody>
              {links.map((l, i) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.label ?? `Ссылка ${i + 1}`}</Table.Td>
                  <Table.Td>{formatDate(l.createdAt)}</Table.Td>
                  <Table.Td>
                    {l.used ? (
                      <Badge color="green">ответ получен</Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        не использована
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title="Новые ссылки учителей"
        size="lg"
      >
        <Stack>
          <Text size="sm">
            Эти адреса показываются один раз. Скопируйте их или распечатайте эту страницу.
          </Text>
          {(created ?? []).map((l, i) => (
            <div key={l.id} data-testid="created-teacher-link">
              <Text size="sm" fw={500}>
                {l.label ?? `Учитель ${i + 1}`}
              </Text>
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {answerUrl(l.token)}
              </Text>
            </div>
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => window.print()}>
              Печать
            </Button>
            <Button onClick={() => setCreated(null)}>Готово</Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
