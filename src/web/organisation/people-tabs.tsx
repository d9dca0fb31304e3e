import { Text } from '@mantine/core';

// FOUNDATION placeholder: the helper «people» replaces this file (curators, mentor pairs, coordinators).
export const CuratorsTab = () => <Text c="dimmed">Раздел в разработке</Text>;
export const MentorsTab = () => <Text c="dimmed">Раздел в разработке</Text>;
export const CoordinatorsTab = () => <Text c="dimmed">Раздел в разработке</Text>;
