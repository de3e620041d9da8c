import type { LanguageChoicesSeed } from '../../src/app/preferences/seed-language-choices';
import type { CommitteeSeed } from '../../src/app/seed-committee';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../src/domain/committee';

/**
 * The demo committee, modelled on Leipzig's Koordinierungsgremium (KOG). Its people are exactly
 * the users of `.m365agentsplayground.yml`, so every demo role can be tried in the playground;
 * the secretariat is the playground's current user. Each has the e-mail address the playground
 * lists for them, as Teams' member list gives it, so Outlook invitations reach them when Gremium
 * is connected to a (local) Graph. All people are fictional.
 */
export const DEMO_TENANT_ID = '6e6d0000-0000-4000-8000-000000000001';
export const DEMO_TEAM = { id: '19:kog-allgemein@thread.tacv2', name: 'Koordinierungsgremium Leipzig' };
export const DEMO_WORKING_GROUP_CHANNEL = {
  id: '19:kog-ag-ausbildung-arbeit@thread.tacv2',
  name: 'AG Ausbildung und Arbeit',
};
/**
 * A working group member on the roster who is in none of the playground's conversations, as a
 * newly named person often is: Gremium cannot reach him, so the demo shows what the secretariat
 * is told when a message does not arrive, and what to do about it.
 */
export const DEMO_PERSON_OUTSIDE_THE_TEAM = {
  aadObjectId: '6e6d0000-0000-4000-8000-0000000000e2',
  displayName: 'Jonas Berger',
} as const;

export const DEMO_BOT = { id: '28:gremium-demo-bot', name: 'Gremium' };

/** The demo as a seed; the playground's connector address is only known when it runs. */
export function kogDemo(playgroundServiceUrl: string): CommitteeSeed {
  return {
    tenantId: DEMO_TENANT_ID,
    home: { kind: 'team', id: DEMO_TEAM.id, title: DEMO_TEAM.name },
    settings: {
      ...DEFAULT_COMMITTEE_SETTINGS,
      name: 'Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“ (Demo)',
    },
    people: [
      {
        aadObjectId: '6e6d0000-0000-4000-8000-0000000000a1',
        displayName: 'Katrin Albers',
        email: 'katrin.albers@kog-demo.example',
        roles: ['secretariat'],
        institution: 'Stadt Leipzig, Referat für Migration und Integration',
        active: true,
      },
      {
        aadObjectId: '6e6d0000-0000-4000-8000-0000000000b1',
        displayName: 'Sabine Hoffmann',
        email: 'sabine.hoffmann@kog-demo.example',
        roles: ['member'],
        institution: 'Jobcenter Leipzig',
        active: true,
      },
      {
        aadObjectId: '6e6d0000-0000-4000-8000-0000000000b2',
        displayName: 'Thomas Richter',
        email: 'thomas.richter@kog-demo.example',
        roles: ['deputy'],
        institution: 'Jobcenter Leipzig',
        active: true,
      },
      {
        aadObjectId: '6e6d0000-0000-4000-8000-0000000000c1',
        displayName: 'Birgit Lehmann',
        email: 'birgit.lehmann@kog-demo.example',
        roles: ['member'],
        institution: 'Agentur für Arbeit Leipzig',
        active: true,
      },
      {
        aadObjectId: '6e6d0000-0000-4000-8000-0000000000d1',
        displayName: 'Yusuf Demir',
        email: 'yusuf.demir@kog-demo.example',
        roles: ['member'],
        institution: 'IHK zu Leipzig',
        active: true,
      },
      {
        aadObjectId: '6e6d0000-0000-4000-8000-0000000000e1',
        displayName: 'Lena Vogt',
        email: 'lena.vogt@kog-demo.example',
        roles: ['workingGroup'],
        institution: 'IQ Netzwerk Sachsen',
        active: true,
      },
      {
        ...DEMO_PERSON_OUTSIDE_THE_TEAM,
        roles: ['workingGroup'],
        institution: 'Diakonie Leipzig, Migrationsberatung',
        active: true,
      },
    ],
    seats: [
      {
        key: 'jobcenter-leipzig',
        institution: 'Jobcenter Leipzig',
        memberId: '6e6d0000-0000-4000-8000-0000000000b1',
        deputyId: '6e6d0000-0000-4000-8000-0000000000b2',
      },
      {
        key: 'agentur-fuer-arbeit-leipzig',
        institution: 'Agentur für Arbeit Leipzig',
        memberId: '6e6d0000-0000-4000-8000-0000000000c1',
      },
      { key: 'ihk-zu-leipzig', institution: 'IHK zu Leipzig', memberId: '6e6d0000-0000-4000-8000-0000000000d1' },
    ],
    workingGroup: {
      title: `${DEMO_TEAM.name} › ${DEMO_WORKING_GROUP_CHANNEL.name}`,
      teamId: DEMO_TEAM.id,
      teamName: DEMO_TEAM.name,
      address: {
        serviceUrl: playgroundServiceUrl,
        channelId: 'msteams',
        conversationId: DEMO_WORKING_GROUP_CHANNEL.id,
        conversationType: 'channel',
        tenantId: DEMO_TENANT_ID,
        botId: DEMO_BOT.id,
        botName: DEMO_BOT.name,
      },
    },
  };
}

/**
 * German for every demo person. The Agents Playground reports every user as en-US, so without a
 * choice the demo would answer in English; the committee it shows reads German. A demo person
 * may still switch („sprache englisch“), and loading the demo again keeps that choice.
 */
export function kogDemoLanguages(): LanguageChoicesSeed {
  return {
    tenantId: DEMO_TENANT_ID,
    choices: kogDemo('').people.map((person) => ({ aadObjectId: person.aadObjectId, language: 'de' as const })),
  };
}
