// The team page (centre admins only): who works in the centre, invite a colleague (the /join code,
// a t.me deep link and its QR code), switch someone off with the same logic as
// `npm run specialist:deactivate` (their open cases go back to the queue, their sessions end).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { isAdmin } from '../../../core/staff/access.js';
import type { ConsoleDeps } from '../deps.js';
import { notFound } from '../not-found.js';
import { sendHtml, viewFor } from '../view.js';
import { type Invited, TeamPage } from '../views/team.js';

const ID = /^[A-Za-z0-9_-]{1,40}$/;
const ROLES = ['SPECIALIST', 'ADMIN'] as const;
const MAX_NAME = 60;

export function teamRoutes(app: FastifyInstance, deps: ConsoleDeps) {
  const admin = (request: FastifyRequest) => {
    const staff = request.staff;
    return staff && isAdmin(staff) ? staff : null;
  };

  async function show(request: FastifyRequest, reply: FastifyReply, invited: Invited | null, status = 200) {
    const staff = admin(request);
    if (!staff) return notFound(deps, request, reply);
    const team = await deps.store.specialists.ofCentre(staff.centreId);
    const open = new Map(
      await Promise.all(
        team.map(async (s) => [s.id, (await deps.store.specialists.casesOf(s.id)).length] as const),
      ),
    );
    const view = viewFor(deps, request, reply);
    return sendHtml(reply, <TeamPage view={view} team={team} open={open} invited={invited} />, status);
  }

  app.get('/console/team', (request, reply) => show(request, reply, null));

  app.post('/console/team/invite', async (request, reply) => {
    const staff = admin(request);
    if (!staff) return notFound(deps, request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const role = ROLES.find((r) => r === body.role);
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (!role || name.length > MAX_NAME) return show(request, reply, { error: true }, 400);
    const invite = await deps.team.invite(staff.centreId, role, name);
    const bot = await deps.botUsername();
    const link = bot ? `https://t.me/${bot}?start=join-${invite.code.replaceAll('-', '')}` : null;
    const qr = link ? await QRCode.toString(link, { type: 'svg', margin: 1 }) : null;
    request.log.info({ role }, 'console: invite issued');
    return show(request, reply, { error: false, code: invite.code, expiresAt: invite.expiresAt, link, qr });
  });

  app.post<{ Params: { id: string } }>('/console/team/:id/deactivate', async (request, reply) => {
    const staff = admin(request);
    if (!staff || !ID.test(request.params.id)) return notFound(deps, request, reply);
    const target = await deps.store.specialists.byId(request.params.id);
    // Only colleagues of the admin's own centre, and never oneself (the centre would lose its admin).
    if (!target || target.centreId !== staff.centreId || target.id === staff.id)
      return notFound(deps, request, reply);
    await deps.team.deactivate(target.id);
    deps.onCommitted();
    return reply.redirect('/console/team', 303);
  });
}
