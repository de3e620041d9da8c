import assert from 'node:assert/strict';
import { agreementDocumentId } from '../../src/app/agreements/agreement-document';
import { submissionDocumentId } from '../../src/app/agenda/submission-document';
import { VERBS, type Verb } from '../../src/cards/verbs';
import { mayAct } from '../../src/domain/permissions';
import { translator } from '../../src/i18n/translator';
import { PEOPLE, SESSION_1 } from '../app/sessions/session-world';
import { cardText } from '../support/bot-harness';
import { payloadFor } from './card-payloads';
import { ACTORS, OTHER, PermissionWorld, SESSION_2, type ActorKey } from './permission-world';

const de = translator('de');
const GENERIC_ERROR = de.t('notices.error');

/** Fields that say which stored thing a card acts on, and on which state of it. */
const KEY_FIELDS = [
  'sessionId',
  'agreementId',
  'submissionId',
  'personId',
  'seatId',
  'itemId',
  'groupId',
  'dispatchId',
  'revision',
  'version',
] as const;

/** Who clicks each verb: its one person where it has one, else the first person the table admits. */
const CLICKER: Partial<Record<Verb, ActorKey>> = {
  [VERBS.invitationView]: 'birgit',
  [VERBS.rsvpAnswer]: 'birgit',
  [VERBS.minutesRespond]: 'birgit',
  [VERBS.actionStatus]: 'birgit',
  [VERBS.actionProposeDue]: 'birgit',
  [VERBS.topicForm]: 'lena',
  [VERBS.topicSubmit]: 'lena',
  [VERBS.topicWithdraw]: 'lena',
};

const LONG = 'x'.repeat(20_000);

/** Other ids a tampered card may carry: another thing of this committee, and the other committee's. */
function otherIds(field: string, value: unknown): unknown[] {
  switch (field) {
    case 'sessionId':
      return [value === SESSION_1 ? SESSION_2 : SESSION_1, OTHER.sessionId, 'session-2099-9'];
    case 'agreementId':
      return [agreementDocumentId(SESSION_2, 'zz'), OTHER.agreementId];
    case 'submissionId':
      return [submissionDocumentId(SESSION_2, PEOPLE.sabine, 'Erfunden'), OTHER.submissionId];
    case 'personId':
      return [PEOPLE.sabine, '00000000-0000-0000-0000-0000000000ff'];
    case 'seatId':
      return ['seat-erfunden'];
    case 'revision':
    case 'version':
      return typeof value === 'number' ? [value - 1, value + 1, 0] : [1];
    default:
      return ['erfunden'];
  }
}

/**
 * Values of the wrong type for a field: numbers as strings, odd numbers, arrays, objects, null,
 * very long text, an empty string, a control character and something shaped like JSON.
 */
function wrongTypes(value: unknown): unknown[] {
  return [
    typeof value === 'number' ? String(value) : 42,
    -1,
    1.5,
    [value],
    [],
    { value },
    {},
    null,
    LONG,
    true,
    '',
    '\u0000',
    '{"$ref":"x"}',
  ];
}

interface Tampering {
  readonly label: string;
  readonly data: Record<string, unknown>;
  /** Whether this change must leave the store as it is (false: it may be a legitimate request). */
  readonly changesNothing: boolean;
}

/**
 * Every way the suite alters a card's data. Ids and versions, altered in any way, must change
 * nothing. Content fields given an array, an object, a number or flag where text belongs, or
 * very long text must change nothing either; a content field left out, empty or null may be a
 * legitimate request (an optional note), so there only the answer is checked.
 */
function tamperings(verb: Verb, payload: Record<string, unknown>): Tampering[] {
  const result: Tampering[] = [];
  const entries = Object.entries(payload).filter(([field]) => field !== 'verb');
  for (const [field, value] of entries) {
    const key = (KEY_FIELDS as readonly string[]).includes(field);
    const set = (label: string, replaced: unknown, changesNothing: boolean) =>
      result.push({ label: `${field} ${label}`, data: { ...payload, [field]: replaced }, changesNothing });
    if (key)
      for (const other of otherIds(field, value).filter((other) => other !== value))
        set(`= ${JSON.stringify(other)}`, other, !selectsAnother(verb, field));
    const { [field]: _dropped, ...without } = payload;
    result.push({
      label: `${field} missing`,
      data: without,
      changesNothing: key && value !== '' && !MEANS_NEW_OR_OWN.includes(field),
    });
    for (const wrong of wrongTypes(value)) {
      const refusedForSure =
        (key && wrong !== '') ||
        Array.isArray(wrong) ||
        (typeof wrong === 'object' && wrong !== null) ||
        wrong === LONG ||
        (!COUNTS.includes(field) && (typeof wrong === 'number' || typeof wrong === 'boolean'));
      set(
        `as ${wrong === LONG ? '20,000 characters' : JSON.stringify(wrong)}`,
        wrong,
        refusedForSure && !benign(verb, field, wrong),
      );
    }
  }
  result.push({ label: 'no data at all', data: { verb }, changesNothing: false });
  return result;
}

/** Content fields that hold a number of minutes: a number there is a fair answer. */
const COUNTS: readonly string[] = ['minutes', 'desiredMinutes'];

/**
 * Ids whose absence has a meaning of its own: no person on an invitation means "my own"; no
 * submission on the topic form means a new one.
 */
const MEANS_NEW_OR_OWN: readonly string[] = ['personId', 'submissionId'];

/**
 * Whether another id of this committee names another thing the clicker may rightly act on: the
 * secretariat's roster cards pick a seat or a person. Another committee's id never does.
 */
function selectsAnother(verb: Verb, field: string): boolean {
  return verb.startsWith('roster.') && (field === 'personId' || field === 'seatId');
}

/**
 * Content values that a use case may rightly accept: the card answers with free text, and a
 * switch field read as "not true" is a legitimate "no".
 */
function benign(verb: Verb, field: string, wrong: unknown): boolean {
  if (field === 'confirmed' || field === 'active' || field.startsWith('role_')) return true;
  return field === 'page' || field === 'year' || field === 'filter' || (verb === VERBS.setupSave && wrong === null);
}

/**
 * Issue 7, point 4: for every card verb, replays its card's data with other ids (of this
 * committee and of another committee in the same store), stale versions, fields left out and
 * values of the wrong type. None may change the store, and every answer is a localised card:
 * never the generic error card, never a crash.
 */
describe('bot: tampered card data changes nothing', function () {
  this.timeout(300_000);
  let template: PermissionWorld;
  before(async () => {
    template = await PermissionWorld.build();
  });
  after(async () => template.dispose());

  let cases = 0;
  after(() => assert.ok(cases > 1000, `only ${cases} tampered clicks`));

  for (const verb of Object.values(VERBS)) {
    it(verb, async () => {
      const who =
        CLICKER[verb] ??
        (Object.keys(ACTORS) as ActorKey[]).find((key) =>
          mayAct(verb, { roles: ACTORS[key].roles, committeeExists: true }),
        )!;
      let world = await template.open();
      try {
        for (const tampering of tamperings(verb, await payloadFor(verb, world))) {
          const before = world.snapshot();
          const card = await world.bot.execute(ACTORS[who].person, verb, tampering.data);
          cases += 1;
          const text = cardText(card);
          const context = `${verb} as ${who}, ${tampering.label}`;
          assert.ok(
            Array.isArray(card.body) && card.body.length > 0 && text.trim().length > 0,
            `${context}: an empty card`,
          );
          assert.ok(!text.includes(GENERIC_ERROR), `${context}: the generic error card`);
          const changed = world.snapshot() !== before;
          if (tampering.changesNothing) assert.ok(!changed, `${context} changed the store:\n${text.slice(0, 300)}`);
          if (changed) {
            // A legitimate request went through: the next one starts from the card's state again.
            await world.close();
            world = await template.open();
          }
        }
      } finally {
        await world.close();
      }
    });
  }
});
