import { Center, Group, Loader, Text } from '@mantine/core';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode, Suspense } from 'react';

/**
 * `React.lazy` for a module's named export: the pages export named components, and a chunk is
 * split off at every such import so its code (and its libraries) load only when first shown.
 */
export function lazyNamed<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: (await load())[name] }));
}

export function LoadingFallback() {
  return (
    <Center p="xl" data-testid="chunk-loading">
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          Загрузка…
        </Text>
      </Group>
    </Center>
  );
}

/** The boundary around lazily loaded parts of the UI. */
export function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingFallback />}>{children}</Suspense>;
}
