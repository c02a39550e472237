/** The API's read queries over one Sql connection (see types.ts `ApiReadStore`). */
import type { Sql } from '../sql.ts';
import { getActor, listActors } from './actors.ts';
import { exportApiEvents, getApiEvent, listApiEvents } from './events.ts';
import { countryRelations, dyadView } from './relations.ts';
import type { ApiReadStore } from './types.ts';

export type * from './types.ts';

export function createApiReadStore(sql: Sql): ApiReadStore {
  return {
    events: (q, page) => listApiEvents(sql, q, page),
    event: (id) => getApiEvent(sql, id),
    exportRows: (q, batch) => exportApiEvents(sql, q, batch),
    relations: (country, range) => countryRelations(sql, country, range),
    dyad: (a, b, range, page) => dyadView(sql, a, b, range, page),
    actors: (filter, page) => listActors(sql, filter, page),
    actor: (id, page) => getActor(sql, id, page),
    async refreshSummaries() {
      const [r] = await sql.query<{ n: number }>('SELECT rasid_refresh_country_facts() AS n');
      return Number(r?.n ?? 0);
    },
    async datelines(ids) {
      const rows = await sql.query<{ id: number; place: string | null; date: string | null; agency: string | null }>(
        `SELECT id, dateline_place AS place, dateline_date AS date, dateline_agency AS agency FROM stories
         WHERE id = ANY($1::int[]) AND (dateline_place IS NOT NULL OR dateline_date IS NOT NULL OR dateline_agency IS NOT NULL)`,
        [ids],
      );
      return new Map(rows.map(({ id, ...d }) => [id, d]));
    },
  };
}
