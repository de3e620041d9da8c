import assert from 'node:assert/strict';
import type { OparlTexts } from '../../../src/domain/oparl/oparl-texts';
import { meetingStateOf } from '../../../src/domain/oparl/oparl-vocabulary';
import {
  embeddedForm,
  publicRecord,
  type PublicationInput,
  type PublicDraft,
  type PublicSessionFacts,
} from '../../../src/domain/oparl/public-record';
import { SESSION_STATES } from '../../../src/domain/sessions/session-state';

const BASE = 'https://gremium.example.org/oparl/v1';
const C = 'tenant-1';

/** Words that show where each came from. */
const TEXTS: OparlTexts = {
  meetingName: (shortName, number, extra) => `${shortName} ${extra ? 'Sondersitzung' : 'Sitzung'} ${number}`,
  standardItemTitle: (standard) => `Standard ${standard}`,
  membershipRole: (role) => `Rolle ${role}`,
  workingGroupClassification: () => 'Arbeitsgruppe',
  invitationName: (number) => `Einladung ${number}`,
  resultsName: (number) => `Ergebnisse ${number}`,
  agreementLine: (agreement) => `${agreement.text} | ${agreement.institution} | ${agreement.dueDate}`,
  invitationText: (invitation) => `${invitation.sessionNumber}: ${invitation.items.join('; ')}`,
  bodyName: () => 'Körperschaft',
};

const published = {
  version: 2,
  publishedAt: '2027-01-28T09:00:00.000Z',
  items: [
    { id: 'opening', title: '', origin: { type: 'standard', standard: 'opening' } as const },
    { id: 'item-a', title: 'Bericht von Sabine Hoffmann', origin: { type: 'topic' } as const },
  ],
};

function session(id: string, overrides: Partial<PublicSessionFacts> = {}): PublicSessionFacts {
  return {
    id,
    number: id.replace('session-', '').replace('-', '/'),
    extra: false,
    startsAt: '2027-02-11T13:00:00.000Z',
    endsAt: '2027-02-11T16:00:00.000Z',
    state: 'planned',
    ...overrides,
  };
}

function input(overrides: Partial<PublicationInput> = {}): PublicationInput {
  return {
    base: BASE,
    bodyKey: 'b',
    committee: { committeeId: C, name: 'Koordinierungsgremium', shortName: 'KOG', timeZone: 'Europe/Berlin' },
    sessions: [],
    approvedMinutes: new Map(),
    workingGroups: [],
    seats: [],
    names: ['Sabine Hoffmann'],
    ...overrides,
  };
}

const byPath = (drafts: readonly PublicDraft[]) => new Map(drafts.map((draft) => [draft.path, draft]));

describe('domain/oparl/public-record', () => {
  it('states the session states in the words the specification recommends, a cancelled one as cancelled', () => {
    assert.deepEqual(
      SESSION_STATES.map((state) => [state, meetingStateOf(state, false), meetingStateOf(state, true)]),
      [
        ['planned', 'terminiert', 'terminiert'],
        ['topicsOpen', 'terminiert', 'terminiert'],
        ['invited', 'eingeladen', 'eingeladen'],
        ['held', 'eingeladen', 'eingeladen'],
        ['minutesCirculated', 'eingeladen', 'eingeladen'],
        ['minutesApproved', 'durchgeführt', 'durchgeführt'],
        ['closed', 'durchgeführt', 'durchgeführt'],
        ['cancelled', 'terminiert', 'eingeladen'],
      ],
    );
    const drafts = byPath(
      publicRecord(input({ sessions: [session('session-2027-1', { state: 'cancelled' })] }), TEXTS),
    );
    const meeting = drafts.get(`meeting/${C}/session-2027-1`)!;
    assert.deepEqual(
      [meeting.fields.cancelled, meeting.fields.meetingState, meeting.fields.start, meeting.fields.name],
      [true, 'terminiert', '2027-02-11T14:00:00+01:00', 'KOG Sitzung 2027/1'],
    );
  });

  it('shows no agenda before it is published; then its titles, never presenters, and the invitation as a file', () => {
    const before = publicRecord(input({ sessions: [session('session-2027-1')] }), TEXTS);
    assert.deepEqual(
      before.filter((draft) => draft.kind !== 'organization').map((draft) => draft.path),
      [`meeting/${C}/session-2027-1`],
    );
    const after = byPath(
      publicRecord(input({ sessions: [session('session-2027-1', { state: 'invited', agenda: published })] }), TEXTS),
    );
    const meeting = after.get(`meeting/${C}/session-2027-1`)!;
    assert.deepEqual(meeting.embeds, {
      invitation: `file/${C}/session-2027-1/invitation`,
      agendaItem: [`agendaitem/${C}/session-2027-1/opening`, `agendaitem/${C}/session-2027-1/item-a`],
    });
    assert.deepEqual(after.get(`agendaitem/${C}/session-2027-1/item-a`)!.fields, {
      meeting: `${BASE}/meeting/${C}/session-2027-1`,
      number: '2',
      order: 1,
      name: 'Bericht von [Name entfernt]',
      public: false,
    });
    const invitation = after.get(`file/${C}/session-2027-1/invitation`)!;
    assert.deepEqual(invitation.content, {
      kind: 'text',
      mimeType: 'text/plain',
      text: '2027/1: Standard opening; Bericht von [Name entfernt]',
    });
    assert.deepEqual(
      [invitation.fields.fileName, invitation.fields.date, invitation.fields.accessUrl],
      ['Einladung-KOG-2027-1.txt', '2027-01-28', `${BASE}/file/${C}/session-2027-1/invitation/access`],
    );
  });

  it('takes results and agreements from the approved minutes only, without the responsible person, names removed', () => {
    const minutes = {
      sessionId: 'session-2027-1',
      version: 3,
      approvedAt: '2027-02-20T09:00:00.000Z',
      items: [
        { itemId: 'opening', title: '', standard: 'opening' as const, result: '', agreements: [] },
        {
          itemId: 'item-a',
          title: 'Bericht',
          result: 'Frau Hoffmann berichtet.',
          agreements: [{ text: 'Zahlen vorlegen', institution: 'IHK zu Leipzig', dueDate: '2027-04-30' }],
        },
      ],
    };
    const drafts = byPath(
      publicRecord(
        input({
          sessions: [session('session-2027-1', { state: 'minutesApproved', agenda: published })],
          approvedMinutes: new Map([['session-2027-1', minutes]]),
        }),
        TEXTS,
      ),
    );
    assert.deepEqual(drafts.get(`agendaitem/${C}/session-2027-1/item-a`)!.fields, {
      meeting: `${BASE}/meeting/${C}/session-2027-1`,
      number: '2',
      order: 1,
      name: 'Bericht',
      public: false,
      result: '[Name entfernt] berichtet.',
      resolutionText: 'Zahlen vorlegen | IHK zu Leipzig | 2027-04-30',
    });
    assert.deepEqual(drafts.get(`agendaitem/${C}/session-2027-1/opening`)!.fields.result, undefined);
    const results = drafts.get(`file/${C}/session-2027-1/results`)!;
    assert.deepEqual(results.content, { kind: 'results', sessionId: 'session-2027-1' });
    assert.deepEqual(
      [results.fields.mimeType, results.fields.date, results.fields.fileName],
      ['application/pdf', '2027-02-20', 'Protokoll-Auszug-KOG-2027-1.pdf'],
    );
    assert.equal(drafts.get(`meeting/${C}/session-2027-1`)!.fields.meetingState, 'durchgeführt');
  });

  it('publishes institutions, not people: a membership per seat and role on behalf of the institution', () => {
    const drafts = byPath(
      publicRecord(
        input({
          seats: [
            { id: 'seat-ihk', institution: 'IHK zu Leipzig', deputyId: 'x' },
            { id: 'seat-agentur', institution: 'Agentur für Arbeit Leipzig' },
          ],
        }),
        TEXTS,
      ),
    );
    assert.deepEqual(drafts.get(`membership/${C}/seat-ihk/deputy`)!.fields, {
      organization: `${BASE}/organization/${C}`,
      onBehalfOf: `${BASE}/organization/${C}/institution/seat-ihk`,
      role: 'Rolle deputy',
    });
    assert.equal(drafts.has(`membership/${C}/seat-agentur/deputy`), false);
    assert.deepEqual(drafts.get(`organization/${C}/institution/seat-agentur`)!.fields, {
      body: `${BASE}/body/b`,
      name: 'Agentur für Arbeit Leipzig',
      organizationType: 'Institution',
    });
    assert.deepEqual(drafts.get(`organization/${C}`)!.fields.membership, [
      `${BASE}/membership/${C}/seat-agentur/member`,
      `${BASE}/membership/${C}/seat-ihk/member`,
      `${BASE}/membership/${C}/seat-ihk/deputy`,
    ]);
  });

  it('dates a working group from its start to its planned end, or to the day it ended', () => {
    const group = {
      id: 'g',
      name: 'AG 3',
      startsOn: '2027-01-15',
      plannedEndOn: '2027-06-30',
      state: 'active' as const,
    };
    const active = byPath(publicRecord(input({ workingGroups: [group] }), TEXTS)).get(`organization/${C}/group/g`)!;
    assert.deepEqual(active.fields, {
      body: `${BASE}/body/b`,
      name: 'AG 3',
      organizationType: 'Gremium',
      classification: 'Arbeitsgruppe',
      subOrganizationOf: `${BASE}/organization/${C}`,
      startDate: '2027-01-15',
      endDate: '2027-06-30',
    });
    const ended = { ...group, state: 'ended' as const, endedAt: '2027-03-31T22:30:00.000Z' };
    const fields = byPath(publicRecord(input({ workingGroups: [ended] }), TEXTS)).get(
      `organization/${C}/group/g`,
    )!.fields;
    assert.equal(fields.endDate, '2027-04-01', "the day it ended in the committee's time zone");
  });

  it('puts every embedded object before what embeds it, so its times are known when it is embedded', () => {
    const drafts = publicRecord(
      input({ sessions: [session('session-2027-1', { state: 'invited', agenda: published, place: 'Rathaus' })] }),
      TEXTS,
    );
    const seen = new Set<string>();
    for (const draft of drafts) {
      for (const paths of Object.values(draft.embeds ?? {}))
        for (const path of typeof paths === 'string' ? [paths] : paths)
          assert.ok(seen.has(path), `${draft.path} ${path}`);
      seen.add(draft.path);
    }
    assert.deepEqual(embeddedForm({ id: 'x', meeting: 'm', meetings: ['m'], name: 'n' }), { id: 'x', name: 'n' });
  });
});
