import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError, ErrorCodes } from '../../app/app-error';
import type { Directory } from '../../app/ports/directory';
import type { GuestAccess, Invitation, InvitedGuest, MembershipChange } from '../../app/ports/provisioning-gateway';
import { graphFailure, GraphRequestError } from './graph-request-error';
import { graphSegment } from './odata-literal';

export interface GraphGuestAccessOptions {
  readonly graph: Client;
  /** Graph root including the version (the members/$ref body names the guest by URL). */
  readonly graphBaseUrl: string;
  /** Used to tell "already a member" from "not replicated yet": Graph answers 400 Request_BadRequest to both. */
  readonly directory: Directory;
  /** Where the guest lands after redeeming the invitation. */
  readonly inviteRedirectUrl?: string;
  /** Microsoft sends its standard invitation e-mail (an app cannot customise the text). Default true. */
  readonly sendInvitationMessage?: boolean;
}

export class GraphGuestAccess implements GuestAccess {
  constructor(private readonly options: GraphGuestAccessOptions) {}

  async invite(invitation: Invitation): Promise<InvitedGuest> {
    let result: { invitedUser?: { id?: string }; inviteRedeemUrl?: string };
    try {
      result = (await this.options.graph.api('/invitations').post({
        invitedUserEmailAddress: invitation.email,
        invitedUserDisplayName: invitation.displayName,
        inviteRedirectUrl: this.options.inviteRedirectUrl ?? 'https://myapps.microsoft.com',
        sendInvitationMessage: this.options.sendInvitationMessage ?? true,
        invitedUserType: 'Guest',
      })) as typeof result;
    } catch (error) {
      const failure = graphFailure(error, 'invite guest');
      // Graph's texts for policy refusals are not stable: any other 4xx from /invitations is a policy block.
      if (failure instanceof GraphRequestError && failure.status >= 400 && failure.status < 500 && ![401, 429].includes(failure.status)) {
        throw new GraphRequestError(ErrorCodes.invitationBlocked, failure.status, failure.graphCode, failure.message, { cause: error });
      }
      throw failure;
    }
    const userId = result.invitedUser?.id;
    if (userId === undefined || userId === '') {
      throw new AppError(ErrorCodes.unexpectedResponse, 'Graph invitation has no invitedUser.id');
    }
    return { userId, ...(result.inviteRedeemUrl ? { redeemUrl: result.inviteRedeemUrl } : {}) };
  }

  async addGroupMember(groupId: string, userId: string): Promise<MembershipChange> {
    try {
      await this.options.graph.api(`/groups/${graphSegment(groupId)}/members/$ref`).post({
        '@odata.id': `${this.options.graphBaseUrl.replace(/\/+$/, '')}/directoryObjects/${graphSegment(userId)}`,
      });
      return 'added';
    } catch (error) {
      const failure = graphFailure(error, 'add group member');
      if (!(failure instanceof GraphRequestError)) throw failure;
      if (failure.status === 400 && failure.graphCode === 'Request_BadRequest') {
        // Either already a member or the new guest is not replicated yet: ask, don't read the English text.
        const member = await this.options.directory.isMember(groupId, { kind: 'guest', id: userId, displayName: '', email: '' });
        if (member) return 'already-member';
        throw new GraphRequestError(ErrorCodes.notFound, failure.status, failure.graphCode, failure.message, { cause: error });
      }
      if (failure.status === 403) {
        const policy = await this.options.directory.guestPolicy(groupId);
        if (!policy.tenantAllowsGuests || !policy.groupAllowsGuests) {
          throw new GraphRequestError(ErrorCodes.guestsNotAllowed, failure.status, failure.graphCode, failure.message, { cause: error });
        }
      }
      throw failure;
    }
  }
}
