import { Anchor, Button, Drawer, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { TABLE } from './strings.js';

// The data-format help inside the import dialog (issue 16 §1): an operator never needs the repository to
// know what the dialog accepts.

const template = (layout: 'long' | 'wide' | 'package') =>
  `/api/assessment-data/tables/template.xlsx?layout=${layout}`;

export function DataFormatHelp() {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="subtle" size="compact-sm" onClick={open} data-testid="data-format-open">
        {TABLE.formatTitle}
      </Button>
      <Drawer opened={opened} onClose={close} position="right" size="lg" title={TABLE.formatTitle}>
        <Stack gap="sm" data-testid="data-format-help">
          <Text size="sm">{TABLE.help}</Text>
          <Title order={5}>Шаблоны XLSX</Title>
          <Group gap="md">
            <Anchor href={template('long')} download data-testid="template-long">
              Строка на школу и процедуру
            </Anchor>
            <Anchor href={template('wide')} download data-testid="template-wide">
              Строка на школу, группа столбцов на предмет
            </Anchor>
            <Anchor href={template('package')} download data-testid="template-package">
              Пример пакета Опоры (листы schools, results, context, confirmation)
            </Anchor>
          </Group>
          <Title order={5}>Раскладки</Title>
          <List size="sm" spacing={4}>
            <List.Item>
              <b>Длинная</b>: строка на школу и процедуру — столбцы «Код ОО», «Год», «Процедура», «Предмет»,
              «Класс», «Количество участников», «2», «3», «4», «5».
            </List.Item>
            <List.Item>
              <b>Широкая</b>: строка на школу, для каждого предмета группа столбцов (участники, отметки или
              проценты); предмет и класс — в объединённой строке заголовка над группой или в самих заголовках
              («Математика 5 кл. — % «2»»).
            </List.Item>
            <List.Item>
              Строки итогов (регион, муниципалитет, «Вся выборка», «Итого») пропускаются с примечанием.
            </List.Item>
          </List>
          <Title order={5}>Заголовки</Title>
          <List size="sm" spacing={4}>
            <List.Item>
              Школа: «Код ОО», «Логин» (в том числе sch + код из ФИС ОКО), «Наименование ОО»; муниципалитет:
              «Муниципалитет», «АТЕ», «МО».
            </List.Item>
            <List.Item>
              Отметки: «2» … «5», «Получили "2"», «% 2», «Доля 2»; экзамены: «Не преодолели минимальный
              порог»; «Средний балл» не загружается.
            </List.Item>
            <List.Item>Подтверждение отметок: «Понизили», «Подтвердили», «Повысили» (числа или %).</List.Item>
            <List.Item>
              Год, процедуру, предмет или класс, которых нет в файле, укажите в шаге сопоставления.
            </List.Item>
          </List>
          <Title order={5}>Проценты</Title>
          <Text size="sm">
            Проценты пересчитываются в число участников, если дано их количество: каждое число — доля ×
            участники / 100 с округлением; если даны все отметки, сумма долей должна быть 100 с допуском (1
            пункт, для целых процентов — 0,5 на каждую долю), недостающие единицы распределяются по наибольшим
            остаткам. Строка, где доли не сходятся, — ошибка с её номером.
          </Text>
          <Title order={5}>Школы</Title>
          <Text size="sm">
            Школа ищется по коду, затем по логину, затем по названию внутри муниципалитета; найденную по
            названию нужно подтвердить. Пока есть ненайденные или неподтверждённые школы, ничего не
            загружается.
          </Text>
          <Title order={5}>Что заменяется</Title>
          <Text size="sm">{TABLE.scope}</Text>
        </Stack>
      </Drawer>
    </>
  );
}
