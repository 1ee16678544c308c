import type { AccessRequest } from '../domain/access-request';
import { mayDecide, type DecisionPermission } from '../domain/approval-policy';
import type { Directory } from './ports/directory';

/** The acting user, as the activity identifies them (never card data). */
export interface ActingUser {
  readonly aadObjectId: string;
  readonly name: string;
  readonly tenantId: string;
}

/** Asks the directory now (not a cached card) whether the actor may act as an approver on this request. */
export async function authoriseApprover(
  directory: Pick<Directory, 'isApprover'>,
  actor: ActingUser,
  request: AccessRequest,
): Promise<DecisionPermission> {
  const isApprover = await directory.isApprover(actor.aadObjectId);
  return mayDecide({ ...actor, isApprover }, request);
}
