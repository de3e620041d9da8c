import type { Document, DocumentStore } from '../../../src/app/ports/document-store';
import { languagePreferenceDocumentId, personDocumentId, tenantDirectoryId } from '../../../src/domain/ids';
import { COMMITTEE, PEOPLE, SESSION_1, TENANT } from '../sessions/session-world';

export const SABINE = 'Sabine Hoffmann';
export const BIRGIT = 'Birgit Lehmann';

/**
 * One document of every kind that can name a person, for Sabine and for Birgit, as the cycle
 * would have written them: session 2027/1 held, its minutes approved on 1 March 2027. Sabine
 * chose English, Birgit German.
 */
export async function seedPersonalRecords(store: DocumentStore): Promise<void> {
  const documents: Array<Document & Record<string, unknown>> = [];
  const add = (document: Record<string, unknown>) =>
    documents.push({ committeeId: COMMITTEE, ...document } as Document & Record<string, unknown>);
  const person = (who: 'sabine' | 'birgit') => PEOPLE[who];
  for (const [who, name, institution] of [
    ['sabine', SABINE, 'Jobcenter Leipzig'],
    ['birgit', BIRGIT, 'Agentur für Arbeit Leipzig'],
  ] as const) {
    const id = person(who);
    add({
      id: `rsvp-${SESSION_1}-${id}`,
      type: 'rsvp',
      sessionId: SESSION_1,
      seatId: `seat-${who}`,
      personId: id,
      choice: 'delegate',
      delegateName: `Vertretung von ${name}`,
      answeredAt: '2027-02-01T10:00:00.000Z',
    });
    add({
      id: `topic-${who}`,
      type: 'topicSubmission',
      sessionId: SESSION_1,
      personId: id,
      personName: name,
      content: { kind: 'topic', title: `Thema ${who}`, description: 'x' },
      titleKey: who,
      status: 'accepted',
      revision: 1,
      createdAt: '2027-01-01T00:00:00.000Z',
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
    add({
      id: `minutes-response-${who}`,
      type: 'minutesResponse',
      sessionId: SESSION_1,
      version: 1,
      itemId: 'item-1',
      personId: id,
      answer: 'object',
      comment: `Einwand ${who}`,
      answeredAt: '2027-02-20T10:00:00.000Z',
    });
    add({
      id: `agreement-${who}`,
      type: 'agreement',
      sessionId: SESSION_1,
      sessionNumber: '2027/1',
      draftId: who,
      itemTitle: 'TOP 1',
      responsibleName: name,
      text: 'Bericht',
      institution,
      responsibleId: id,
      dueDate: '2027-05-01',
      status: 'open',
      revision: 1,
      history: [{ at: '2027-03-01T00:00:00.000Z', by: PEOPLE.katrin, kind: 'created' }],
      createdAt: '2027-03-01T00:00:00.000Z',
      updatedAt: '2027-03-01T00:00:00.000Z',
    });
    add({
      id: `outbox-${who}`,
      type: 'outbox',
      key: `invite:${who}`,
      dispatchId: 'invite:2027-1',
      recipient: {
        kind: 'person',
        aadObjectId: id,
        teamMember: {
          serviceUrl: 'https://smba.example/',
          tenantId: 't',
          botId: 'b',
          userId: `29:${who}`,
          userAadObjectId: id,
        },
      },
      recipientLabel: name,
      message: { kind: 'invitation', data: { sessionId: SESSION_1 } },
      status: 'sent',
      attempts: 1,
      nextAttemptAt: '2027-01-20T00:00:00.000Z',
      leaseUntil: '1970-01-01T00:00:00.000Z',
      createdAt: '2027-01-20T00:00:00.000Z',
    });
    // A person's 1:1 chat is the tenant's, in its directory.
    add({
      committeeId: DIRECTORY,
      id: `personal-${id}`,
      type: 'conversation',
      kind: 'personal',
      aadObjectId: id,
      address: {
        serviceUrl: 'https://smba.example/',
        channelId: 'msteams',
        conversationId: `a:${who}`,
        conversationType: 'personal',
        tenantId: TENANT,
        botId: 'b',
        userId: `29:${who}`,
        userAadObjectId: id,
        userName: name,
      },
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
    // A person's language choice is the tenant's too, for all their committees.
    add({
      committeeId: DIRECTORY,
      id: languagePreferenceDocumentId(id),
      type: 'languagePreference',
      personId: id,
      language: who === 'sabine' ? 'en' : 'de',
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
  }
  const participants = [
    { institution: 'Jobcenter Leipzig', name: SABINE, presence: 'inPerson' },
    { institution: 'Agentur für Arbeit Leipzig', name: BIRGIT, presence: 'online' },
  ];
  add({
    id: `attendance-${SESSION_1}`,
    type: 'attendance',
    sessionId: SESSION_1,
    entries: participants.map((participant, index) => ({ seatId: `seat-${index}`, ...participant })),
    revision: 1,
    recordedAt: '2027-02-11T15:00:00.000Z',
    recordedBy: PEOPLE.katrin,
  });
  add({
    id: `minutes-${SESSION_1}`,
    type: 'minutes',
    sessionId: SESSION_1,
    status: 'approved',
    version: 1,
    items: [{ id: 'item-1', summary: 'Bericht' }],
    participants,
    approval: { version: 1, at: '2027-03-01T00:00:00.000Z', by: PEOPLE.katrin, automatic: false },
    createdAt: '2027-02-11T00:00:00.000Z',
    updatedAt: '2027-03-01T00:00:00.000Z',
    updatedBy: PEOPLE.katrin,
  });
  add({
    id: `minutes-${SESSION_1}-v1`,
    type: 'minutesVersion',
    sessionId: SESSION_1,
    version: 1,
    kind: 'draft',
    items: [],
    participants,
    changedItemIds: [],
    savedAt: '2027-02-12T00:00:00.000Z',
    savedBy: PEOPLE.katrin,
  });
  add({
    id: 'dispatch-invite',
    type: 'dispatch',
    dispatchId: 'invite:2027-1',
    drafts: [
      {
        key: 'invite:sabine',
        recipient: { kind: 'person', aadObjectId: PEOPLE.sabine },
        recipientLabel: SABINE,
        message: { kind: 'invitation', data: {} },
      },
    ],
    status: 'expanded',
    createdAt: '2027-01-20T00:00:00.000Z',
  });
  // A dispatch that every record has settled is closed ('finished'); retention takes it all the same.
  add({
    id: 'dispatch-cancel',
    type: 'dispatch',
    dispatchId: 'cancel:2027-1',
    drafts: [],
    status: 'finished',
    createdAt: '2027-01-21T00:00:00.000Z',
    about: { kind: 'cancellation', audience: 'invitees', sessionNumber: '2027/1' },
  });
  for (const document of documents) await store.upsert(document);
  const session = await store.get<Document & Record<string, unknown>>(COMMITTEE, SESSION_1);
  await store.upsert({ ...session!, state: 'minutesApproved' } as Document);
}

/** The tenant's directory: its conversation references, routes and people's indexes. */
export const DIRECTORY = tenantDirectoryId(TENANT);

/** Every document of the committee's partition and its tenant's directory as one JSON text, to look for a name. */
export async function partitionJson(store: DocumentStore, types: readonly string[]): Promise<string> {
  const all = await Promise.all(
    [COMMITTEE, DIRECTORY].flatMap((partition) => types.map((type) => store.query(partition, { type }))),
  );
  return JSON.stringify(all.flat());
}

export { personDocumentId };

/** Someone outside the roster whose name a working group's member list holds, and whose name contains "Maier". */
export const GUEST = 'Max Maierhofer';

/**
 * Sabine's name in every kind of free text the committee writes, in the forms people write it:
 * the agenda (title and presenter, draft and published, also on the session), the session's
 * chair, a working group's member list and mandate, her submission's text, the minutes' texts in
 * the current and an older version, an action item's history note and due-date proposal,
 * another person's objection, and a message's data.
 */
export async function seedFreeTextMentions(store: DocumentStore): Promise<void> {
  const item = {
    id: 'item-1',
    title: 'Sprachkurse (Bericht Frau Hoffmann)',
    kind: 'information',
    presenter: SABINE,
    minutes: 15,
    origin: { type: 'topic' },
    submissionIds: [`topic-sabine`],
  };
  const published = { version: 1, publishedAt: '2027-01-28T09:00:00.000Z', items: [item], removed: [] };
  const upsert = async (id: string, change: (document: Record<string, unknown>) => Record<string, unknown>) => {
    const stored =
      (await store.get<Document & Record<string, unknown>>(COMMITTEE, id)) ??
      ({ id, committeeId: COMMITTEE } as Document & Record<string, unknown>);
    const { _etag: _ignored, ...document } = stored as Record<string, unknown>;
    await store.upsert(change(document) as unknown as Document);
  };
  await upsert(`agenda-${SESSION_1}`, (document) => ({
    ...document,
    type: 'agenda',
    sessionId: SESSION_1,
    items: [item],
    revision: 2,
    published,
    recipients: [PEOPLE.sabine],
    updatedAt: '2027-01-28T09:00:00.000Z',
    updatedBy: PEOPLE.katrin,
  }));
  await upsert(SESSION_1, (document) => ({ ...document, chair: SABINE, agenda: published }));
  await upsert('working-group-sprache', (document) => ({
    ...document,
    type: 'workingGroup',
    name: 'UAG Sprachkurse',
    mandate: 'Frau Hoffmann koordiniert die Sprachkurse.',
    members: `${SABINE} (Jobcenter Leipzig)\n${GUEST} (VHS)\n${BIRGIT}`,
    startsOn: '2027-01-10',
    plannedEndOn: '2027-06-30',
    state: 'ended',
    endedAt: '2027-06-30T10:00:00.000Z',
    revision: 2,
    createdAt: '2027-01-10T10:00:00.000Z',
    updatedAt: '2027-06-30T10:00:00.000Z',
    updatedBy: PEOPLE.katrin,
  }));
  await upsert('topic-sabine', (document) => ({
    ...document,
    content: {
      kind: 'topic',
      title: 'Sprachkurse',
      description: 'Wie Sabine Hoffmann im Mai berichtete, fehlen Plätze.',
    },
  }));
  const minutesItem = (summary: string) => ({
    itemId: 'item-1',
    title: 'Sprachkurse',
    summary,
    result: 'Hoffmann, Sabine legt bis Mai Zahlen vor.',
    agreements: [
      {
        id: 'sabine',
        text: 'S. Hoffmann lädt zur UAG ein.',
        institution: 'Jobcenter Leipzig',
        responsibleId: PEOPLE.sabine,
        dueDate: '2027-05-01',
      },
    ],
  });
  await upsert(`minutes-${SESSION_1}`, (document) => ({
    ...document,
    chair: SABINE,
    items: [minutesItem('Frau Hoffmann berichtet über die Sprachkurse.')],
  }));
  await upsert(`minutes-${SESSION_1}-v1`, (document) => ({
    ...document,
    chair: SABINE,
    items: [minutesItem('Entwurf: Sabine Hoffmanns Bericht über die Sprachkurse.')],
  }));
  await upsert('agreement-sabine', (document) => ({
    ...document,
    history: [
      ...(document.history as unknown[]),
      {
        at: '2027-03-10T00:00:00.000Z',
        by: PEOPLE.katrin,
        kind: 'status',
        status: 'inProgress',
        note: 'Rücksprache mit Frau Hoffmann gehalten.',
      },
    ],
    proposedDueDate: {
      dueDate: '2027-06-01',
      by: PEOPLE.sabine,
      at: '2027-03-11T00:00:00.000Z',
      note: 'Sabine Hoffmann ist im Mai im Urlaub.',
    },
  }));
  await upsert('minutes-response-birgit', (document) => ({
    ...document,
    comment: 'Einwand birgit: Frau Hoffmann war online, nicht vor Ort.',
  }));
  await upsert('outbox-birgit', (document) => ({
    ...document,
    message: {
      kind: 'minutesReview',
      data: { sessionId: SESSION_1, summary: 'Sabine Hoffmann berichtet über die Sprachkurse.' },
    },
  }));
}

/** The whole partition, read past the store port, as one JSON text to grep. */
export async function rawPartitionJson(
  opened: { rawPartition(committeeId: string): Promise<unknown[]> },
  committeeId = COMMITTEE,
): Promise<string> {
  return JSON.stringify(await opened.rawPartition(committeeId));
}

/** Where a text occurs in a JSON text, for an assertion's message. */
export function around(json: string, text: string): string {
  const at = json.toLowerCase().indexOf(text.toLowerCase());
  return at < 0 ? '' : json.slice(Math.max(0, at - 300), at + text.length + 100);
}
