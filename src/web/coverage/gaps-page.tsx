import { Text } from '@mantine/core';

// FOUNDATION placeholder: the helper «coverage» replaces this file (coverage and «Пробелы»).
export const GapsPage = () => <Text c="dimmed">Раздел в разработке</Text>;
