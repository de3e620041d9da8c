import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { readAheadKeys, readAlongKeys } from '../../src/bot/turn-read-ahead';

const TENANT = '11111111-2222-3333-4444-555555555555';
const PERSON = 'aaaaaaaa-0000-4000-8000-000000000001';
const DIRECTORY = `tenant-${TENANT}`;
const COMMITTEE = `committee-${TENANT}-${'a'.repeat(40)}`;
const FOREIGN = `committee-99999999-2222-3333-4444-555555555555-${'a'.repeat(40)}`;

function contextOf(activity: Partial<Activity>): TurnContext {
  return new TurnContext(new TestAdapter(), {
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/emea/',
    from: { id: '29:person', aadObjectId: PERSON, name: 'Person' },
    recipient: { id: '28:gremium', name: 'Gremium' },
    conversation: { id: 'a:personal', conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
    channelData: { tenant: { id: TENANT } },
    ...activity,
  } as Activity);
}

function click(data: unknown, conversation?: Partial<Activity['conversation']>): TurnContext {
  return contextOf({
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'rsvp.answer', data } },
    ...(conversation ? { conversation: conversation as Activity['conversation'] } : {}),
  });
}

const ids = (context: TurnContext) => readAheadKeys(context).map((key) => `${key.committeeId}/${key.id}`);

describe('bot/turn-read-ahead', () => {
  it('reads ahead, for a typed command in the personal chat, the language, the chat and the committees index', () => {
    assert.deepEqual(ids(contextOf({ type: 'message', text: 'hilfe' })), [
      `${DIRECTORY}/language-${PERSON}`,
      `${DIRECTORY}/personal-${PERSON}`,
      `${DIRECTORY}/committees-${PERSON}`,
    ]);
  });

  it("reads ahead, for a click, the card's committee, the clicker's roster entry and the card's session", () => {
    assert.deepEqual(ids(click({ committeeId: COMMITTEE, sessionId: 'session-2027-1', personId: 'someone-else' })), [
      `${DIRECTORY}/language-${PERSON}`,
      `${DIRECTORY}/personal-${PERSON}`,
      `${COMMITTEE}/committee`,
      `${COMMITTEE}/person-${PERSON}`,
      `${COMMITTEE}/session-2027-1`,
    ]);
  });

  it('reads ahead the calendar link a clicked card carries, by the hash of its token, and nothing for what is no token', () => {
    const token = 'T'.repeat(43);
    const linkId = `link-${createHash('sha256').update(token).digest('hex')}`;
    const cardKeys = (calendarToken: unknown) =>
      ids(click({ committeeId: COMMITTEE, sessionId: 'session-2027-1', calendarToken })).slice(2);
    assert.deepEqual(cardKeys(token), [
      `${COMMITTEE}/committee`,
      `${COMMITTEE}/person-${PERSON}`,
      `${COMMITTEE}/session-2027-1`,
      `${COMMITTEE}/${linkId}`,
    ]);
    for (const notAToken of ['T'.repeat(42), `${token}/`, 42, { token }])
      assert.equal(cardKeys(notAToken).length, 3, JSON.stringify(notAToken));
  });

  it('reads nothing of a committee of another tenant, nor a session id that is none', () => {
    assert.deepEqual(ids(click({ committeeId: FOREIGN, sessionId: 'session-2027-1' })), [
      `${DIRECTORY}/language-${PERSON}`,
      `${DIRECTORY}/personal-${PERSON}`,
      `${DIRECTORY}/committees-${PERSON}`,
    ]);
    for (const sessionId of ['agenda-session-2027-1', 'session-2027/1', { $ne: '' }, 42, 'session-' + 'x'.repeat(600)])
      assert.deepEqual(
        ids(click({ committeeId: COMMITTEE, sessionId })),
        [
          `${DIRECTORY}/language-${PERSON}`,
          `${DIRECTORY}/personal-${PERSON}`,
          `${COMMITTEE}/committee`,
          `${COMMITTEE}/person-${PERSON}`,
        ],
        JSON.stringify(sessionId).slice(0, 40),
      );
  });

  it('reads ahead in a channel only the language and the channel, never the card committee', () => {
    const keys = ids(
      click(
        { committeeId: COMMITTEE, sessionId: 'session-2027-1' },
        { id: '19:channel@thread.tacv2', conversationType: 'channel', tenantId: TENANT, isGroup: true },
      ),
    );
    assert.equal(keys.length, 2);
    assert.equal(keys[0], `${DIRECTORY}/language-${PERSON}`);
    assert.match(keys[1]!, new RegExp(`^${DIRECTORY}/conversation-[0-9a-f]{40}$`));
  });

  it('reads nothing ahead for an activity without a person', () => {
    assert.deepEqual(ids(contextOf({ type: 'message', text: 'hilfe', from: { id: '29:x', name: 'x' } })), []);
  });

  it("reads along with a typed command's committee the session its argument numbers and that session's agenda", () => {
    const along = (context: TurnContext) =>
      readAlongKeys(context, COMMITTEE).map((key) => `${key.committeeId}/${key.id}`);
    assert.deepEqual(along(contextOf({ type: 'message', text: 'tagesordnung veröffentlichen 2027/1' })), [
      `${COMMITTEE}/session-2027-1`,
      `${COMMITTEE}/session-2027-1-regular`,
      `${COMMITTEE}/agenda-session-2027-1`,
      `${COMMITTEE}/agenda-session-2027-1-regular`,
    ]);
    // An extra session's number: its id is not certain, so nothing; no number, another chat: nothing.
    for (const text of ['tagesordnung 2027/S1', 'tagesordnung', 'hilfe', 'sitzungen planen 2027'])
      assert.deepEqual(along(contextOf({ type: 'message', text })), [], text);
    assert.deepEqual(along(click({ committeeId: COMMITTEE, sessionId: 'session-2027-1' })), []);
    const channel = { id: '19:channel@thread.tacv2', conversationType: 'channel', tenantId: TENANT, isGroup: true };
    assert.deepEqual(
      along(
        contextOf({ type: 'message', text: 'tagesordnung 2027/1', conversation: channel as Activity['conversation'] }),
      ),
      [],
    );
  });
});
