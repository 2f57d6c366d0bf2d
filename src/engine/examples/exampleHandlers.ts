import { EXAMPLES_PAGE } from '../../shared/contract';
import type { Handlers } from '../../shared/dispatcher';
import { EngineError } from '../../shared/engineError';
import type { ExampleStore } from './exampleStore';

type ExampleRequests = 'saveExamples' | 'listExamples' | 'relabelExample' | 'deleteExamples' | 'restoreExamples' | 'importExamples';

/** The contract's requests on the class's saved examples. */
export function exampleHandlers(store: ExampleStore): Pick<Handlers, ExampleRequests> {
  return {
    saveExamples: async ({ writer, examples }) => {
      const saved = await store.add(writer, examples);
      return { saved, counts: await store.counts() };
    },
    listExamples: ({ offset }) => store.page(offset, EXAMPLES_PAGE),
    relabelExample: async ({ id, label }) => {
      await store.relabel(id, label).catch((error: unknown) => {
        throw new EngineError('invalidRequest', (error as Error).message);
      });
      return { counts: await store.counts() };
    },
    deleteExamples: async ({ ids }) => {
      const deleted = await store.remove(ids);
      return { deleted, counts: await store.counts() };
    },
    restoreExamples: async ({ examples }) => {
      await store.restore(examples);
      return { counts: await store.counts() };
    },
    importExamples: async ({ samples }) => {
      const result = await store.import(samples);
      return { ...result, counts: await store.counts() };
    },
  };
}
