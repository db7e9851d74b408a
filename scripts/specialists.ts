// `npm run specialists -- CENTRE_ID [--database-url URL]`: the centre's team, to find whom to switch
// off with `npm run specialist:deactivate`. Shows ids, names, roles and open cases; never a chat id.
import { parseArgs } from 'node:util';
import { runCommand, withStore } from './admin-command.js';

const USAGE = 'usage: npm run specialists -- CENTRE_ID [--database-url URL]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { 'database-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const [centreId, ...extra] = positionals;
  if (values.help || !centreId || extra.length > 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  return withStore(values['database-url'], async (store) => {
    const team = await store.specialists.ofCentre(centreId);
    if (team.length === 0) {
      console.log(`${centreId}: nobody yet (npm run specialist:invite -- ${centreId})`);
      return 0;
    }
    for (const s of team) {
      const open = (await store.specialists.casesOf(s.id)).length;
      const state = s.active ? 'active' : 'off';
      console.log(
        `${s.id}  ${s.role.padEnd(10)} ${state.padEnd(6)} ${String(open).padStart(3)} open  ${s.displayName}`,
      );
    }
    return 0;
  });
}

runCommand(main);
