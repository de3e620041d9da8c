import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where a change came from: a person's turn in Teams (`bot`), a deadline job (`scheduler`), a
 * membership change Teams reported (`teams`: someone joined or left the team), or anything that
 * ran outside those, such as seeding the demo committee (`system`).
 */
export type AuditSource = 'bot' | 'scheduler' | 'teams' | 'system';

/** Who is acting while a piece of work runs, as the audit trail records it. */
export interface AuditActor {
  /** The person's Entra object id, taken from the activity; for jobs and the system, the source's name. */
  readonly actorId: string;
  readonly source: AuditSource;
  /** Why the change happened when no person chose it, e.g. the job kind that ran. */
  readonly reason?: string;
  /**
   * Set only while a person is erased (Art. 17 GDPR): the trail itself holds their name, so
   * erasure alone may replace audit records, to pseudonymise them. Nothing a card sends can set it.
   */
  readonly erasing?: boolean;
  /**
   * Set only while the retention run works: it removes from audit records the values it removed
   * from the records they describe, and deletes records older than the retention period. Like
   * `erasing`, nothing a card sends can set it.
   */
  readonly retaining?: boolean;
}

/** When nothing set an actor: written by the system itself, and recorded as such. */
export const SYSTEM_ACTOR: AuditActor = { actorId: 'system', source: 'system' };

const storage = new AsyncLocalStorage<AuditActor>();

/**
 * The ambient actor of the audit trail. The places that know who acts (the bot where it resolves
 * the actor of a turn, the scheduler where it runs a job) wrap the work in `run`; the audited
 * store reads `current()` on every write. Being ambient, no use case has to pass the actor down
 * to its writes, so no use case can forget to.
 */
export const auditContext = {
  run<T>(actor: AuditActor, work: () => T): T {
    return storage.run(actor, work);
  },
  current(): AuditActor {
    return storage.getStore() ?? SYSTEM_ACTOR;
  },
};
