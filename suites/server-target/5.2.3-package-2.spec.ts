import {
  carriesOwnCommands,
  END_EXPECTED_WITHIN_PACKAGE2S,
  entriesNamed,
  expectArrival,
  expectOneOf,
  expectPackage2Format,
  package2s,
  type Package2View,
  test,
} from '../../fixtures/server-target/index.js';

const REQUIREMENT = {
  type: 'requirement',
  description:
    'Package#2 is the HTTP response to Package#1 or Package#3, media type application/vnd.oma.dm.request+json, an ordered list of DM commands, each an array of strings: the command, then its parameters (5.2.3, 7.2.1.2)',
};

test.describe('5.2.3 Package#2', () => {
  test(
    'the Package#2 answering a Package#1 is a well-formed command list in the queued order',
    { tag: ['@5.2.3/package2'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      if (!server.configured('queuePackage2')) {
        // No trigger: the commands the server sends of its own accord are judged; their order cannot be.
        const transcript = await device.session({ onPackage2: () => 'stop' });
        for (const round of transcript.rounds) expectPackage2Format(round.reply, { section: '7.2.1.2' });
        expectArrival(
          transcript,
          carriesOwnCommands,
          { trigger: 'queuePackage2', prompted: false, what: 'commands' },
          { rule: 'the server sends commands of its own' },
        );
        return;
      }
      const queued = [
        ['GET', nodes.devId],
        ['DELETE', nodes.missing],
        ['EXEC', nodes.executable],
      ];
      await server.queuePackage2({ CMD: queued });
      // The queued Package#2 may come after other Package#2s of the session (§5.2.3: a Package#2 answers a Package#1 or a Package#3); it is recognised by its commands, in any order.
      const carriesAll = (package2: Package2View) => queued.every((command) => entriesNamed(package2, command[0] ?? '').length > 0);
      // Stopped there: reporting the commands is other items' (a refused report is judged under reporting, §5.4.1).
      // Each Package#2 is judged as it arrives, before its commands run: a later refusal (a side transfer outside the egress policy) cannot hide a malformed one.
      const transcript = await device.session({
        maxPackage2s: END_EXPECTED_WITHIN_PACKAGE2S,
        onPackage2: (round) => {
          const package2 = expectPackage2Format(round.reply, { section: '7.2.1.2' });
          return carriesAll(package2) ? 'stop' : 'continue';
        },
      });
      // A reply that is no Package#2 (silence, a closed connection, an HTTP error) is judged here, by the verdict policy.
      for (const round of transcript.rounds) expectPackage2Format(round.reply, { section: '7.2.1.2' });
      const arrival = expectArrival(
        transcript,
        carriesAll,
        { trigger: 'queuePackage2', prompted: true, what: 'the queued Package#2' },
        { rule: 'the server sends the queued Package#2' },
      );
      const names = queued.map((command) => command[0]);
      expectOneOf(
        arrival.package2.CMD.map((entry) => entry[0]).filter((name) => names.includes(String(name))),
        [names],
        { rule: 'the commands come in the queued order, for the client runs them in that order', seq: arrival.seq },
      );
    },
  );

  test(
    'every Package#2 of a session, also those answering a Package#3, is well formed',
    { tag: ['@5.2.3/package2'], annotation: [REQUIREMENT] },
    async ({ device, server, nodes }) => {
      const prompted = server.configured('queuePackage2');
      if (prompted) {
        await server.queuePackage2({ CMD: [['GET', nodes.dataLeaf]] });
        await server.queuePackage2({ CMD: [['DELETE', nodes.missing]] });
      }
      // Each Package#2 is judged as it arrives, before its commands run.
      const transcript = await device.session({
        maxPackage2s: 3,
        onPackage2: (round) => {
          expectPackage2Format(round.reply, { section: '7.2.1.2' });
          return 'continue';
        },
      });
      for (const round of transcript.rounds) expectPackage2Format(round.reply, { section: '7.2.1.2' });
      if (!prompted) {
        // No trigger: judged when the server sent commands of its own; a Package#2 of them without END must be followed by one answering the Package#3.
        const sent = expectArrival(
          transcript,
          carriesOwnCommands,
          { trigger: 'queuePackage2', prompted: false, what: 'commands' },
          { rule: 'the server sends commands of its own' },
        );
        if (sent.package2.CMD.some((entry) => entry[0] === 'END')) return;
      }
      expectOneOf(package2s(transcript).length >= 2, [true], {
        rule: 'a Package#2 also answers the Package#3',
        actualText: `${package2s(transcript).length} Package#2(s) in the session`,
      });
    },
  );
});
