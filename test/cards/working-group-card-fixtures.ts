import type { SessionDocument } from '../../src/app/sessions/session-document';
import type { WorkingGroupsView } from '../../src/app/working-groups/list-working-groups';
import type { WorkingGroupFormView } from '../../src/app/working-groups/open-working-group-form';
import type { WorkingGroupDocument } from '../../src/app/working-groups/working-group-document';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { renderWorkingGroupFormCard } from '../../src/cards/working-group-form-card';
import { renderWorkingGroupsCard } from '../../src/cards/working-groups-card';
import { WORKING_GROUP_LIMITS } from '../../src/domain/working-groups/working-group';
import type { Translator } from '../../src/i18n/translator';
import { sampleSession } from './session-card-fixtures';

type Stored<T> = T & { readonly _etag: string };

/** A group as stored, for rendering tests. */
export function sampleWorkingGroup(overrides: Partial<WorkingGroupDocument> = {}): Stored<WorkingGroupDocument> {
  return {
    id: 'workinggroup-3f1c9a2e-7b4d-4e8f-9a61-0c2d5e7f8a90',
    committeeId: 'tenant-t1',
    type: 'workingGroup',
    name: 'AG 3 Fachkräfteeinwanderungsgesetz',
    mandate: 'Erarbeitet Empfehlungen, wie Fachkräfte aus dem Ausland schneller in Ausbildung und Arbeit kommen.',
    members: 'Agentur für Arbeit Leipzig, Jobcenter Leipzig, IHK zu Leipzig',
    startsOn: '2019-04-01',
    plannedEndOn: '2027-06-30',
    reportSessionId: 'session-2027-2',
    state: 'active',
    revision: 4,
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
    updatedBy: 'aaaaaaaa-0000-0000-0000-000000000001',
    _etag: 'etag',
    ...overrides,
  };
}

/** Sessions of three years, with extra sessions: more than a committee ever has ahead of it. */
export function sampleSessions(): SessionDocument[] {
  return Array.from({ length: 15 }, (_, index) => {
    const year = 2027 + Math.floor(index / 5);
    const sequence = (index % 5) + 1;
    return sampleSession({
      id: `session-${year}-${sequence}`,
      number: `${year}/${sequence}`,
      year,
      sequence,
      extra: sequence > 3,
      state: index === 2 ? 'cancelled' : 'planned',
    });
  });
}

/**
 * The largest list a card must carry: thirty groups, the first twelve active, with the longest
 * texts allowed, full of characters that escaping doubles.
 */
export function sampleLargeWorkingGroupsView(): WorkingGroupsView {
  const longest = (length: number, index: number) => `${index} *[AG]* `.padEnd(length, '_#*');
  const groups = Array.from({ length: 30 }, (_, index) =>
    sampleWorkingGroup({
      id: `workinggroup-00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      name: longest(WORKING_GROUP_LIMITS.name, index),
      mandate: longest(WORKING_GROUP_LIMITS.mandate, index),
      members: longest(WORKING_GROUP_LIMITS.members, index),
      reportSessionId: index % 3 === 0 ? 'session-2027-3' : 'session-2027-2',
      ...(index >= 12 ? { state: 'ended' as const, endedAt: '2026-10-01T08:00:00.000Z' } : {}),
    }),
  );
  return {
    timeZone: 'Europe/Berlin',
    groups,
    sessions: new Map(sampleSessions().map((session) => [session.id, session])),
  };
}

/** A new group's form, offering many sessions. */
export function sampleNewForm(): WorkingGroupFormView & { readonly formId: string } {
  return {
    timeZone: 'Europe/Berlin',
    formId: '3f1c9a2e-7b4d-4e8f-9a61-0c2d5e7f8a90',
    reportSessions: sampleSessions(),
  };
}

/** Every variant of the working-group cards, as the template test renders them. */
export function workingGroupCardSamples(
  i18n: Translator,
): Array<{ template: string; name: string; card: AdaptiveCardJson }> {
  const large = sampleLargeWorkingGroupsView();
  const huge = 'x'.repeat(100_000);
  const { locale } = i18n;
  return [
    {
      template: 'working-groups',
      name: `working groups, none yet (${locale})`,
      card: renderWorkingGroupsCard({ timeZone: 'Europe/Berlin', groups: [], sessions: new Map() }, i18n),
    },
    {
      template: 'working-groups',
      name: `working groups, thirty with the longest texts, one to confirm (${locale})`,
      card: renderWorkingGroupsCard(large, i18n, {
        banner: { style: 'warning', title: 'T'.repeat(200), text: 'B'.repeat(300) },
        confirmEnd: large.groups[3]!.id,
      }),
    },
    {
      template: 'working-groups',
      name: `working groups, the last page of ended ones (${locale})`,
      card: renderWorkingGroupsCard(large, i18n, { page: 5 }),
    },
    {
      template: 'working-group-form',
      name: `working group form, new (${locale})`,
      card: renderWorkingGroupFormCard(sampleNewForm(), i18n),
    },
    {
      template: 'working-group-form',
      name: `working group form with problems and oversized answers (${locale})`,
      card: renderWorkingGroupFormCard(
        { timeZone: 'Europe/Berlin', group: large.groups[0]!, reportSessions: sampleSessions() },
        i18n,
        {
          input: {
            name: huge,
            mandate: huge,
            members: huge,
            startsOn: huge,
            plannedEndOn: '2027-01-01',
            reportSessionId: 'session-2099-9',
          },
          problems: [
            { field: 'name', code: 'tooLong', max: 120 },
            { field: 'mandate', code: 'tooLong', max: 2000 },
            { field: 'members', code: 'controlCharacters' },
            { field: 'startsOn', code: 'invalid' },
            { field: 'plannedEndOn', code: 'endBeforeStart' },
            { field: 'reportSessionId', code: 'unavailable' },
          ],
        },
      ),
    },
  ];
}
