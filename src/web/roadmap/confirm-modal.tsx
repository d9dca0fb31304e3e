import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';

/** «Are you sure?» for destructive actions; closes after the action resolves. */
export function ConfirmModal(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}) {
  const [busy, setBusy] = useState(false);
  async function go() {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
      props.onClose();
    }
  }
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Text size="sm">{props.message}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={props.onClose}>
          Отмена
        </Button>
        <Button color="red" onClick={go} loading={busy} data-testid="confirm-delete">
          {props.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
