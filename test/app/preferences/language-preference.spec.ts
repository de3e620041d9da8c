import assert from 'node:assert/strict';
import { auditContext } from '../../../src/app/audit/audit-context';
import type { AuditRecord } from '../../../src/app/audit/audit-record';
import { auditedStore } from '../../../src/app/audit/audited-store';
import type { AppDependencies } from '../../../src/app/dependencies';
import type { Document, DocumentStore } from '../../../src/app/ports/document-store';
import {
  chooseLanguage,
  languagePreferenceOf,
  LANGUAGE_PREFERENCE_TYPE,
  type LanguagePreferenceDocument,
} from '../../../src/app/preferences/language-preference';
import { recipientLanguage } from '../../../src/app/preferences/recipient-language';
import { keepSpokenLanguage } from '../../../src/app/preferences/conversation-language';
import type { CommitteeDocument } from '../../../src/app/documents';
import { setUpCommittee } from '../sessions/session-fixtures';
import { conversationDocumentId, rememberConversation } from '../../../src/app/remember-conversation';
import { seedCommittee } from '../../../src/app/seed-committee';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../../src/domain/committee';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import {
  COMMITTEE_DOCUMENT_ID,
  committeeIdForTenant,
  languagePreferenceDocumentId,
  personDocumentId,
} from '../../../src/domain/ids';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { ManualClock } from '../../support/manual-clock';

const TENANT = '12121212-0000-4000-8000-000000000001';
const OTHER_TENANT = '34343434-0000-4000-8000-000000000001';
const PARTITION = committeeIdForTenant(TENANT);
/** Someone on no roster: the tenant has no committee at all. */
const ANNA = { tenantId: TENANT, aadObjectId: 'aaaa0000-0000-4000-8000-00000000000a' };
const BEN = { tenantId: TENANT, aadObjectId: 'bbbb0000-0000-4000-8000-00000000000b' };

/**
 * A store on which someone else writes the same document just before the person's own write: the
 * race that a second window of the same person, choosing at the same moment, would cause.
 */
function racedStore(inner: DocumentStore, raceWith: (store: DocumentStore) => Promise<void>): DocumentStore {
  let raced = false;
  const race = async () => {
    if (raced) return;
    raced = true;
    await raceWith(inner);
  };
  return {
    get: (committeeId, id) => inner.get(committeeId, id),
    getMany: (keys) => inner.getMany(keys),
    query: (committeeId, query) => inner.query(committeeId, query),
    queryAcrossCommittees: (query) => inner.queryAcrossCommittees(query),
    upsert: (document) => inner.upsert(document),
    delete: (committeeId, id, ifMatch) => inner.delete(committeeId, id, ifMatch),
    batch: (committeeId, operations) => inner.batch(committeeId, operations),
    ping: () => inner.ping(),
    close: () => inner.close(),
    create: async (document) => {
      await race();
      return inner.create(document);
    },
    replace: async (document, ifMatch) => {
      await race();
      return inner.replace(document, ifMatch);
    },
  };
}

for (const engine of ENGINES) {
  describe(`app/preferences/language-preference on the ${engine.name}`, function () {
    this.timeout(30_000);
    let opened: OpenedEngine;
    let clock: ManualClock;
    let deps: AppDependencies;
    beforeEach(async () => {
      opened = await engine.open();
      clock = new ManualClock('2026-11-21T10:00:00Z');
      deps = { store: opened.store, clock };
    });
    afterEach(async () => opened.close());

    it('stores the choice of someone on no roster, under the tenant and their object id', async () => {
      assert.equal(await languagePreferenceOf(deps.store, ANNA), undefined);
      assert.equal(await chooseLanguage(deps, ANNA, 'en'), 'en');
      assert.equal(await languagePreferenceOf(deps.store, ANNA), 'en');
      const withoutSystemFields = (document: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(document).filter(([field]) => !field.startsWith('_')));
      assert.deepEqual((await opened.rawPartition(PARTITION)).map(withoutSystemFields), [
        {
          id: languagePreferenceDocumentId(ANNA.aadObjectId),
          committeeId: PARTITION,
          type: LANGUAGE_PREFERENCE_TYPE,
          personId: ANNA.aadObjectId,
          language: 'en',
          updatedAt: '2026-11-21T10:00:00.000Z',
        },
      ]);
      assert.equal(await languagePreferenceOf(deps.store, BEN), undefined, 'one person’s choice is theirs alone');
      assert.equal(
        await languagePreferenceOf(deps.store, { ...ANNA, tenantId: OTHER_TENANT }),
        undefined,
        'the same object id in another tenant chose nothing',
      );
    });

    it('changes the choice, and writes nothing when it is the one stored', async () => {
      await chooseLanguage(deps, ANNA, 'en');
      clock.advance(60_000);
      await chooseLanguage(deps, ANNA, 'de');
      const stored = await deps.store.get<LanguagePreferenceDocument>(
        PARTITION,
        languagePreferenceDocumentId(ANNA.aadObjectId),
      );
      assert.deepEqual([stored?.language, stored?.updatedAt], ['de', '2026-11-21T10:01:00.000Z']);
      clock.advance(60_000);
      await chooseLanguage(deps, ANNA, 'de');
      const again = await deps.store.get<LanguagePreferenceDocument>(
        PARTITION,
        languagePreferenceDocumentId(ANNA.aadObjectId),
      );
      assert.equal(again?._etag, stored?._etag, 'nothing written');
    });

    it('outlives roster changes: the roster entry comes and goes, the choice stays', async () => {
      await chooseLanguage(deps, ANNA, 'en');
      const home = { kind: 'team', id: '19:kog-team@thread.tacv2', title: 'KOG' } as const;
      const seeded = await seedCommittee(deps, {
        tenantId: TENANT,
        home,
        settings: DEFAULT_COMMITTEE_SETTINGS,
        people: [
          {
            aadObjectId: ANNA.aadObjectId,
            displayName: 'Anna Albrecht',
            roles: ['secretariat'],
            institution: 'Stadt Leipzig',
            active: true,
          },
        ],
        seats: [],
      });
      assert.equal(seeded, 'created');
      assert.equal(await languagePreferenceOf(deps.store, ANNA), 'en', 'joining the roster keeps it');
      await deps.store.delete(committeeIdForHome(TENANT, home), personDocumentId(ANNA.aadObjectId));
      assert.equal(await languagePreferenceOf(deps.store, ANNA), 'en', 'leaving the roster keeps it');
    });

    it('stores the later of two choices made at the same moment, and never loses one unseen', async () => {
      // Another window creates the document first: the create conflicts, the choice reads again and replaces.
      const createdMeanwhile = racedStore(deps.store, async (store) => {
        await store.create<LanguagePreferenceDocument>({
          id: languagePreferenceDocumentId(ANNA.aadObjectId),
          committeeId: PARTITION,
          type: LANGUAGE_PREFERENCE_TYPE,
          personId: ANNA.aadObjectId,
          language: 'de',
          updatedAt: '2026-11-21T09:59:59.000Z',
        });
      });
      assert.equal(await chooseLanguage({ ...deps, store: createdMeanwhile }, ANNA, 'en'), 'en');
      assert.equal(await languagePreferenceOf(deps.store, ANNA), 'en');

      // Another window changes it between the read and the replace: the replace fails on its ETag and is retried.
      const changedMeanwhile = racedStore(deps.store, async (store) => {
        const current = await store.get<LanguagePreferenceDocument>(
          PARTITION,
          languagePreferenceDocumentId(ANNA.aadObjectId),
        );
        const { _etag: etag, ...document } = current!;
        await store.replace<LanguagePreferenceDocument>({ ...document, updatedAt: '2026-11-21T10:00:01.000Z' }, etag);
      });
      assert.equal(await chooseLanguage({ ...deps, store: changedMeanwhile }, ANNA, 'de'), 'de');
      assert.equal(await languagePreferenceOf(deps.store, ANNA), 'de');
      const all = await deps.store.query<Document>(PARTITION, { type: LANGUAGE_PREFERENCE_TYPE });
      assert.equal(all.length, 1, 'one document per person');
    });

    it('is recorded in the audit trail under the person, about the person', async () => {
      const audited = { ...deps, store: auditedStore(deps.store, clock) };
      await auditContext.run({ actorId: ANNA.aadObjectId, source: 'bot' }, () => chooseLanguage(audited, ANNA, 'en'));
      const [record] = await deps.store.query<AuditRecord>(PARTITION, { type: 'audit' });
      assert.deepEqual(
        [record?.actorId, record?.documentType, record?.operation, record?.subject1],
        [ANNA.aadObjectId, LANGUAGE_PREFERENCE_TYPE, 'created', ANNA.aadObjectId],
      );
      assert.deepEqual(
        record?.changes.find((change) => change.field === 'language'),
        { field: 'language', after: 'en' },
      );
    });

    describe('recipientLanguage', () => {
      const personal = (aadObjectId: string, locale: string) =>
        rememberConversation(deps, {
          address: {
            serviceUrl: 'https://smba.example/',
            channelId: 'msteams',
            conversationId: `a:${aadObjectId}`,
            conversationType: 'personal',
            tenantId: TENANT,
            botId: '28:bot',
            userAadObjectId: aadObjectId,
          },
          locale,
        });

      it("is a person's choice, else the language kept in their 1:1 chat, else their Teams', else their committee's", async () => {
        const anna = { kind: 'person', id: ANNA.aadObjectId } as const;
        const committee = await setUpCommittee(deps, TENANT);
        assert.equal(await recipientLanguage(deps.store, PARTITION, anna), undefined, 'nothing known, no committee');
        assert.deepEqual(await recipientLanguage(deps.store, committee, anna), { language: 'de', source: 'fallback' });
        await personal(ANNA.aadObjectId, 'en-US');
        assert.deepEqual(await recipientLanguage(deps.store, committee, anna), { language: 'en', source: 'client' });
        await keepSpokenLanguage(deps, TENANT, ANNA.aadObjectId, 'de');
        assert.deepEqual(
          await recipientLanguage(deps.store, committee, anna),
          { language: 'de', source: 'kept' },
          'the chat keeps what Gremium spoke there before it knew her language',
        );
        await keepSpokenLanguage(deps, TENANT, ANNA.aadObjectId, 'en');
        assert.equal((await recipientLanguage(deps.store, committee, anna))?.language, 'de', 'kept once, not replaced');
        await chooseLanguage(deps, ANNA, 'en');
        assert.deepEqual(
          await recipientLanguage(deps.store, committee, anna),
          { language: 'en', source: 'choice' },
          'the choice wins over everything',
        );
      });

      it("is the person's choice for their 1:1 chat as a conversation, and a channel's committee's language", async () => {
        const committee = await setUpCommittee(deps, TENANT);
        const chat = await personal(BEN.aadObjectId, 'de-DE');
        await chooseLanguage(deps, BEN, 'en');
        assert.equal(
          (await recipientLanguage(deps.store, committee, { kind: 'conversation', id: chat.id }))?.language,
          'en',
        );
        const channel = await rememberConversation(deps, {
          address: {
            serviceUrl: 'https://smba.example/',
            channelId: 'msteams',
            conversationId: '19:general@thread.tacv2',
            conversationType: 'channel',
            tenantId: TENANT,
            botId: '28:bot',
          },
          locale: 'en',
        });
        assert.equal(channel.id, conversationDocumentId('channel', '19:general@thread.tacv2'));
        assert.equal(channel.locale, undefined, 'a channel keeps no writer’s language');
        const toChannel = { kind: 'conversation', id: channel.id } as const;
        assert.deepEqual(await recipientLanguage(deps.store, committee, toChannel), {
          language: 'de',
          source: 'committee',
        });
        const stored = (await deps.store.get<CommitteeDocument>(committee, COMMITTEE_DOCUMENT_ID))!;
        const { _etag: etag, ...rest } = stored;
        await deps.store.replace<CommitteeDocument>({ ...rest, language: 'en' }, etag);
        assert.equal((await recipientLanguage(deps.store, committee, toChannel))?.language, 'en');
        assert.equal(
          await recipientLanguage(deps.store, PARTITION, { kind: 'conversation', id: 'conversation-unknown' }),
          undefined,
        );
      });
    });
  });
}
