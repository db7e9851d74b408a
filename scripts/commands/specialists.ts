// `specialists CENTRE_ID [--database-url URL]`: the centre's team, to find whom to switch off with
// `specialist:deactivate`. Shows ids, names, roles and open cases; never a chat id.
import { type Command, databaseUrlFrom, parseOneArgument, withStore } from './command.js';

const USAGE = 'usage: npm run specialists -- CENTRE_ID [--database-url URL]';

export const specialists: Command = async (args, context) => {
  const call = parseOneArgument(args, context, USAGE, {});
  if (!call.ok) return call.exit;
  const { argument: centreId, values } = call;
  const url = databaseUrlFrom(values['database-url'], context.env);
  return withStore(url, context, async (store) => {
    const team = await store.specialists.ofCentre(centreId);
    if (team.length === 0) {
      context.out(`${centreId}: nobody yet (npm run specialist:invite -- ${centreId})`);
      return 0;
    }
    for (const s of team) {
      const open = (await store.specialists.casesOf(s.id)).length;
      const state = s.active ? 'active' : 'off';
      context.out(
        `${s.id}  ${s.role.padEnd(10)} ${state.padEnd(6)} ${String(open).padStart(3)} open  ${s.displayName}`,
      );
    }
    return 0;
  });
};
