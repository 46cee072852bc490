import { CONT_APPLIES_TO_CURRENT_RESPONSE, expectOneOf, statusOf, SUCCESS_STATUS, test } from '../../fixtures/client-target/index.js';

test.describe('5.3.8 CONT', () => {
  test(
    'after CONT every further Package#3 of the session goes to the CONT ServerURI',
    {
      tag: ['@5.3.8/cont'],
      annotation: [
        {
          type: 'requirement',
          description: 'CONT(ServerURI): the client sends every further response package of the session to that ServerURI (5.3.8).',
        },
      ],
    },
    async ({ sessions, dmServer }) => {
      const cont = dmServer.contUrl();
      const run = await sessions.run([sessions.padded(['CONT', cont]), [sessions.pad]]);
      const [answeringCont, later] = run.package3s;
      expectOneOf(statusOf(answeringCont, 0), [SUCCESS_STATUS], {
        section: 'App C',
        rule: 'CONT answers 200 on acceptance',
        ...(answeringCont ? { seq: answeringCont.requestSeq } : {}),
      });
      if (CONT_APPLIES_TO_CURRENT_RESPONSE && answeringCont) {
        expectOneOf(answeringCont.url, [cont], {
          rule: 'the Package#3 answering the Package#2 with CONT goes to the CONT ServerURI ("any response packages")',
          seq: answeringCont.requestSeq,
        });
      }
      if (later)
        expectOneOf(later.url, [cont], { rule: 'every later Package#3 of the session goes to the CONT ServerURI', seq: later.requestSeq });
    },
  );
});
