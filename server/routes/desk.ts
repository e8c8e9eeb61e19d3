import * as api from '../../core/api/desk.ts';
import { can } from '../../core/permissions.ts';
import type { User } from '../auth/users.ts';
import { actOnClaim, type DeskAction } from '../desk/actions.ts';
import { deskQueue } from '../desk/claims.ts';
import { claimsCsv, observationsCsv, reportCsv } from '../desk/csv.ts';
import { deskClaimDetail } from '../desk/detail.ts';
import { evidenceSvg } from '../desk/evidence-svg.ts';
import { deskReport } from '../desk/reports.ts';
import { implement, type Services } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { evidenceOf } from '../watch/views.ts';

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
    const evidence = await evidenceOf(services.db, params.claimId);
    if (!evidence) throw notFound('Claim');
    const name = `evidence-${evidence.line.orderRef}-${evidence.line.product.sku}`.replace(/[^A-Za-z0-9._-]+/g, '-');
    if (query.format === 'svg') {
      reply.type('image/svg+xml; charset=utf-8').header('content-disposition', `attachment; filename="${name}.svg"`);
      return evidenceSvg({
        title: `${evidence.line.product.name} (${evidence.line.retailer.name} ${evidence.line.product.sku}), order ${evidence.line.orderRef}`,
        paid: evidence.paidUnitPrice,
        windowStart: evidence.line.watch.windowStart,
        windowEnd: evidence.line.watch.windowEnd,
        points: evidence.history.filter((p) => p.unitPrice.currency === evidence.paidUnitPrice.currency).map((p) => ({ at: p.observedAt, price: p.unitPrice.amountMinor, isEvidence: p.isEvidence })),
      });
    }
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`);
    return observationsCsv(evidence.history);
  }),
];
