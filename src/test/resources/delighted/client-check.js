// Drives the official Delighted Node client against OpenNPS, configured only with another
// host and an OpenNPS API key, and prints what every call returned as one line of JSON.
const Delighted = require('delighted');

const options = { host: 'localhost', port: Number(process.env.OPENNPS_PORT), scheme: 'http', base: '/v1' };
const delighted = Delighted(process.env.OPENNPS_KEY, options);
const since = Number(process.env.OPENNPS_SINCE);
const until = Number(process.env.OPENNPS_UNTIL);
const domain = process.env.OPENNPS_DOMAIN;
const mail = function (name) { return name + '@' + domain; };

function failure(error) {
  return { type: error.type, message: error.message, retryAfter: error.retryAfter };
}

async function caught(promise) {
  try {
    return { ok: await promise };
  } catch (error) {
    return { error: failure(error) };
  }
}

async function main() {
  const out = {};
  out.ann = await delighted.person.create({
    email: mail('ann'), name: 'Ann', delay: 3600, properties: { plan: 'pro', city: 'Warsaw' } });
  out.bob = await delighted.person.create({ email: mail('bob'), name: 'Bob', send: false });
  out.cy = await delighted.person.create({ email: mail('cy'), delay: 60 });
  out.deletePending = await delighted.surveyRequest.deletePending({ person_email: mail('cy') });

  out.people = [];
  await delighted.person.list({ per_page: 2 }).autoPagingEach(function (person) {
    out.people.push(person);
  });

  out.created = [];
  const answers = [[out.ann.id, 10, 'Great'], [out.bob.id, 9, null], [out.cy.id, 7, 'Fine'], [out.ann.id, 3, 'Slow']];
  for (const [person, score, comment] of answers) {
    const body = { person: person, score: score, person_properties: { source: 'node' } };
    if (comment) {
      body.comment = comment;
    }
    out.created.push(await delighted.surveyResponse.create(body));
  }
  out.page1 = await delighted.surveyResponse.all({ per_page: 2, page: 1 });
  out.page2 = await delighted.surveyResponse.all({ per_page: 2, page: 2 });
  out.expanded = await delighted.surveyResponse.all({ expand: ['person'], order: 'desc' });

  // The NPS projection runs after the response commits: wait until it counted all four.
  for (let i = 0; i < 100; i++) {
    out.metrics = await delighted.metrics.retrieve({ since: since, until: until });
    if (out.metrics.response_count === answers.length) {
      break;
    }
    await new Promise(function (resolve) { setTimeout(resolve, 100); });
  }
  out.allTimeMetrics = await delighted.metrics.retrieve();

  out.unsubscribe = await delighted.unsubscribe.create({ person_email: mail('bob') });
  out.unsubscribes = await delighted.unsubscribe.all();
  out.bounces = await delighted.bounce.all();

  await delighted.person.create({ email: mail('gone'), send: false });
  out.deleted = await delighted.person.delete({ email: mail('gone') });

  out.invalid = await caught(delighted.person.create({ name: 'No e-mail' }));
  const stranger = Delighted('not-an-opennps-key-000000', options);
  out.unauthorized = await caught(stranger.metrics.retrieve());

  // Last, as it uses up this key's requests for the minute.
  for (let i = 0; i < 300 && !out.limited; i++) {
    const result = await caught(delighted.bounce.all());
    if (result.error) {
      out.limited = result.error;
    }
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch(function (error) {
  process.stdout.write(JSON.stringify({ fatal: failure(error), stack: String(error && error.stack) }) + '\n');
  process.exit(1);
});
