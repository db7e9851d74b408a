// The directory page (centre admins only): the own centre's phone, e-mail, address, hours and
// languages. Saving confirms the entry and reloads the directory, so the bot's answers ("phone:
// not given") and routing change at once, without a restart.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type CentreContacts, LOCALES } from '../../../core/model.js';
import { isAdmin } from '../../../core/staff/access.js';
import type { ConsoleDeps } from '../deps.js';
import { notFound } from '../not-found.js';
import { sendHtml, viewFor } from '../view.js';
import { DirectoryPage, type FieldErrors } from '../views/directory.js';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v));

export const contactsSchema = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^(|\+?[0-9][0-9 ()-]{4,24})$/)
    .transform((v) => (v === '' ? null : v)),
  email: z.union([z.literal(''), z.email().max(120)]).transform((v) => (v === '' ? null : v)),
  addressUk: text(200),
  addressRu: text(200),
  hoursUk: text(200),
  hoursRu: text(200),
  languages: z
    .union([z.enum(LOCALES), z.array(z.enum(LOCALES))])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v])),
});

const FIELDS = ['phone', 'email', 'addressUk', 'addressRu', 'hoursUk', 'hoursRu', 'languages'] as const;

export function directoryRoutes(app: FastifyInstance, deps: ConsoleDeps) {
  const ownCentre = (request: FastifyRequest) => {
    const staff = request.staff;
    if (!staff || !isAdmin(staff)) return null;
    return deps.directory().centres.find((c) => c.id === staff.centreId) ?? null;
  };

  function show(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown> | null,
    errors: FieldErrors,
    saved: boolean,
  ) {
    const centre = ownCentre(request);
    if (!centre) return notFound(deps, request, reply);
    const view = viewFor(deps, request, reply);
    const current: Record<string, unknown> = values ?? { ...centre, languages: centre.languages ?? [] };
    const page = <DirectoryPage view={view} centre={centre} values={current} errors={errors} saved={saved} />;
    return sendHtml(reply, page, errors.size > 0 ? 400 : 200);
  }

  app.get<{ Querystring: { saved?: string } }>('/console/directory', (request, reply) =>
    show(request, reply, null, new Set(), request.query.saved === '1'),
  );

  app.post('/console/directory', async (request, reply) => {
    const centre = ownCentre(request);
    if (!centre) return notFound(deps, request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = contactsSchema.safeParse(body);
    if (!parsed.success) {
      const errors: FieldErrors = new Set(
        parsed.error.issues
          .map((i) => String(i.path[0]))
          .filter((f) => (FIELDS as readonly string[]).includes(f)),
      );
      request.log.warn({ fields: [...errors] }, 'console: directory entry refused');
      return show(request, reply, body, errors, false);
    }
    const contacts: CentreContacts = parsed.data;
    await deps.store.directory.updateContacts(centre.id, contacts);
    await deps.reloadDirectory();
    request.log.info({ centreId: centre.id }, 'console: directory entry updated');
    return reply.redirect('/console/directory?saved=1', 303);
  });
}
