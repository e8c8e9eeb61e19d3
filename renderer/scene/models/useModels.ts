import { useEffect, useMemo, useState } from 'react';
import type { ModelLookup } from '../furniture/instancing.ts';
import { loadModel } from './loader.ts';
import type { ModelTemplate } from './template.ts';

/** Models already settled this session: a remounted view draws them at once, without a swap. */
const settled = new Map<string, ModelTemplate | null>();

/**
 * The models the pieces use, by URL: a template once loaded, null if it failed (logged once),
 * absent while loading. Pieces without a settled model are drawn procedurally meanwhile.
 */
export function useModels(urls: readonly (string | null | undefined)[]): { models: ModelLookup; pending: number } {
  const wanted = useMemo(() => [...new Set(urls.filter((url): url is string => Boolean(url)))].sort(), [urls]);
  const key = wanted.join('\n');
  const [models, setModels] = useState<ReadonlyMap<string, ModelTemplate | null>>(() => new Map(settled));
  useEffect(() => {
    let live = true;
    for (const url of key ? key.split('\n') : []) {
      if (settled.has(url)) continue;
      loadModel(url).then(
        (template) => settled.set(url, template),
        (error: unknown) => {
          console.warn(`Furniture model ${url} could not be loaded; drawing the piece procedurally.`, error);
          settled.set(url, null);
        },
      ).then(() => {
        if (live) setModels(new Map(settled));
      });
    }
    if (wanted.some((url) => settled.has(url) && !models.has(url))) setModels(new Map(settled));
    return () => {
      live = false;
    };
    // `models` is read only to catch up with loads that finished while unmounted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { models, pending: wanted.filter((url) => !models.has(url)).length };
}
