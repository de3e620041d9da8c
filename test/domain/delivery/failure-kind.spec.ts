import assert from 'node:assert/strict';
import { failureKindOf, type FailureFacts } from '../../../src/domain/delivery/failure-kind';

describe('domain/delivery/failure-kind: why a message did not arrive, as a person can act on it', () => {
  const cases: ReadonlyArray<readonly [FailureFacts, ReturnType<typeof failureKindOf>]> = [
    [{ reason: 'noConversation', status: null, lookedInHome: true }, 'notInTeam'],
    [{ reason: 'noConversation', status: null, lookedInHome: false }, 'noTeam'],
    // Records failed before Gremium looked people up in the team: read as "not in the team".
    [{ reason: 'noConversation', status: null }, 'notInTeam'],
    [{ reason: 'permanent', status: 403, step: 'open' }, 'notAllowed'],
    [{ reason: 'permanent', status: 403, step: 'lookUp' }, 'notAllowed'],
    [{ reason: 'permanent', status: 403, step: 'send' }, 'blocked'],
    [{ reason: 'permanent', status: 403 }, 'blocked'],
    [{ reason: 'permanent', status: 403, step: 'open', code: 'ConversationBlockedByUser' }, 'blocked'],
    [{ reason: 'permanent', status: 403, step: 'send', code: 'BotDisabledByAdmin' }, 'notAllowed'],
    [{ reason: 'permanent', status: 404, step: 'send' }, 'gone'],
    [{ reason: 'permanent', status: 404, step: 'open' }, 'notInTeam'],
    [{ reason: 'attemptsExhausted', status: 503 }, 'unavailable'],
    [{ reason: 'attemptsExhausted', status: null }, 'unavailable'],
    [{ reason: 'permanent', status: 400 }, 'rejected'],
    [{ reason: 'permanent', status: 413, step: 'send' }, 'rejected'],
  ];
  for (const [facts, kind] of cases)
    it(`reads ${JSON.stringify(facts)} as ${kind}`, () => assert.equal(failureKindOf(facts), kind));
});
