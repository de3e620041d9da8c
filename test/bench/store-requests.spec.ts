import assert from 'node:assert/strict';
import { STORE_REQUEST_AIMS, storeRequests } from '../../bench/store-requests';
import { COMMANDS } from '../../src/domain/verb-registry';

/**
 * The store-request benchmark's own run, small (5 committees, a team of 50), so `npm run bench`
 * does not break unnoticed. Store requests are counts, not times: they are the same on every
 * machine and under any load, so they are asserted against what the code makes today, and the
 * scheduler's idle tick against its aim.
 */
describe('bench/store-requests', function () {
  this.timeout(120_000);

  it('counts the store requests of a click, of every command, of an idle scheduler tick and of a roster import', async () => {
    const figures = await storeRequests({ committees: 5, members: 50 });
    const { storeRequests: turns, scheduler, roster } = figures;

    assert.deepEqual(Object.keys(turns.perCommand), [...COMMANDS]);
    assert.equal(turns.command, Math.max(...Object.values(turns.perCommand)));
    assert.equal(turns.perCommand[turns.commandName], turns.command);
    // The click within its aim, on the card that carries its calendar link back: the turn's
    // read-ahead (language, chat, committee, roster entry, session, the calendar link), the
    // invitation's seat, answers and people, and the answer's write. No new link is issued.
    assert.ok(turns.rsvpClick <= STORE_REQUEST_AIMS.rsvpClick);
    assert.equal(turns.rsvpClick, 3);
    // A data export is collected when its link is opened: the turn's two reads (read-ahead, the
    // committee and roster entry), the link's check, one batch writing the request and its link
    // (a new slot, so no previous links are read), and the calendar subscription's status (the
    // subscriptions, the index of committees; the committee and entry were read with the turn).
    assert.equal(turns.perCommand.myData, 6);
    // A command that numbers a regular session reads it and its agenda with the committee. The
    // publication then reads the groups reporting, the answers, and in one query the agreements,
    // the sessions that date them and the roster (seats and people).
    assert.equal(turns.perCommand.publishAgenda, 5);
    assert.equal(turns.perCommand.invite, 2);
    // The status report reads its six document types in one query, then issues its two links (PDF
    // and CSV) together: the secretariat checked once, the slots' previous links read in one query
    // and written with the new ones in one batch.
    assert.equal(turns.perCommand.statusReport, 6);
    // Two types in one query: the roster's people and seats, the answers overview's seats and
    // people, the working groups and their sessions.
    assert.equal(turns.perCommand.members, 4);
    assert.equal(turns.perCommand.rsvps, 4);
    assert.equal(turns.perCommand.workingGroups, 3);
    // Planning a planned year again reads the jobs of all its sessions at once.
    assert.equal(turns.perCommand.planSessions, 6);
    assert.ok(turns.command <= STORE_REQUEST_AIMS.command);
    assert.equal(turns.command, 6);

    assert.ok(scheduler.idleTickRequests <= STORE_REQUEST_AIMS.idleTick);
    assert.equal(scheduler.idleTickRequests, scheduler.idleTickRequestsOneCommittee);
    assert.equal(scheduler.sessionsPerCommittee, 3);
    // The day's first tick reads each committee's roster once for the tenant's directory, no more.
    assert.equal(scheduler.dailyTickRequests - scheduler.dailyTickRequestsOneCommittee, 4);

    // One page of members and the team's channel list; in the store one query of the roster and
    // of the directory's indexes each, and a batch per hundred people for each, besides the turn's reads.
    assert.equal(roster.import5000ConnectorRequests, 2);
    assert.equal(roster.import5000Requests, roster.import5000ConnectorRequests + roster.import5000StoreRequests);
    assert.equal(roster.import5000StoreRequests, 9);
    assert.ok(roster.import5000Ms >= 0);
  });
});
