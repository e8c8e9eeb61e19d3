import * as api from '../../core/api/desk.ts';
import { can } from '../../core/permissions.ts';
import type { User } from '../auth/users.ts';
import { actOnClaim, type DeskAction } from '../desk/actions.ts';
import { deskQueue } from '../desk/claims.ts';
import { claimsCsv, reportCsv } from '../desk/csv.ts';
import { deskClaimDetail } from '../desk/detail.ts';
import { evidencePack, zipEvidencePack } from '../desk/evidence-pack.ts';
import { deskReport } from '../desk/reports.ts';
import { implement, type Services } from '../http/context.ts';
import { notFound } from '../http/errors.ts';

function act(services: Services, user: User, claimId: string, expectedVersion: number, action: DeskAction) {
  return actOnClaim(services.db, services.engine, { claimId, expectedVersion, actor: { id: user.id, name: user.name }, action }).then((claim) => ({ claim }));
}

export const deskRoutes = [
  implement(api.listDeskClaims, async ({ query, user, services }) => deskQueue(services.db, user, query)),

  implement(api.deskClaim, async ({ params, user, services }) => {
    const detail = await deskClaimDetail(services.db, params.claimId, can(user, 'claim:act'));
    if (!detail) throw notFound('Claim');
    return detail;
  }),

  implement(api.fileClaim, async ({ params, body, user, services }) => act(services, user, params.claimId, body.expectedVersion, { kind: 'file', channel: body.channel, retailerRef: body.retailerRef })),
  implement(api.refundClaim, async ({ params, body, user, services }) => act(services, user, params.claimId, body.expectedVersion, { kind: 'refund', amountMinor: body.amountMinor, refundedAt: body.refundedAt })),
  implement(api.denyClaim, async ({ params, body, user, services }) => act(services, user, params.claimId, body.expectedVersion, { kind: 'deny', reason: body.reason })),
  implement(api.reopenClaim, async ({ params, body, user, services }) => act(services, user, params.claimId, body.expectedVersion, { kind: 'reopen' })),
  implement(api.expireClaim, async ({ params, body, user, services }) => act(services, user, params.claimId, body.expectedVersion, { kind: 'expire' })),

  implement(api.deskReports, async ({ services }) => deskReport(services.db)),

  implement(api.exportDeskClaims, async ({ query, user, services, reply }) => {
    const { claims } = await deskQueue(services.db, user, { status: query.status, limit: 100_000 });
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="claims${query.status ? `-${query.status}` : ''}.csv"`);
    return claimsCsv(claims);
  }),

  implement(api.exportDeskReports, async ({ services, reply }) => {
    reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="refund-reports.csv"');
    return reportCsv(await deskReport(services.db));
  }),

  implement(api.evidencePack, async ({ params, query, services, reply }) => {
    const now = new Date().toISOString();
    const pack = await evidencePack(services.db, params.claimId, { now });
    if (!pack) throw notFound('Claim');
    const attach = (fileName: string, type: string) => reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store');
    if (query.format === 'csv') {
      attach(pack.csv.fileName, 'text/csv; charset=utf-8');
      return pack.csv.text;
    }
    if (query.format === 'pdf') {
      attach(pack.pdf.fileName, 'application/pdf');
      return Buffer.from(pack.pdf.bytes);
    }
    attach(`${pack.name}.zip`, 'application/zip');
    return Buffer.from(zipEvidencePack(pack, now));
  }),
];
