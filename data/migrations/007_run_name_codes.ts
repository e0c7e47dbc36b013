import type { Migration } from './types.ts';

/**
 * A stored run's generated name by code (service/run-store/run-names.ts), beside its English `name`,
 * so the screens say it in the chosen language: `{ "code": "runName.deal", "params": {…} }`, the
 * params possibly nesting coded pieces. NULL for a name the analyst typed or renamed (shown as typed
 * in every language) and for every run stored before this migration (they keep their English name:
 * nothing here rewrites them). The English stays in `name`, which the CLI prints.
 */
export const migration007: Migration = {
  version: 7,
  name: 'run name codes',
  up: `
    ALTER TABLE runs ADD COLUMN name_coded_json TEXT
      CHECK (name_coded_json IS NULL OR (json_valid(name_coded_json) AND json_type(name_coded_json, '$.code') = 'text' AND json_type(name_coded_json, '$.params') = 'object'));
  `,
};
