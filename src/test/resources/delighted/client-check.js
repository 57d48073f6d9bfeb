// Drives the official Delighted Node client against OpenNPS, configured only with another
// host and an OpenNPS API key, through every method it has, and prints what every call
// returned (or the error it raised) as one line of JSON.
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

async function listAll(resource, params) {
  const items = [];
  await resource.list(params).autoPagingEach(function (item) {
    items.push(item);
  });
  return items;
}

async function main() {
  const out = {};
  out.ann = await delighted.person.create({
    email: mail('ann'), name: 'Ann', delay: 3600,
    properties: { plan: 'pro', city: 'Warsaw', 'Purchase Experience': 'Mobile App', Interests: ['Shoes', 'Bags'] } });
  out.bob = await delighted.person.create({ email: mail('bob'), name: 'Bob', send: false, phone_number: '+14155550100' });
  out.cy = await delighted.person.create({ email: mail('cy'), delay: 60 });
  out.deletePending = await delighted.surveyRequest.deletePending({ person_email: mail('cy') });

  // people: every page through the Link cursor, and the filters
  out.people = await listAll(delighted.person, { per_page: 2 });
  out.peopleByEmail = await listAll(delighted.person, { email: mail('bob') });
  out.peopleByPhone = await listAll(delighted.person, { phone_number: '+14155550100' });
  out.peopleSince = await listAll(delighted.person, { since: new Date((until + 60) * 1000) });

  // person.retrieve and person.save (the object retrieved, changed, put back)
  const annAgain = await delighted.person.retrieve(out.ann.id);
  out.retrievedPerson = annAgain.toJSON();
  annAgain.name = 'Ann Smith';
  out.savedPerson = (await annAgain.save()).toJSON();

  out.created = [];
  const answers = [[out.ann.id, 10, 'Great'], [out.bob.id, 9, null], [out.cy.id, 7, 'Fine'], [out.ann.id, 3, 'Slow']];
  for (const [person, score, comment] of answers) {
    const body = { person: person, score: score, person_properties: { source: 'node' } };
    if (comment) {
      body.comment = comment;
    }
    out.created.push(await delighted.surveyResponse.create(body));
  }
  out.backdated = await delighted.surveyResponse.create({ person: out.bob.id, score: 6, created_at: since - 86400 });
  out.page1 = await delighted.surveyResponse.all({ per_page: 2, page: 1 });
  out.page2 = await delighted.surveyResponse.all({ per_page: 2, page: 2 });
  out.expanded = await delighted.surveyResponse.all({ expand: ['person'], order: 'desc', since: new Date(since * 1000) });
  out.byPerson = await delighted.surveyResponse.all({ person_email: mail('cy') });

  // surveyResponse.retrieve and save: a changed score, tags and notes
  const first = await delighted.surveyResponse.retrieve(out.created[0].id, { expand: ['person'] });
  out.retrieved = first.toJSON();
  const plain = await delighted.surveyResponse.retrieve(out.created[1].id);
  plain.score = 2;
  plain.comment = 'Changed my mind';
  plain.tags = ['node'];
  plain.notes = ['Called from node'];
  out.saved = (await plain.save()).toJSON();
  out.updatedSince = await delighted.surveyResponse.all({
    updated_since: Number(process.env.OPENNPS_NOW), order: 'asc:updated_at' });
  out.missingResponse = await caught(delighted.surveyResponse.retrieve('123'));

  // The NPS projection runs after the response commits: wait until it counted all of them.
  for (let i = 0; i < 100; i++) {
    out.metrics = await delighted.metrics.retrieve({ since: since, until: until });
    if (out.metrics.response_count === answers.length && out.metrics.detractor_count === 2) {
      break;
    }
    await new Promise(function (resolve) { setTimeout(resolve, 100); });
  }
  out.allTimeMetrics = await delighted.metrics.retrieve();
  out.coreMetrics = await delighted.metrics.retrieve({ groups: ['core'] });
  out.emailMetrics = await caught(delighted.metrics.retrieve({ groups: ['email'] }));

  out.unsubscribe = await delighted.unsubscribe.create({ person_email: mail('bob') });
  out.unsubscribes = await delighted.unsubscribe.all();
  out.bounces = await delighted.bounce.all();

  await delighted.person.create({ email: mail('gone'), send: false });
  out.deleted = await delighted.person.delete({ email: mail('gone') });
  await delighted.person.create({ email: mail('gone2'), send: false, phone_number: '+14155550199' });
  out.deletedByPhone = await delighted.person.delete({ phone_number: '+14155550199' });
  const three = await delighted.person.create({ email: mail('gone3'), send: false });
  out.deletedById = await delighted.person.delete({ id: three.id });
  out.deleteUnknown = await caught(delighted.person.delete({ id: 42 }));

  out.autopilot = await caught(delighted.autopilotConfiguration.retrieve('email'));
  out.autopilotMembers = await caught(delighted.autopilotMembership.forEmail().create({ person_email: mail('ann') }));

  out.invalid = await caught(delighted.person.create({ name: 'No e-mail' }));
  out.invalidScore = await caught(delighted.surveyResponse.create({ person: out.ann.id, score: 11 }));
  const stranger = Delighted('not-an-opennps-key-000000', options);
  out.unauthorized = await caught(stranger.metrics.retrieve());

  // Last, as it uses up this key's requests for the minute.
  for (let i = 0; i < 400 && !out.limited; i++) {
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
