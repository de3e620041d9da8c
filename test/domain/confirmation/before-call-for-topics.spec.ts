import assert from 'node:assert/strict';
import { reasonsBeforeCallingForTopics } from '../../../src/domain/confirmation/before-call-for-topics';

describe('domain/confirmation: what to ask before calling for topics', () => {
  it('always asks, saying whom the call reaches, even when it reaches nobody', () => {
    const topicDeadline = '2027-01-21T23:00:00.000Z';
    for (const people of [0, 1, 12]) {
      for (const toConversation of [true, false]) {
        assert.deepEqual(reasonsBeforeCallingForTopics({ people, toConversation, topicDeadline }), [
          { kind: 'reachesWorkingGroup', people, toConversation, topicDeadline },
        ]);
      }
    }
  });
});
