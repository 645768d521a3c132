import { useEffect, useState } from 'react';
import { loyaltyRoutes } from '@memberflow/shared/api/loyalty-routes';
import { memberAdminRoutes } from '@memberflow/shared/api/member-admin';
import { programmeRoutes } from '@memberflow/shared/api/programme-routes';
import { segmentRoutes } from '@memberflow/shared/api/segment-routes';
import { callRoute } from '../api/call-route.ts';
import type { CouponTemplateItem, SegmentItem, TagItem, TierItem } from './catalog-types.ts';

interface Catalogs {
  couponTemplates: CouponTemplateItem[];
  segments: SegmentItem[];
  tiers: TierItem[];
  tags: TagItem[];
}
type CatalogName = keyof Catalogs;

const sources: { [K in CatalogName]: () => Promise<Catalogs[K]> } = {
  couponTemplates: async () => (await callRoute(loyaltyRoutes.couponTemplates)).templates,
  segments: async () => (await callRoute(segmentRoutes.list)).segments,
  tiers: async () => (await callRoute(programmeRoutes.tiers)).tiers,
  tags: async () => (await callRoute(memberAdminRoutes.tags)).tags,
};

// Shared across inspector forms: clicking between nodes should not refetch; a short TTL picks up
// templates or segments defined meanwhile.
const TTL_MS = 30_000;
const cache = new Map<CatalogName, { at: number; promise: Promise<unknown> }>();

function load<K extends CatalogName>(name: K): Promise<Catalogs[K]> {
  const hit = cache.get(name);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.promise as Promise<Catalogs[K]>;
  const promise = sources[name]();
  cache.set(name, { at: Date.now(), promise });
  // A failed load is forgotten so the next form that asks tries again.
  promise.catch(() => cache.delete(name));
  return promise;
}

const changed = new Set<(name: CatalogName) => void>();

/** Drops a list after something was created in place, so every open picker reads it again. */
export function forgetCatalog(name: CatalogName): void {
  cache.delete(name);
  for (const l of changed) l(name);
}

/** The list for a picker; null while loading or when it could not be read (the field stays free text). */
export function useCatalog<K extends CatalogName>(name: K): Catalogs[K] | null {
  const [items, setItems] = useState<Catalogs[K] | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const l = (n: CatalogName) => n === name && setGeneration((g) => g + 1);
    changed.add(l);
    // Back from another tab (the Tiers page, say): read the list again.
    const onFocus = () => forgetCatalog(name);
    window.addEventListener('focus', onFocus);
    return () => {
      changed.delete(l);
      window.removeEventListener('focus', onFocus);
    };
  }, [name]);
  useEffect(() => {
    let live = true;
    load(name).then(
      (v) => live && setItems(v),
      () => live && setItems(null),
    );
    return () => {
      live = false;
    };
  }, [name, generation]);
  return items;
}
