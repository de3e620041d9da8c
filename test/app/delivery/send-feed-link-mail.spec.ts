import assert from 'node:assert/strict';
import { personCommitteesOf } from '../../../src/app/committees/person-committees';
import { deliveryReport, retryFailedDeliveries } from '../../../src/app/delivery/delivery-report';
import type { DispatchDocument, OutboxRecord } from '../../../src/app/delivery/outbox-record';
import { feedsOf } from '../../../src/app/feed/issue-feed-link';
import { personFeed } from '../../../src/app/feed/person-feed';
import { erasePerson } from '../../../src/app/privacy/erase-person';
import { collectCommitteeData } from '../../../src/app/privacy/export-personal-data';
import { changeRoster, type RosterRequest } from '../../../src/app/roster/change-roster';
import { feedLinkMailDispatchId } from '../../../src/app/roster/feed-link-mail-dispatch';
import { loadRoster } from '../../../src/app/roster/load-roster';
import { personIdForEmail } from '../../../src/app/roster/person-without-teams-id';
import { calendarFeed } from '../../../src/cards/calendar-feed';
import { renderDeliveryCard } from '../../../src/cards/delivery-card';
import { createMessageRenderer } from '../../../src/cards/outgoing-messages';
import { tenantDirectoryId } from '../../../src/domain/ids';
import { translator } from '../../../src/i18n/translator';
import { IcsCalendarWriter } from '../../../src/infra/ics-calendar';
import { cardText } from '../../support/bot-harness';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { GraphDouble } from '../../support/graph-double';
import { COMMITTEE, MAILBOX, MeetingWorld, PUBLIC_BASE_URL, TENANT } from '../meetings/meeting-world';

const JAN = { displayName: 'Jan Vogt', institution: 'Stadt Leipzig', email: 'jan.vogt@leipzig.example' };
const JAN_ID = personIdForEmail(JAN.email);

/** A mail as the Graph double received it, in Graph's `message` shape. */
interface GraphMail {
  readonly subject: string;
  readonly body: { readonly contentType: string; readonly content: string };
  readonly toRecipients: ReadonlyArray<{ readonly emailAddress: { readonly address: string; readonly name: string } }>;
}

/**
 * A person without Teams hears of their calendar subscription by e-mail from the organiser
 * mailbox: queued with the roster change, sent by the outbox through the real Graph adapter
 * against the Graph double, with a subscription address that works, under the outbox's rules.
 */
for (const engine of ENGINES) {
  describe(`app/delivery: the calendar address e-mailed to a person without Teams (${engine.name})`, function () {
    this.timeout(120_000);
    let opened: OpenedEngine;
    let graph: GraphDouble;
    let world: MeetingWorld;

    const open = async (organiserMailbox: string | null = MAILBOX) => {
      world = new MeetingWorld(opened.store, graph, organiserMailbox);
      await world.setUp();
      // The sessions' Outlook events first, so that trouble injected later meets the e-mail.
      await world.drain();
      graph.requests.length = 0;
    };
    beforeEach(async () => {
      opened = await engine.open();
      graph = await GraphDouble.start();
    });
    afterEach(async () => {
      await graph.stop();
      await opened.close();
    });

    const change = async (request: RosterRequest, revision?: number) =>
      changeRoster(world.deps, await world.actor('katrin'), {
        revision: revision ?? (await loadRoster(world.store, COMMITTEE)).revision,
        request,
      });
    const addJan = (revision?: number) => change({ kind: 'addPersonWithoutTeams', ...JAN }, revision);
    const mails = () => graph.mails.map((mail) => mail.message as GraphMail);
    const mailRequests = () => graph.requests.filter((request) => request.path.endsWith('/sendMail'));
    /** The feed's directory and token from the address in a mail. */
    const feedIn = (mail: GraphMail) => {
      const found = /href="https:\/\/gremium\.example\/api\/feed\/([^/"]+)\/([A-Za-z0-9_-]{43})"/.exec(
        mail.body.content,
      );
      assert.ok(found, mail.body.content);
      return { directoryId: decodeURIComponent(found[1]!), token: found[2]! };
    };
    const records = async () =>
      (await world.store.query<OutboxRecord>(COMMITTEE, { type: 'outbox' })).filter(
        (record) => record.recipient.kind === 'organiserMail',
      );
    const feedDispatches = async () =>
      (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' })).filter(
        (dispatch) => dispatch.about?.kind === 'feedLinkMail',
      );
    /** The delivery report in German, as the secretariat reads it. */
    const report = async (locale: 'de' | 'en' = 'de') => {
      const found = await deliveryReport(world.deps, await world.actor('katrin'), { page: 1 });
      assert.ok(found.ok);
      return cardText(renderDeliveryCard(found.value, 'Europe/Berlin', translator(locale)) as Record<string, unknown>);
    };

    it('sends one e-mail to the added person, whose address opens a calendar of the sessions', async () => {
      await open();
      const added = await addJan();
      assert.ok(added.ok, JSON.stringify(added));
      assert.equal(added.value.outcome.kind, 'personWithoutTeamsAdded');
      assert.equal('feedMail' in added.value.outcome && added.value.outcome.feedMail, 'queued');
      const [dispatch, ...more] = await feedDispatches();
      assert.equal(more.length, 0);
      assert.equal(
        dispatch?.dispatchId,
        feedLinkMailDispatchId(JAN_ID, (await loadRoster(world.store, COMMITTEE)).revision),
      );
      assert.ok(!JSON.stringify(dispatch).includes('/api/feed/'), 'the outbox holds no address');
      assert.ok((await report()).includes('Kalenderadresse per E-Mail an Jan Vogt: zum Versand vorgemerkt'));

      await world.drain();
      const [mail, ...others] = mails();
      assert.ok(mail);
      assert.equal(others.length, 0);
      assert.equal(graph.mails[0]?.mailbox, MAILBOX, 'sent from the organiser mailbox');
      assert.deepEqual(mail.toRecipients, [{ emailAddress: { address: JAN.email, name: JAN.displayName } }]);
      const committee = await world.committee();
      assert.equal(mail.subject, `Ihr Sitzungskalender: ${committee?.name}`, 'in the committee’s language');
      assert.equal(mail.body.contentType, 'html');
      assert.match(mail.body.content, /^<p>Guten Tag Jan Vogt,<\/p>/);
      assert.ok(!(await records()).some((record) => JSON.stringify(record).includes('/api/feed/')));

      const { directoryId, token } = feedIn(mail);
      assert.equal(directoryId, tenantDirectoryId(TENANT));
      assert.ok(mail.body.content.includes(`${PUBLIC_BASE_URL}/api/feed/`));
      const feed = await personFeed(world.deps, directoryId, token);
      assert.ok(feed, 'the address in the e-mail opens the feed');
      assert.ok(
        feed.sessions.some((session) => session.number === '2027/1'),
        'with the committee’s sessions',
      );
      const calendar = calendarFeed(feed, translator('de'));
      const ics = new IcsCalendarWriter().writeFeed(calendar.name, calendar.events);
      assert.match(ics, /^BEGIN:VCALENDAR/);
      assert.match(ics, /BEGIN:VEVENT/);

      const text = await report();
      assert.ok(text.includes('Kalenderadresse per E-Mail an Jan Vogt: gesendet'), text);
      assert.ok((await report('en')).includes('Calendar address by e-mail to Jan Vogt: sent'));

      const exported = await collectCommitteeData(world.store, COMMITTEE, JAN_ID);
      assert.deepEqual(
        (exported.messages as Array<{ kind: string; status: string }>).map((message) => [message.kind, message.status]),
        [['feedLinkMail', 'sent']],
        'the e-mail is part of what Gremium tells the person it holds',
      );
    });

    it('sends nothing twice when the click that added the person is delivered again', async () => {
      await open();
      const revision = (await loadRoster(world.store, COMMITTEE)).revision;
      assert.ok((await addJan(revision)).ok);
      const again = await addJan(revision);
      assert.ok(!again.ok && again.error.kind === 'outdated', JSON.stringify(again));
      await world.drain();
      await world.drain(world.sender({ instanceId: 'sender-b' }));
      assert.equal(mails().length, 1);
      assert.equal((await feedDispatches()).length, 1);
    });

    it('sends a new address to the new e-mail address, and the old address stops working', async () => {
      await open();
      assert.ok((await addJan()).ok);
      await world.drain();
      const first = feedIn(mails()[0]!);
      const changed = await change({ kind: 'setEmail', personId: JAN_ID, email: 'j.vogt@stadt-leipzig.example' });
      assert.ok(changed.ok, JSON.stringify(changed));
      assert.equal('feedMail' in changed.value.outcome && changed.value.outcome.feedMail, 'queued');
      await world.drain();
      assert.equal(mails().length, 2);
      const second = mails()[1]!;
      assert.deepEqual(second.toRecipients[0]?.emailAddress.address, 'j.vogt@stadt-leipzig.example');
      const next = feedIn(second);
      assert.notEqual(next.token, first.token);
      assert.equal(await personFeed(world.deps, first.directoryId, first.token), undefined);
      assert.ok(await personFeed(world.deps, next.directoryId, next.token));

      const same = await change({ kind: 'setEmail', personId: JAN_ID, email: 'J.Vogt@stadt-leipzig.example' });
      assert.ok(same.ok);
      assert.ok(!('feedMail' in same.value.outcome && same.value.outcome.feedMail), 'the same address: no e-mail');
      await world.drain();
      assert.equal(mails().length, 2);
    });

    it('waits as Graph’s 429 asks and then sends, with only the sent address working', async () => {
      await open();
      assert.ok((await addJan()).ok);
      graph.failNext(429, { retryAfterSeconds: 30 });
      await world.drain();
      assert.equal(mails().length, 0);
      assert.equal(mailRequests().length, 1);
      const [waiting] = await records();
      assert.equal(waiting?.status, 'pending');
      assert.equal(waiting?.nextAttemptAt, '2026-11-21T10:00:30.000Z', 'after Graph’s Retry-After');
      world.clock.advance(29_000);
      await world.drain();
      assert.equal(mailRequests().length, 1, 'not before the Retry-After');
      world.clock.advance(1_000);
      await world.drain();
      assert.equal(mails().length, 1);
      assert.equal(mailRequests().length, 2);
      assert.equal((await records())[0]?.status, 'sent');
      const feeds = await feedsOf(world.store, tenantDirectoryId(TENANT), JAN_ID);
      assert.equal(feeds.length, 1, 'the address made for the refused attempt is gone');
      const { directoryId, token } = feedIn(mails()[0]!);
      assert.ok(await personFeed(world.deps, directoryId, token));
    });

    it('retries a 503 and gives up on a 400, which the report and the secretariat’s notice name', async () => {
      await open();
      assert.ok((await addJan()).ok);
      graph.failNext(503);
      graph.failNext(400);
      await world.drain();
      world.clock.advance(10 * 60_000);
      await world.drain();
      assert.equal(mails().length, 0);
      assert.equal(mailRequests().length, 2);
      const [record] = await records();
      assert.equal(record?.status, 'failed');
      assert.equal(record?.failure?.status, 400);
      const text = await report();
      assert.ok(text.includes('Kalenderadresse per E-Mail an Jan Vogt: nicht gesendet'), text);
      assert.ok(text.includes('Microsoft Graph hat die E-Mail abgelehnt'), text);
      assert.ok(!/\b400\b/.test(text), 'no HTTP status in the text');
      const [notice] = (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' })).filter(
        (dispatch) => dispatch.about?.kind === 'deliveryFailures',
      );
      assert.ok(notice?.drafts[0], 'the secretariat is told');
      const card = createMessageRenderer('de').render(notice.drafts[0].message, 'de').attachments?.[0]?.content;
      const told = cardText(card as Record<string, unknown>);
      assert.ok(told.includes('Kalenderadresse per E-Mail an Jan Vogt: nicht gesendet'), told);
      assert.ok(told.includes('Microsoft Graph hat die E-Mail abgelehnt'), told);

      // Sent again from the report once the address is fixed in Graph's eyes: it goes out.
      const again = await retryFailedDeliveries(world.deps, await world.actor('katrin'), record?.dispatchId);
      assert.ok(again.ok && again.value.retried === 1, JSON.stringify(again));
      await world.drain();
      assert.equal(mails().length, 1);
      assert.ok((await report()).includes('Kalenderadresse per E-Mail an Jan Vogt: gesendet'));
    });

    it('still sends when the roster change stopped before noting the person’s committee', async () => {
      await open();
      assert.ok((await addJan()).ok);
      const index = await personCommitteesOf(world.store, TENANT, JAN_ID);
      assert.ok(index);
      await world.store.delete(index.committeeId, index.id, index._etag);
      await world.drain();
      assert.equal(mails().length, 1);
      assert.deepEqual((await personCommitteesOf(world.store, TENANT, JAN_ID))?.committeeIds, [COMMITTEE]);
      const { directoryId, token } = feedIn(mails()[0]!);
      assert.ok(await personFeed(world.deps, directoryId, token));
    });

    it('queues nothing and says so when no organiser mailbox is configured', async () => {
      await open(null);
      const added = await addJan();
      assert.ok(added.ok);
      assert.equal('feedMail' in added.value.outcome && added.value.outcome.feedMail, 'noOutlook');
      assert.deepEqual(await feedDispatches(), []);
      await world.drain();
      assert.equal(mailRequests().length, 0);
    });

    it('sends no e-mail to a person erased before it went out, and the report says why', async () => {
      await open();
      assert.ok((await addJan()).ok);
      const erased = await erasePerson(world.deps, await world.actor('katrin'), {
        revision: (await loadRoster(world.store, COMMITTEE)).revision,
        personId: JAN_ID,
      });
      assert.ok(erased.ok, JSON.stringify(erased));
      await world.drain();
      assert.equal(mailRequests().length, 0);
      assert.deepEqual(await feedsOf(world.store, tenantDirectoryId(TENANT), JAN_ID), []);
      const [record] = await records();
      assert.equal(record?.status, 'failed');
      assert.equal(record?.failure?.code, 'recipientGone');
      const text = await report();
      assert.ok(text.includes('nicht mehr aktiv in der Mitgliederliste oder wurde gelöscht'), text);
      assert.ok(!text.includes('Jan Vogt'), 'the name is erased from the report too');
    });

    it('sends no e-mail to a person deactivated before it went out', async () => {
      await open();
      assert.ok((await addJan()).ok);
      assert.ok((await change({ kind: 'setActive', personId: JAN_ID, active: false })).ok);
      await world.drain();
      assert.equal(mailRequests().length, 0);
      assert.equal((await records())[0]?.failure?.code, 'recipientGone');
    });
  });
}
