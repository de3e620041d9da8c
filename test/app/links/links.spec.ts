import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { CommitteeDocument } from '../../../src/app/documents';
import { OutboxSender } from '../../../src/app/delivery/outbox-sender';
import { enqueueOperation, outboxRecordId, type OutboxDraft } from '../../../src/app/delivery/outbox-record';
import { issueLink } from '../../../src/app/links/issue-link';
import {
  LINK_TYPE,
  type LinkDocument,
  type LinkRecipient,
  type LinkTarget,
} from '../../../src/app/links/link-document';
import { linksOf } from '../../../src/app/links/revoke-links';
import { isSuperseded, minutesFile, MINUTES_SUPERSEDED } from '../../../src/app/minutes/minutes-file';
import { approveMinutes } from '../../../src/app/minutes/approve-minutes';
import { circulateMinutes } from '../../../src/app/minutes/circulate-minutes';
import { saveMinutesItem } from '../../../src/app/minutes/edit-minutes';
import { openOrCreateMinutes } from '../../../src/app/minutes/open-minutes';
import type { BatchOperation, Document } from '../../../src/app/ports/document-store';
import { silentLogger } from '../../../src/app/ports/logger';
import { applyRetention } from '../../../src/app/privacy/apply-retention';
import { erasePerson } from '../../../src/app/privacy/erase-person';
import { dataExportFile, exportPersonalData } from '../../../src/app/privacy/export-personal-data';
import { conversationDocumentId, rememberConversation } from '../../../src/app/remember-conversation';
import { changeRoster, type RosterRequest } from '../../../src/app/roster/change-roster';
import { markMembersLeft } from '../../../src/app/roster/import-members';
import { loadRoster } from '../../../src/app/roster/load-roster';
import { sessionCalendar } from '../../../src/app/sessions/session-calendar';
import { createMessageRenderer } from '../../../src/cards/outgoing-messages';
import { SendRateLimiter } from '../../../src/domain/delivery/send-rate-limiter';
import { COMMITTEE_DOCUMENT_ID, seatDocumentId, tenantDirectoryId } from '../../../src/domain/ids';
import type { PersonalDataExport } from '../../../src/app/privacy/data-export-document';
import { ENGINES } from '../../support/engines';
import { FakeMessenger } from '../../support/fake-messenger';
import { committeeAndSession, draftsOf, holdSession } from '../minutes/minutes-world';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld, TENANT, type PersonKey } from '../sessions/session-world';
import { nearMiss, renderedAsSent } from './link-fixtures';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

const BASE_URL = 'https://gremium.example.org';
const SESSION_2 = 'session-2027-2';
const DAY = 24 * 60 * 60 * 1000;
/** The address of a link in a rendered card, with its token. */
const LINK_IN_CARD =
  /https:\/\/gremium\.example\.org\/api\/(?:calendar|minutes|export)\/[^"\s]*?([A-Za-z0-9_-]{43})\.(?:ics|pdf|json)/;

for (const engine of ENGINES) {
  describe(`app/links on the ${engine.name}`, function () {
    this.timeout(60_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
    });
    afterEach(async () => close());

    const to = (who: PersonKey): LinkRecipient => ({ kind: 'person', id: PEOPLE[who] });
    const calendar = (sessionId = SESSION_1): LinkTarget => ({ kind: 'calendar', sessionId });
    /** Issues a link as a card sent to the person would, each in a slot of its own. */
    async function tokenFor(who: PersonKey | LinkRecipient, target: LinkTarget): Promise<string> {
      const link = await issueLink(world.deps, {
        committeeId: COMMITTEE,
        recipient: typeof who === 'string' ? to(who) : who,
        target,
        slot: `test|${Math.random()}`,
      });
      assert.ok(link, `no link for ${JSON.stringify(who)}`);
      return link.token;
    }
    const opens = async (token: string, sessionId = SESSION_1) =>
      (await sessionCalendar(world.deps, COMMITTEE, sessionId, token)) !== undefined;
    const rosterChange = async (request: RosterRequest) => {
      const changed = await changeRoster(world.deps, await world.actor('katrin'), {
        revision: (await loadRoster(world.store, COMMITTEE)).revision,
        request,
      });
      assert.ok(changed.ok, JSON.stringify(!changed.ok && changed.error));
    };

    describe('issuing', () => {
      it('gives two recipients of one calendar different tokens, and keeps only their hashes', async () => {
        const [sabine, thomas] = [await tokenFor('sabine', calendar()), await tokenFor('thomas', calendar())];
        assert.notEqual(sabine, thomas);
        assert.ok((await opens(sabine)) && (await opens(thomas)), 'each opens the session');
        const links = await world.store.query<LinkDocument>(COMMITTEE, { type: LINK_TYPE });
        assert.deepEqual(
          links.map((link) => link.id).sort(),
          [sabine, thomas].map((token) => `link-${createHash('sha256').update(token).digest('hex')}`).sort(),
        );
        assert.deepEqual(links.map((link) => link.recipientId).sort(), [PEOPLE.sabine, PEOPLE.thomas].sort());
        for (const token of [sabine, thomas]) assert.ok(!JSON.stringify(links).includes(token), 'no token is stored');
      });

      it('lets a token open only what it was issued for: its session, its kind, its committee', async () => {
        const token = await tokenFor('sabine', calendar());
        assert.equal(await opens(token, SESSION_2), false, 'not another session');
        assert.equal(await minutesFile(world.deps, COMMITTEE, SESSION_1, token), undefined, 'not the minutes');
        assert.equal(await dataExportFile(world.deps, COMMITTEE, token), undefined, 'not an export');
        assert.equal(
          await sessionCalendar(world.deps, 'tenant-00000000-0000-0000-0000-000000000000', SESSION_1, token),
          undefined,
          'not in another committee',
        );
        assert.equal(await opens(nearMiss(token)), false, 'not with a token that differs in one character');
        assert.equal(await opens(token), true);
      });

      it('replaces the link of a slot when it issues for it again, so one message or card keeps one working link', async () => {
        const slot = 'outbox-1|person:sabine|calendar|session-2027-1';
        const first = await issueLink(world.deps, {
          committeeId: COMMITTEE,
          recipient: to('sabine'),
          target: calendar(),
          slot,
        });
        const second = await issueLink(world.deps, {
          committeeId: COMMITTEE,
          recipient: to('sabine'),
          target: calendar(),
          slot,
        });
        assert.ok(first && second);
        assert.deepEqual([await opens(first.token), await opens(second.token)], [false, true]);
        assert.equal((await linksOf(world.store, COMMITTEE, PEOPLE.sabine)).length, 1);
      });

      it('issues nothing to whoever may not hold the link: someone deactivated, without a seat, without the role, not sent the minutes', async () => {
        await rosterChange({ kind: 'setActive', personId: PEOPLE.yusuf, active: false });
        const issue = (recipient: LinkRecipient, target: LinkTarget) =>
          issueLink(world.deps, { committeeId: COMMITTEE, recipient, target, slot: 'x' });
        const minutes: LinkTarget = { kind: 'minutes', sessionId: SESSION_1, version: 1 };
        assert.equal(await issue(to('yusuf'), calendar()), undefined);
        assert.equal(
          await issue(to('katrin'), calendar()),
          undefined,
          'the secretariat holds no seat, so it is sent no invitation',
        );
        assert.equal(await issue(to('sabine'), minutes), undefined, 'minutes not yet sent to her');
        assert.ok(await issue(to('katrin'), minutes), 'the secretariat follows the minutes');
        assert.equal(
          await issue(to('sabine'), { ...minutes, kind: 'extract' }),
          undefined,
          'the extract is the working group’s',
        );
        assert.ok(await issue(to('lena'), { ...minutes, kind: 'extract' }));
        assert.equal(
          await issue({ kind: 'person', id: '0f0f0f0f-0000-0000-0000-00000000000f' }, calendar()),
          undefined,
          'nobody outside the roster, except for their own data',
        );
        assert.equal(
          await issue({ kind: 'conversation', id: 'conversation-unknown' }, { ...minutes, kind: 'extract' }),
          undefined,
          'no conversation but the working group’s',
        );
        assert.equal(await issue(to('sabine'), calendar('session-2027-9')), undefined);
        world.clock.advance(Date.parse('2027-02-25T16:00:00Z') - world.clock.now().toMillis());
        assert.equal(await issue(to('sabine'), calendar()), undefined);
      });
    });

    describe('revocation', () => {
      it('revokes every link of a person the secretariat deactivates, at once, and keeps the others', async () => {
        const [sabine, thomas] = [await tokenFor('sabine', calendar()), await tokenFor('thomas', calendar())];
        await rosterChange({ kind: 'setActive', personId: PEOPLE.sabine, active: false });
        assert.deepEqual([await opens(sabine), await opens(thomas)], [false, true]);
        assert.deepEqual(await linksOf(world.store, COMMITTEE, PEOPLE.sabine), [], 'deleted, not only refused');
      });

      it('deactivates a person even when one of their links is replaced at that very moment', async () => {
        const sabine = await tokenFor('sabine', calendar());
        let raced = false;
        const store = new Proxy(world.store, {
          get: (target, property, receiver) => {
            if (property !== 'batch') return Reflect.get(target, property, receiver) as unknown;
            return async (committeeId: string, operations: readonly BatchOperation[]) => {
              const link = operations.find(
                (operation) => operation.op === 'delete' && operation.id.startsWith('link-'),
              );
              if (link && !raced) {
                raced = true;
                // A send renews the link between the change reading it and writing.
                await issueLink(world.deps, {
                  committeeId,
                  recipient: to('sabine'),
                  target: calendar(),
                  slot: (await linksOf(target, committeeId, PEOPLE.sabine))[0]!.slot,
                });
              }
              return target.batch(committeeId, operations);
            };
          },
        });
        const changed = await changeRoster({ ...world.deps, store }, await world.actor('katrin'), {
          revision: (await loadRoster(world.store, COMMITTEE)).revision,
          request: { kind: 'setActive', personId: PEOPLE.sabine, active: false },
        });
        assert.ok(changed.ok, JSON.stringify(!changed.ok && changed.error));
        assert.ok(raced, 'the race happened');
        assert.equal(await opens(sabine), false);
        assert.deepEqual(await linksOf(world.store, COMMITTEE, PEOPLE.sabine), []);
      });

      it('revokes the links of the member and the deputy of a removed seat, and of a deputy replaced on a seat', async () => {
        const [sabine, thomas, birgit, yara] = [
          await tokenFor('sabine', calendar()),
          await tokenFor('thomas', calendar()),
          await tokenFor('birgit', calendar()),
          await tokenFor('yara', calendar()),
        ];
        await rosterChange({ kind: 'removeSeat', seatId: seatDocumentId('jobcenter') });
        assert.deepEqual([await opens(sabine), await opens(thomas), await opens(birgit)], [false, false, true]);
        await rosterChange({
          kind: 'saveSeat',
          seatId: seatDocumentId('ihk'),
          institution: 'IHK zu Leipzig',
          memberId: PEOPLE.yusuf,
          deputyId: '',
        });
        assert.equal(await opens(yara), false, 'the deputy taken off her seat');
        assert.equal(await opens(birgit), true);
      });

      it('revokes the links of someone who loses a role, and of someone who leaves the team', async () => {
        await tokenFor('lena', { kind: 'extract', sessionId: SESSION_1, version: 1 });
        await rosterChange({ kind: 'setRoles', personId: PEOPLE.lena, roles: [] });
        assert.deepEqual(await linksOf(world.store, COMMITTEE, PEOPLE.lena), []);
        const birgit = await tokenFor('birgit', calendar());
        assert.equal(
          await markMembersLeft(world.deps, COMMITTEE, [{ userId: '29:birgit', aadObjectId: PEOPLE.birgit }]),
          1,
        );
        assert.equal(await opens(birgit), false);
        assert.deepEqual(await linksOf(world.store, COMMITTEE, PEOPLE.birgit), []);
      });

      it('revokes the links of an erased person', async () => {
        const [sabine, birgit] = [await tokenFor('sabine', calendar()), await tokenFor('birgit', calendar())];
        const erased = await erasePerson(world.deps, await world.actor('katrin'), {
          revision: (await loadRoster(world.store, COMMITTEE)).revision,
          personId: PEOPLE.sabine,
        });
        assert.ok(erased.ok);
        assert.deepEqual([await opens(sabine), await opens(birgit)], [false, true]);
        assert.deepEqual(await linksOf(world.store, COMMITTEE, PEOPLE.sabine), []);
      });

      it('refuses the link of a person who has left even where no revocation ran (a link issued while they were leaving)', async () => {
        const token = await tokenFor('sabine', calendar());
        const person = (await world.store.get<Document & { active: boolean }>(COMMITTEE, `person-${PEOPLE.sabine}`))!;
        await world.store.replace({ ...person, active: false }, person._etag);
        assert.equal(await opens(token), false);
      });
    });

    describe('expiry', () => {
      it('lets a calendar link work until two weeks after the session, and follows a move of the session', async () => {
        const token = await tokenFor('sabine', calendar());
        const session = await world.session();
        await world.store.replace(
          {
            ...session,
            startsAt: '2027-02-18T13:00:00.000Z',
            endsAt: '2027-02-18T16:00:00.000Z',
            revision: session.revision + 1,
          },
          session._etag,
        );
        assert.equal(
          (await sessionCalendar(world.deps, COMMITTEE, SESSION_1, token))?.startsAt,
          '2027-02-18T13:00:00.000Z',
          'the file follows the move',
        );
        world.clock.advance(Date.parse('2027-02-25T16:00:00Z') - world.clock.now().toMillis() - 1000);
        assert.equal(await opens(token), true);
        world.clock.advance(1000);
        assert.equal(await opens(token), false);
      });

      it('lets a minutes link work for 90 days', async () => {
        await holdSession(world);
        const { committee, session } = await committeeAndSession(world);
        await openOrCreateMinutes(world.deps, committee, session, PEOPLE.katrin);
        assert.ok((await circulateMinutes(world.deps, committee, session, PEOPLE.katrin)).ok);
        const token = await tokenFor('thomas', { kind: 'minutes', sessionId: SESSION_1, version: 1 });
        world.clock.advance(90 * DAY - 1000);
        assert.ok(await minutesFile(world.deps, COMMITTEE, SESSION_1, token));
        world.clock.advance(1000);
        assert.equal(await minutesFile(world.deps, COMMITTEE, SESSION_1, token), undefined);
      });
    });

    describe('versions', () => {
      /** Holds the session, drafts the minutes and circulates version 1 to Thomas, Birgit and Katrin. */
      async function circulated(): Promise<void> {
        await holdSession(world);
        const { committee, session } = await committeeAndSession(world);
        await openOrCreateMinutes(world.deps, committee, session, PEOPLE.katrin);
        assert.ok((await circulateMinutes(world.deps, committee, session, PEOPLE.katrin)).ok);
      }
      /** The token of the PDF link in a queued message as its recipient receives it, if it carries one. */
      async function sentLink(draft: OutboxDraft | undefined): Promise<string | undefined> {
        assert.ok(draft, 'no such message');
        return LINK_IN_CARD.exec(JSON.stringify(await renderedAsSent(world.deps, COMMITTEE, draft, BASE_URL)))?.[1];
      }
      async function sentToken(draft: OutboxDraft | undefined): Promise<string> {
        const token = await sentLink(draft);
        assert.ok(token, 'the card links the PDF');
        return token;
      }
      const personal = (drafts: OutboxDraft[], who: PersonKey) =>
        drafts.find((draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId === PEOPLE[who]);
      async function revise(result: string): Promise<void> {
        const access = await committeeAndSession(world);
        const head = await openOrCreateMinutes(world.deps, access.committee, access.session, PEOPLE.katrin);
        const saved = await saveMinutesItem(world.deps, access, PEOPLE.katrin, head.version, head.items[1]!.itemId, {
          summary: 'Aussprache',
          result,
        });
        assert.ok(saved.ok, JSON.stringify(!saved.ok && saved.error));
      }

      it("never shows a later version through a forwarded link: its holder's version, then the superseded page, then nothing once they no longer attend", async () => {
        await circulated();
        const forwarded = await sentToken(personal(await draftsOf(world, 'minutes-circulate:'), 'thomas'));
        const first = await minutesFile(world.deps, COMMITTEE, SESSION_1, forwarded);
        assert.ok(first && !isSuperseded(first));
        assert.equal(first.print.version, 1);

        await revise('Neues Ergebnis, nur für die Empfänger der Fassung 2');
        assert.equal(
          ((await minutesFile(world.deps, COMMITTEE, SESSION_1, forwarded)) as { print: { version: number } }).print
            .version,
          1,
          'a revision not yet sent out changes nothing',
        );
        const { committee, session } = await committeeAndSession(world);
        assert.ok((await circulateMinutes(world.deps, committee, session, PEOPLE.katrin)).ok);
        assert.deepEqual(
          await minutesFile(world.deps, COMMITTEE, SESSION_1, forwarded),
          MINUTES_SUPERSEDED,
          'superseded, not version 2',
        );
        const own = await minutesFile(
          world.deps,
          COMMITTEE,
          SESSION_1,
          await sentToken(personal(await draftsOf(world, 'minutes-circulate:session-2027-1:r2'), 'thomas')),
        );
        assert.ok(
          own && !isSuperseded(own) && own.print.version === 2,
          'version 2 reaches the attendee by the link sent with it',
        );

        await rosterChange({
          kind: 'saveSeat',
          seatId: seatDocumentId('jobcenter'),
          institution: 'Jobcenter Leipzig',
          memberId: PEOPLE.sabine,
          deputyId: '',
        });
        assert.equal(
          await minutesFile(world.deps, COMMITTEE, SESSION_1, forwarded),
          undefined,
          'Thomas no longer holds the seat: his links lead nowhere',
        );
        assert.equal(
          await sentLink(personal(await draftsOf(world, 'minutes-circulate:session-2027-1:r2'), 'thomas')),
          undefined,
          'a card still queued for him goes out without a link',
        );
      });

      it("gives the working group's channel its own extract link, which ends when the channel is no longer the working group's", async () => {
        const channel = await rememberConversation(world.deps, {
          address: {
            serviceUrl: 'https://smba.example/',
            channelId: 'msteams',
            conversationId: '19:wg@thread.tacv2',
            conversationType: 'channel',
            tenantId: TENANT,
            botId: '28:bot',
          },
          title: 'Arbeitsgruppe',
        });
        const setWorkingGroup = async (conversationId: string | undefined) => {
          const stored = (await world.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID))!;
          const { workingGroupConversationId: _old, ...rest } = stored;
          await world.store.replace<CommitteeDocument>(
            { ...rest, ...(conversationId ? { workingGroupConversationId: conversationId } : {}) },
            stored._etag,
          );
        };
        await setWorkingGroup(channel.id);
        await circulated();
        const { committee, session } = await committeeAndSession(world);
        assert.ok(
          (
            await approveMinutes(world.deps, committee, session, PEOPLE.katrin, {
              goAhead: NO_QUESTIONS,
              automatic: false,
            })
          ).ok,
        );
        const drafts = await draftsOf(world, 'minutes-approved:');
        const toChannel = drafts.find((draft) => draft.recipient.kind === 'conversation');
        assert.equal(
          personal(
            drafts.filter((draft) => draft.key.includes(':results')),
            'lena',
          ),
          undefined,
          'the working group reads it in its channel',
        );
        const token = await sentToken(toChannel);
        const [link] = await linksOf(world.store, COMMITTEE, channel.id);
        assert.deepEqual([link?.kind, link?.recipientKind, link?.version], ['extract', 'conversation', 1]);
        const extract = await minutesFile(world.deps, COMMITTEE, SESSION_1, token);
        assert.ok(extract && !isSuperseded(extract) && extract.print.extract);
        const full = await sentToken(personal(drafts, 'birgit'));
        assert.notEqual(full, token, "a person's notice carries a link of their own");

        await setWorkingGroup(conversationDocumentId('channel', '19:other@thread.tacv2'));
        assert.equal(await minutesFile(world.deps, COMMITTEE, SESSION_1, token), undefined);
        assert.ok(await minutesFile(world.deps, COMMITTEE, SESSION_1, full));
      });
    });

    describe('sending', () => {
      it('leaves one working link for a message that took two attempts, the one sent last', async () => {
        await rememberConversation(world.deps, {
          address: {
            serviceUrl: 'https://smba.example/',
            channelId: 'msteams',
            conversationId: 'a:sabine',
            conversationType: 'personal',
            tenantId: TENANT,
            botId: '28:bot',
            userId: '29:sabine',
            userAadObjectId: PEOPLE.sabine,
          },
        });
        const draft: OutboxDraft = {
          key: 'invite:test:sabine',
          recipient: { kind: 'person', aadObjectId: PEOPLE.sabine },
          recipientLabel: 'Sabine',
          message: {
            kind: 'notice',
            data: { tone: 'default', title: 'welcome.title', text: 'welcome.text' },
            links: { calendar: calendar() },
          },
        };
        await world.store.batch(COMMITTEE, [
          enqueueOperation(COMMITTEE, 'test', [draft], world.clock.now().toUTC().toISO()!, {
            kind: 'actionItem',
            audience: 'recipients',
          }),
        ]);
        const messenger = new FakeMessenger(world.clock);
        messenger.script.set('a:sabine', [{ ok: false, status: 503, detail: 'unavailable' }]);
        const links: string[] = [];
        const renderer = createMessageRenderer('de', { publicBaseUrl: BASE_URL });
        const sender = new OutboxSender(
          {
            ...world.deps,
            messenger,
            renderer: {
              render: (message, locale, issued) => (
                links.push(issued?.calendar ?? ''),
                renderer.render(message, locale, issued, { committeeId: COMMITTEE, shortName: 'KOG' })
              ),
            },
            limiter: new SendRateLimiter(),
            logger: silentLogger,
            wait: world.clock.wait,
            random: () => 0.5,
            instanceId: 'test',
          },
          { maxInFlight: 1 },
        );
        assert.equal((await sender.drainOnce()).retried, 1);
        world.clock.advance(60_000);
        assert.equal((await sender.drainOnce()).sent, 1);
        const tokens = links.map((path) => /\/([A-Za-z0-9_-]{43})\.ics$/.exec(path)?.[1] ?? '');
        assert.equal(tokens.length, 2);
        assert.deepEqual([await opens(tokens[0]!), await opens(tokens[1]!)], [false, true]);
        const stored = await linksOf(world.store, COMMITTEE, PEOPLE.sabine);
        assert.equal(stored.length, 1);
        assert.ok(stored[0]!.slot.startsWith(outboxRecordId(draft.key)), 'issued in the slot of its outbox record');
      });
    });

    describe('retention and export', () => {
      it('removes expired links and keeps the working ones, and drops the shared tokens earlier versions stored', async () => {
        await tokenFor('sabine', calendar());
        await tokenFor('thomas', { kind: 'calendar', sessionId: 'session-2027-3' });
        const session = await world.session();
        await world.store.replace(
          { ...session, calendarToken: '3f1c9a2e-7b4d-4e8f-9a61-0c2d5e7f8a90' } as typeof session,
          session._etag,
        );
        world.clock.advance(Date.parse('2027-02-25T16:00:00Z') - world.clock.now().toMillis());
        await applyRetention(world.deps, COMMITTEE);
        const left = await world.store.query<LinkDocument>(COMMITTEE, { type: LINK_TYPE });
        assert.deepEqual(
          left.map((link) => [link.recipientId, link.sessionId]),
          [[PEOPLE.thomas, 'session-2027-3']],
        );
        assert.equal('calendarToken' in (await world.session()), false);
        assert.equal((await applyRetention(world.deps, COMMITTEE)).byType[LINK_TYPE] ?? 0, 0, 'nothing left to remove');
      });

      it("lists a person's links in their data export, with kind and dates, never a token", async () => {
        const tokens = [
          await tokenFor('sabine', calendar()),
          await tokenFor('sabine', calendar(SESSION_2)),
          await tokenFor('thomas', calendar()),
        ];
        const link = await exportPersonalData(world.deps, await world.actor('sabine'));
        assert.ok(link);
        const file = await dataExportFile(world.deps, tenantDirectoryId(TENANT), link.token);
        assert.ok(file);
        const listed = (JSON.parse(file.content) as PersonalDataExport).committees[0]!.links as Array<
          Record<string, unknown>
        >;
        assert.deepEqual(
          listed.map((entry) => [entry.kind, entry.sessionId, typeof entry.issuedAt, typeof entry.expiresAt]).sort(),
          [
            ['calendar', SESSION_1, 'string', 'string'],
            ['calendar', SESSION_2, 'string', 'string'],
          ],
        );
        for (const token of [...tokens, link.token]) assert.ok(!file.content.includes(token));
        assert.ok(!JSON.stringify(listed).includes('link-'), 'not even the hashes');
      });
    });
  });
}
