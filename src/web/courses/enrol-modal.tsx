import { Button, Checkbox, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';

/**
 * Enrols teachers of the actor's schools: several at once, or one with the course activity of his route
 * (ИОМ) that the course serves — completing it with a certificate then marks that activity done.
 */
export function EnrolModal({ courseId, onClose }: { courseId: string; onClose: () => void }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['course-enrollable', courseId],
    queryFn: () => unwrap(api.GET('/api/courses/{id}/enrollable', { params: { path: { id: courseId } } })),
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const [activityId, setActivityId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) => {
    setActivityId(null);
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  };
  const single = chosen.length === 1 ? q.data?.find((t) => t.staffMemberId === chosen[0]) : undefined;
  const enrol = async () => {
    setBusy(true);
    try {
      const r = await unwrap(
        api.POST('/api/courses/{id}/enrolments', {
          params: { path: { id: courseId } },
          body: { staffMemberIds: chosen, activityId },
        }),
      );
      notifyOk(`Записано: ${countLabel(r.created, WORDS.teacher)}`);
      await qc.invalidateQueries({ queryKey: ['course', courseId] });
      await qc.invalidateQueries({ queryKey: ['courses'] });
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Записать педагогов на курс" size="xl">
      <Query q={q}>
        {(teachers) =>
          teachers.length === 0 ? (
            <Text c="dimmed">В реестрах ваших школ нет педагогов, которых можно записать на этот курс.</Text>
          ) : (
            <Stack>
              <Table.ScrollContainer minWidth={600} mah={420}>
                <Table data-testid="enrollable">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={40} />
                      <Table.Th>Педагог</Table.Th>
                      <Table.Th>Школа</Table.Th>
                      <Table.Th>Курсы в ИОМ</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {teachers.map((t) => (
                      <Table.Tr key={t.staffMemberId}>
                        <Table.Td>
                          <Checkbox
                            aria-label={t.teacherName}
                            disabled={t.enrolled}
                            checked={chosen.includes(t.staffMemberId)}
                            onChange={() => toggle(t.staffMemberId)}
                          />
                        </Table.Td>
                        <Table.Td>
                          {t.teacherName}
                          <Text size="xs" c="dimmed">
                            {t.enrolled ? 'уже записан' : t.position}
                          </Text>
                        </Table.Td>
                        <Table.Td>{t.schoolName}</Table.Td>
                        <Table.Td>
                          {t.activities.length ? t.activities.map((a) => a.title).join('; ') : '—'}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {single && single.activities.length > 0 && (
                <Select
                  label="Мероприятие ИОМ, которое закрывает курс"
                  description="Когда курс будет пройден и загружено удостоверение, мероприятие маршрута отметится выполненным"
                  data={single.activities.map((a) => ({ value: a.id, label: a.title }))}
                  value={activityId}
                  onChange={setActivityId}
                  clearable
                  data-testid="enrol-activity"
                />
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  Отмена
                </Button>
                <Button
                  onClick={enrol}
                  loading={busy}
                  disabled={chosen.length === 0}
                  data-testid="enrol-save"
                >
                  Записать
                </Button>
              </Group>
            </Stack>
          )
        }
      </Query>
    </Modal>
  );
}
