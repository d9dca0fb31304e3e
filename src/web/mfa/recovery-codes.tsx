import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';

/** Ten recovery codes shown once, with «Скачать» (.txt) and «Я сохранил коды». */
export function RecoveryCodes({
  codes,
  login,
  onSaved,
}: {
  codes: string[];
  login: string;
  onSaved: () => void;
}) {
  function download() {
    const text = [
      `Опора — резервные коды входа${login ? ` для ${login}` : ''}`,
      `Получены ${new Date().toLocaleString('ru-RU')}. Каждый код действует один раз.`,
      '',
      ...codes,
      '',
    ].join('\r\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `opora-rezervnye-kody${login ? `-${login}` : ''}.txt`;
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <Stack data-testid="recovery-codes">
      <Alert color="yellow" title="Сохраните резервные коды">
        Они понадобятся, если телефон потерян или недоступен. Каждый код действует один раз. Больше их не
        покажут.
      </Alert>
      <Paper withBorder p="sm">
        <SimpleGrid cols={2} spacing={4}>
          {codes.map((c) => (
            <Text key={c} ff="monospace" size="sm" data-testid="recovery-code">
              {c}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group>
        <Button variant="light" onClick={download}>
          Скачать
        </Button>
        <Button onClick={onSaved} data-testid="codes-saved">
          Я сохранил коды
        </Button>
      </Group>
    </Stack>
  );
}
