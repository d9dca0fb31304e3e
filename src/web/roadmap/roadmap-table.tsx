import { Button, Group, Modal, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Fragment, useState } from 'react';
import type { RoadmapDetail } from '../shared/types.js';
import { ItemForm } from './item-form.js';
import { ItemRow } from './item-row.js';
import { SectionModal, SectionRow } from './section-row.js';
import { ROADMAP_PAGE_COUNTED, S } from './strings.js';
import { type ItemFilter, isFiltered, matches } from './table-filters.js';

type Props = { roadmap: RoadmapDetail; filter: ItemFilter; onOpen: (id: string, edit?: boolean) => void };

const th = { verticalAlign: 'middle', textAlign: 'center' } as const;

/** The roadmap as the table of the order's appendix: section rows across, measures below them. */
export function RoadmapTable({ roadmap, filter, onOpen }: Props) {
  const manage = roadmap.permissions.canManage;
  const [addingTo, setAddingTo] = useState<string | null>(null);
  const [addingSection, addSection] = useDisclosure(false);
  const all = roadmap.sections.flatMap((s) => s.items);
  const showLevel = all.some((i) => i.level);
  const colSpan = 6 + (showLevel ? 1 : 0) + (manage ? 1 : 0);
  const filtered = isFiltered(filter);
  const sections = roadmap.sections
    .map((s, index) => ({ s, index, items: s.items.filter((i) => matches(filter, i)) }))
    .filter(
      ({ s, items }) =>
        (!filter.sectionId || s.id === filter.sectionId) &&
        (!filtered || items.length > 0 || filter.sectionId),
    );
  // A roadmap typed without sections has one untitled section: no header row for readers then.
  const hideOnlySection =
    !manage && roadmap.sections.length === 1 && !roadmap.sections[0]?.number && !roadmap.sections[0]?.title;
  const shownCount = sections.reduce((n, x) => n + x.items.length, 0);

  return (
    <>
      {/* Fits the 1 018 px main area of a 1280 px window; narrower windows scroll the table. */}
      <Table.ScrollContainer minWidth={1000}>
        <Table
          withTableBorder
          withColumnBorders
          verticalSpacing={6}
          horizontalSpacing="xs"
          // A long word in a narrow column («Демонстрационной») breaks rather than running into the next.
          style={{ tableLayout: 'fixed', overflowWrap: 'anywhere' }}
          data-testid="roadmap-table"
        >
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th w={44} style={th}>
                №
              </Table.Th>
              <Table.Th style={th}>Мероприятие</Table.Th>
              {showLevel && (
                <Table.Th w={130} style={th}>
                  Уровень
                </Table.Th>
              )}
              <Table.Th w={100} style={th}>
                Сроки
              </Table.Th>
              {/* A soft hyphen: if the column is narrow the word breaks as «Ответ-ственные», not mid-syllable. */}
              <Table.Th w="15%" style={th}>
                Ответ{'\u00AD'}ственные
              </Table.Th>
              <Table.Th w="16%" style={th}>
                Показатель
              </Table.Th>
              <Table.Th w={180} style={th}>
                Исполнение
              </Table.Th>
              {manage && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ verticalAlign: 'top' }}>
            {sections.map(({ s, index, items }) => (
              <Fragment key={s.id}>
                {!hideOnlySection && (
                  <SectionRow section={s} roadmap={roadmap} index={index} colSpan={colSpan} />
                )}
                {items.map((i) => (
                  <ItemRow key={i.id} item={i} roadmap={roadmap} showLevel={showLevel} onOpen={onOpen} />
                ))}
                {items.length === 0 && !manage && (
                  <Table.Tr>
                    <Table.Td colSpan={colSpan}>
                      <Text size="sm" c="dimmed">
                        {S.noItems}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {manage && (
                  <Table.Tr>
                    <Table.Td colSpan={colSpan} py={2}>
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        onClick={() => setAddingTo(s.id)}
                        data-testid={`add-item-${s.id}`}
                      >
                        + {S.addItem}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {filtered
            ? `Показано ${shownCount} ${ROADMAP_PAGE_COUNTED.ofItems.render(all.length)}`
            : `Всего мероприятий: ${all.length}`}
        </Text>
        {manage && (
          <Button variant="light" onClick={addSection.open} data-testid="add-section">
            {S.addSection}
          </Button>
        )}
      </Group>
      <SectionModal roadmap={roadmap} opened={addingSection} onClose={addSection.close} />
      <Modal opened={addingTo !== null} onClose={() => setAddingTo(null)} title={S.addItem} size="xl">
        {addingTo && <ItemForm roadmap={roadmap} sectionId={addingTo} onDone={() => setAddingTo(null)} />}
      </Modal>
    </>
  );
}
