import { committeeIdForTenant, COMMITTEE_DOCUMENT_ID, personDocumentId } from '../domain/ids';
import type { ActorStanding } from '../domain/permissions';
import { activeRoles } from '../domain/roster';
import type { AppDependencies } from './dependencies';
import type { CommitteeDocument, PersonDocument } from './documents';
import type { Stored } from './ports/document-store';

/** Who is acting, as the activity says: never taken from card data. */
export interface ActorIdentity {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly displayName: string;
}

/** The acting person resolved against the store: their committee and their roles in it. */
export interface Actor extends ActorStanding {
  readonly identity: ActorIdentity;
  readonly committeeId: string;
  readonly committee?: Stored<CommitteeDocument>;
  readonly person?: Stored<PersonDocument>;
}

/** Loads the committee of the actor's tenant and the actor's roster entry, if any. */
export async function identifyActor({ store }: AppDependencies, identity: ActorIdentity): Promise<Actor> {
  const committeeId = committeeIdForTenant(identity.tenantId);
  const [committee, person] = await Promise.all([
    store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID),
    store.get<PersonDocument>(committeeId, personDocumentId(identity.aadObjectId)),
  ]);
  return {
    identity,
    committeeId,
    committee,
    person,
    committeeExists: committee !== undefined,
    roles: activeRoles(person),
  };
}
