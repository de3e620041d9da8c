import type { CommitteeSeed } from '../../src/app/seed-committee';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../src/domain/committee';
import { DEMO_TENANT_ID } from './kog-demo';

/** The playground's group chat: the home of the demo's second committee. */
export const DEMO_GROUP_CHAT = {
  id: '19:steuerungsgruppe-integration@thread.v2',
  name: 'Steuerungsgruppe Integration',
};

/**
 * The demo's second committee, modelled on Landkreis Peine's Steuerungsgruppe Integration (led by
 * the county's office for migration and participation, meeting three times a year), homed in the
 * playground's group chat. Its people are playground users who also sit on the KOG: Katrin
 * Albers runs the secretariat of both, Sabine Hoffmann is a member of both, and Thomas Richter,
 * the KOG's deputy for the Jobcenter, holds a seat of his own here. All people are fictional.
 */
export function sgiDemo(): CommitteeSeed {
  return {
    tenantId: DEMO_TENANT_ID,
    home: { kind: 'groupChat', id: DEMO_GROUP_CHAT.id, title: DEMO_GROUP_CHAT.name },
    settings: {
      ...DEFAULT_COMMITTEE_SETTINGS,
      name: 'Steuerungsgruppe Integration (Demo)',
      shortName: 'SGI',
      chairRotation: {
        firstSessionOfYear: 'Landrat des Landkreises Peine',
        rotating: ['Landkreis Peine, Referat Migration und Teilhabe'],
      },
    },
    people: [
      {
        aadObjectId: '6e6d0000-0000-4000-8000-0000000000a1',
        displayName: 'Katrin Albers',
        email: 'katrin.albers@kog-demo.example',
        roles: ['secretariat'],
        institution: 'Landkreis Peine, Referat Migration und Teilhabe',
        active: true,
      },
      {
        aadObjectId: '6e6d0000-0000-4000-8000-0000000000b1',
        displayName: 'Sabine Hoffmann',
        email: 'sabine.hoffmann@kog-demo.example',
        roles: ['member'],
        institution: 'Jobcenter Landkreis Peine',
        active: true,
      },
      {
        aadObjectId: '6e6d0000-0000-4000-8000-0000000000b2',
        displayName: 'Thomas Richter',
        email: 'thomas.richter@kog-demo.example',
        roles: ['member'],
        institution: 'Caritasverband Peine',
        active: true,
      },
    ],
    seats: [
      {
        key: 'jobcenter-landkreis-peine',
        institution: 'Jobcenter Landkreis Peine',
        memberId: '6e6d0000-0000-4000-8000-0000000000b1',
      },
      {
        key: 'caritasverband-peine',
        institution: 'Caritasverband Peine',
        memberId: '6e6d0000-0000-4000-8000-0000000000b2',
      },
    ],
  };
}
