import type { Notifier } from '../../app/ports/notifier';
import type { Provisioner } from '../../app/provisioning-runner';
import { withLogFields } from './log-context';

/**
 * The provisioner, with every line logged while it provisions a request (by the Graph and Exchange
 * adapters too) carrying that request's id.
 */
export function provisionerWithRequestLog(inner: Provisioner): Provisioner {
  return { provision: (request, record) => withLogFields({ requestId: request.id }, () => inner.provision(request, record)) };
}

/** The notifier, with every line logged while it tells people about a request carrying that request's id. */
export function notifierWithRequestLog(inner: Notifier): Notifier {
  return {
    publishApprovalCard: (request) => withLogFields({ requestId: request.id }, () => inner.publishApprovalCard(request)),
    notifyRequester: (request, notice) => withLogFields({ requestId: request.id }, () => inner.notifyRequester(request, notice)),
    remindApprovers: (request, reminder, audience) => withLogFields({ requestId: request.id }, () => inner.remindApprovers(request, reminder, audience)),
    postEscalation: (request, at) => withLogFields({ requestId: request.id }, () => inner.postEscalation(request, at)),
  };
}
