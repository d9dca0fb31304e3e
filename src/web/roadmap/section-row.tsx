import {
  ActionIcon,
  Button,
  Group,
  Menu,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { sectionInput, updateSectionInput } from '../../modules/roadmaps/schemas.js';
import { api, unwrap } from '../shared/api.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import type { RoadmapDetail, SectionView } from '../shared/types.js';
import { ConfirmModal } from './confirm-modal.js';
import { sectionTitle } from './format.js';
import { useAction } from './hooks.js';
import { ROADMAP_PAGE_COUNTED, S } from './strings.js';

/** A section («направление») as a full-width bold row, as in the Word table. */
export function SectionRow(props: {
  section: SectionView;
  roadmap: RoadmapDetail;
  index: number;
  colSpan: number;
}) {
  const { section: s, roadmap, index, colSpan } = props;
  const manage = roadmap.permissions.canManage;
  const { run } = useAction(roadmap.id);
  const [editing, edit] = useDisclosure(false);
  const [deleting, del] = useDisclosure(false);
  const untitled = !s.number && !s.title;
  const move = (position: number) =>
    run(
      () =>
        unwrap(
          api.PATCH('/api/sections/{id}', {
            params: { path: { id: s.id } },
            body: { position, version: s.version },
          }),
        ),
      'Раздел перемещён',
    );

  return (
    <Table.Tr data-testid={`section-row-${s.id}`} bg="gray.1">
      <Table.Td colSpan={colSpan}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="sm" c={untitled ? 'dimmed' : undefined}>
            {sectionTitle(s) ?? S.untitledSection}
          </Text>
          {manage && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label="Действия с разделом"
                  data-testid={`section-menu-${s.id}`}
                >
                  ⋮
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={edit.open}>Переименовать</Menu.Item>
                <Menu.Item disabled={index === 0} onClick={() => move(index - 1)}>
                  Переместить выше
                </Menu.Item>
                <Menu.Item disabled={index >= roadmap.sections.length - 1} onClick={() => move(index + 1)}>
                  Переместить ниже
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" onClick={del.open}>
                  Удалить раздел
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <SectionModal roadmap={roadmap} section={s} opened={editing} onClose={edit.close} />
        <ConfirmModal
          opened={deleting}
          onClose={del.close}
          title="Удалить раздел"
          message={
            s.items.length > 0
              ? ROADMAP_PAGE_COUNTED.sectionNotEmpty.render(s.items.length)
              : 'Удалить пустой раздел?'
          }
          confirmLabel={S.delete}
          onConfirm={() =>
            run(
              () =>
                unwrap(
                  api.DELETE('/api/sections/{id}', {
                    params: { path: { id: s.id }, query: { version: s.version } },
                  }),
                ),
              'Раздел удалён',
            )
          }
        />
      </Table.Td>
    </Table.Tr>
  );
}

/** Adds a section at the end (without `section`) or renames one. */
export function SectionModal(props: {
  roadmap: RoadmapDetail;
  section?: SectionView;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.section ? 'Раздел' : S.addSection}>
      {props.opened && <SectionForm {...props} />}
    </Modal>
  );
}

function SectionForm({
  roadmap,
  section,
  onClose,
}: {
  roadmap: RoadmapDetail;
  section?: SectionView;
  onClose: () => void;
}) {
  const { run, busy } = useAction(roadmap.id);
  const [number, setNumber] = useState(
    section ? (section.number ?? String(section.position + 1)) : String(roadmap.sections.length + 1),
  );
  const [title, setTitle] = useState(section?.title ?? '');
  const [version] = useState(section?.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  async function submit(e: FormEvent) {
    e.preventDefault();
    const edit = check(updateSectionInput, { number, title, version });
    const create = check(sectionInput, { number, title });
    const found = section ? edit.errors : create.errors;
    setErrors(found ?? {});
    if (found) return;
    const ok = await run(
      () =>
        section && edit.data
          ? unwrap(api.PATCH('/api/sections/{id}', { params: { path: { id: section.id } }, body: edit.data }))
          : unwrap(
              api.POST('/api/roadmaps/{id}/sections', {
                params: { path: { id: roadmap.id } },
                body: create.data ?? {},
              }),
            ),
      section ? 'Раздел сохранён' : 'Раздел добавлен',
    );
    if (ok) onClose();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Номер"
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={errors.number}
          w={120}
        />
        <Textarea
          label="Название"
          placeholder="Организационное сопровождение"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          autosize
          minRows={2}
          data-testid="section-title"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {S.cancel}
          </Button>
          <Button type="submit" loading={busy} data-testid="section-save">
            {S.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
