import { Accordion, Badge, Button, Group, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Query } from '../shared/ui.js';
import { type CriteriaSet, fetchers, keys } from './api.js';
import { CriteriaEditor } from './criteria-editor.js';
import { SUBJECT_LABELS } from './labels.js';

// The region's criteria sets (reference data): the current version of each, with the scales.

export function CriteriaTab({ canEdit }: { canEdit: boolean }) {
  const q = useQuery({ queryKey: keys.criteria, queryFn: fetchers.criteria });
  const [editing, setEditing] = useState<CriteriaSet | null>(null);
  return (
    <>
      <Query q={q}>
        {(sets) => (
          <Accordion variant="separated" multiple>
            {sets.map((s) => (
              <Accordion.Item key={s.subject} value={s.subject}>
                <Accordion.Control>
                  <Group gap="xs">
                    <Text fw={600}>{SUBJECT_LABELS[s.subject]}</Text>
                    <Badge variant="light">{s.isDefault ? 'по умолчанию' : `версия ${s.versionNo}`}</Badge>
                    {s.frozen && <Badge color="gray">использована, не изменяется</Badge>}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Group justify="space-between" mb="xs">
                    <Text size="sm" c="dimmed">
                      {s.title}. {s.isDefault || s.versionNo === 1 ? 'Набор составлен системой; ' : ''}регион
                      может утвердить новую версию, а использованная остаётся у своих заключений.
                    </Text>
                    {canEdit && (
                      <Button size="xs" variant="light" onClick={() => setEditing(s)}>
                        Новая версия
                      </Button>
                    )}
                  </Group>
                  <List spacing="xs">
                    {s.criteria.map((c) => (
                      <List.Item key={c.code}>
                        <Text size="sm" fw={500}>
                          {c.code}. {c.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {c.description} Баллы: {c.scale.map((p) => `${p.score} — ${p.label}`).join('; ')}.
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Query>
      {editing && <CriteriaEditor set={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
