import { Anchor, Button, FileButton, Group } from '@mantine/core';
import { apiHref } from './api.js';

/**
 * The signed order's file (of a roadmap or of lists): a download link for those who see it, an
 * attach/replace button for those who keep it. The caller uploads the chosen file (`onFile`).
 */
export function OrderFileControls(p: {
  file: { id: string; name?: string } | null;
  canAttach: boolean;
  busy: boolean;
  onFile: (file: File) => void;
  /** Prefix of the test ids: `<prefix>-link`, `<prefix>-upload`. */
  testId: string;
}) {
  return (
    <Group gap="xs">
      {p.file && (
        <Anchor
          href={apiHref('/api/files/{id}', { path: { id: p.file.id } })}
          size="sm"
          data-testid={`${p.testId}-link`}
        >
          {p.file.name ? `Файл приказа: ${p.file.name}` : 'Файл приказа'}
        </Anchor>
      )}
      {p.canAttach && (
        <FileButton onChange={(f) => f && p.onFile(f)}>
          {(props) => (
            <Button
              {...props}
              size="compact-xs"
              variant="subtle"
              loading={p.busy}
              data-testid={`${p.testId}-upload`}
            >
              {p.file ? 'Заменить файл приказа' : 'Приложить файл приказа'}
            </Button>
          )}
        </FileButton>
      )}
    </Group>
  );
}
