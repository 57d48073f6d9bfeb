#!/usr/bin/env bash
# Walks issue 17's "Done when" against the packaged jar, as a browser would: session cookies,
# the CSRF token of each page's forms, the links of the e-mails that arrive. Prints one line
# per check (PASS or FAIL) and exits 0 when every check passed, 1 otherwise, 100 when it could
# not run.
#
#   ./mvnw -q -DskipTests package && bench/team/walk.sh
#   bench/team/walk.sh target/opennps.jar          # a jar of your choice
#   SSO=0 bench/team/walk.sh                        # without the single sign-on check
#
# 1. Starts a loopback SMTP sink (GreenMail standalone from Maven Central, fetched once into
#    the local Maven repository) and the jar on a free port with a fresh embedded H2 database
#    in a temporary folder, without the demo workspace, sending its e-mail to the sink.
# 2. The owner (the first user) invites an agent and a viewer by e-mail on Settings → Members;
#    the walk follows each invitation's link and chooses a password. The owner also creates a
#    second workspace from the app, whose detractor nobody of the first team may see.
# 3. A customer gets a survey e-mail from a campaign, answers 3 on the survey page it links to;
#    the starter rule opens a case; the agent signs in, sees that inbox and case only, replies,
#    and the reply reaches the customer's mailbox at the sink.
# 4. The viewer sees the dashboard and the case; every form the admin app posts to (taken from
#    the @PostMapping routes of its page controllers in src/main) answers 403 to them and
#    changes nothing that the API shows.
# With SSO=1 (the default) the agent also signs in with OpenID Connect, against the provider
# the tests use (no.nav.security:mock-oauth2-server, started from the project's test class path
# as its standalone server), which answers every sign-in with the agent's verified address.
# Everything listens on and talks to 127.0.0.1 only; every server it started is stopped at the end.
set -u
cd "$(dirname "$0")/../.."
JAR="${1:-$(ls target/opennps*.jar 2>/dev/null | grep -v -- '-plain' | head -1)}"
[ -f "$JAR" ] || { echo "no jar: run ./mvnw -q -DskipTests package first" >&2; exit 100; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for tool in curl jq python3; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 100; }; done

GREENMAIL_VERSION=2.1.13
SINK_JAR="$HOME/.m2/repository/com/icegreen/greenmail-standalone/$GREENMAIL_VERSION/greenmail-standalone-$GREENMAIL_VERSION.jar"
if [ ! -f "$SINK_JAR" ]; then
  ./mvnw -q -B -ntp dependency:get -Dartifact=com.icegreen:greenmail-standalone:$GREENMAIL_VERSION -Dtransitive=false \
    || { echo "could not fetch greenmail-standalone $GREENMAIL_VERSION" >&2; exit 100; }
fi

WORK=$(mktemp -d /tmp/opennps-team-walk.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PORT=$(free_port); SMTP_PORT=$(free_port); SINK_API_PORT=$(free_port); OIDC_PORT=$(free_port)
SSO=${SSO:-1}
BASE="http://127.0.0.1:$PORT"
SINK="http://127.0.0.1:$SINK_API_PORT"
MAIL="python3 bench/team/mail.py"
KEY="onps_walk_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
OWNER="owner@team-walk.example"
AGENT="agent@team-walk.example"
VIEWER="viewer@team-walk.example"
CUSTOMER="ann.lee@customer.example"
OWNER_PASSWORD="owner-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
AGENT_PASSWORD="agent-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
VIEWER_PASSWORD="viewer-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
LOG="$WORK/server.log"
FAILED=0; PASSED=0

nice -n 10 "$JAVA" -Xmx256m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
  -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$SINK_API_PORT" -Dgreenmail.auth.disabled \
  -jar "$SINK_JAR" >"$WORK/sink.log" 2>&1 &
SINK_PID=$!
OIDC_PID=
SSO_ARGS=()
if [ "$SSO" = 1 ]; then
  ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/test.classpath" >"$WORK/classpath.log" 2>&1 \
    || { echo "could not resolve the test class path (see $WORK/classpath.log); run with SSO=0" >&2; exit 100; }
  # every authorization code yields an ID token for the agent, with a verified address
  SERVER_HOSTNAME=127.0.0.1 SERVER_PORT=$OIDC_PORT JSON_CONFIG='{"interactiveLogin":false,"tokenCallbacks":[{"issuerId":"sso","tokenExpiry":3600,"requestMappings":[{"requestParam":"grant_type","match":"*","claims":{"sub":"agent-walk","email":"'"$AGENT"'","email_verified":true,"aud":["opennps-walk"]}}]}]}' \
    nice -n 10 "$JAVA" -Xmx256m -cp "$(cat "$WORK/test.classpath")" no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt \
    >"$WORK/oidc.log" 2>&1 &
  OIDC_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$OIDC_PORT/sso/.well-known/openid-configuration" >/dev/null 2>&1 && break
    kill -0 $OIDC_PID 2>/dev/null || { echo "the OIDC provider did not start:" >&2; tail -30 "$WORK/oidc.log" >&2; exit 100; }
    sleep 1
  done
  R=--spring.security.oauth2.client.registration.sso
  SSO_ARGS=("$R.client-id=opennps-walk" "$R.client-secret=walk-secret" "$R.client-name=Company account"
    "$R.scope=openid,email,profile" "--spring.security.oauth2.client.provider.sso.issuer-uri=http://127.0.0.1:$OIDC_PORT/sso")
fi
OPENNPS_BOOTSTRAP_API_KEY="$KEY" OPENNPS_ADMIN_EMAIL="$OWNER" OPENNPS_ADMIN_PASSWORD="$OWNER_PASSWORD" \
  nice -n 10 "$JAVA" -Xmx512m -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --opennps.data-dir="$WORK/data" --opennps.demo.enabled=false --opennps.public-url="$BASE" \
  --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" "${SSO_ARGS[@]}" \
  >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER $SINK_PID $OIDC_PID 2>/dev/null; wait $SERVER $SINK_PID $OIDC_PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do
  curl -fs "$SINK/api/service/readiness" >/dev/null 2>&1 && curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "the server did not start:" >&2; tail -30 "$LOG" >&2; exit 100; }
  kill -0 $SINK_PID 2>/dev/null || { echo "the SMTP sink did not start:" >&2; tail -30 "$WORK/sink.log" >&2; exit 100; }
  sleep 1
done
curl -fs "$BASE/actuator/health" >/dev/null || { echo "the server did not answer in 300 s" >&2; exit 100; }

step() { echo; echo "== $1"; }
# check <name> <ok: 0/1> <detail>
check() {
  if [ "$2" = 1 ]; then printf '  PASS  %-70s %s\n' "$1" "$3"; PASSED=$((PASSED+1));
  else printf '  FAIL  %-70s %s\n' "$1" "$3"; FAILED=$((FAILED+1)); fi
}
yes_if() { if "$@"; then echo 1; else echo 0; fi; }
has() { grep -q -- "$1" "$WORK/page" && echo 1 || echo 0; }
lacks() { grep -q -- "$1" "$WORK/page" && echo 0 || echo 1; }
is() { [ "$1" = "$2" ] && echo 1 || echo 0; }
role_shown() { has "class=\"badge\">$1<"; }
all() { for v; do [ "$v" = 1 ] || { echo 0; return; }; done; echo 1; }
# API calls of the set-up (the first workspace's bootstrap key, or KEY2 of the second one)
api() { curl -s -o "$WORK/api" -w '%{http_code}' -H "Authorization: Bearer ${API_KEY:-$KEY}" -H 'Content-Type: application/json' "$@"; }
apibody() { cat "$WORK/api"; }

# --- a browser: a cookie jar per person; page bodies in $WORK/page, status as the output -----
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' "$WORK/page" | head -1 | sed 's/.*value="//; s/"$//'; }
# page <who> <path>: GET, following no redirect; prints the status
page() { curl -s -o "$WORK/page" -w '%{http_code}' -b "$WORK/$1.cookies" -c "$WORK/$1.cookies" "$BASE$2"; }
# form <who> <path> <field=value>...: POST with the CSRF token of the last page <who> opened
form() {
  local who=$1 path=$2; shift 2
  local args=(--data-urlencode "_csrf=${TOKEN[$who]:-}")
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  curl -s -o "$WORK/page" -w '%{http_code} %{redirect_url}' -b "$WORK/$who.cookies" -c "$WORK/$who.cookies" "${args[@]}" "$BASE$path"
}
declare -A TOKEN
remember_token() { TOKEN[$1]=$(csrf_of); }
signin() {
  local who=$1 email=$2 password=$3
  rm -f "$WORK/$who.cookies"
  page "$who" /login >/dev/null; remember_token "$who"
  local out; out=$(form "$who" /login "username=$email" "password=$password")
  page "$who" / >/dev/null; remember_token "$who"
  echo "$out"
}
main_text() { sed -e 's/<[^>]*>/ /g' "$WORK/page" | tr -s ' \n' ' '; }

step "1. the owner invites an agent and a viewer by e-mail (Settings → Members)"
S=$(signin owner "$OWNER" "$OWNER_PASSWORD")
check "the owner signs in with a password" $(yes_if test "${S%% *}" = 302 -a "${S#* }" = "$BASE/") "$S"
S=$(page owner /settings/alerts)
check "the starter rule 'Detractors open a case' is shown under Settings → Alert rules" \
  $(yes_if grep -q 'Detractors open a case' "$WORK/page") "HTTP $S"
S=$(page owner /settings/members); remember_token owner
check "Settings → Members opens for the owner with an invitation form" $(yes_if grep -q 'id="invite-email"' "$WORK/page") "HTTP $S"
for person in agent viewer; do
  email=$([ $person = agent ] && echo "$AGENT" || echo "$VIEWER")
  S=$(form owner /settings/members "email=$email" "role=$person")
  page owner /settings/members >/dev/null; remember_token owner
  check "the owner invites $email as $person" \
    $(yes_if grep -q "Invitation sent to $email" "$WORK/page") "POST → $S"
done

step "2. the invitations arrive at the sink; each link sets a password"
for person in agent viewer; do
  email=$([ $person = agent ] && echo "$AGENT" || echo "$VIEWER")
  password=$([ $person = agent ] && echo "$AGENT_PASSWORD" || echo "$VIEWER_PASSWORD")
  $MAIL wait "$SINK" "$email" . 60 >"$WORK/mail.$person" || true
  LINK=$(grep -o "$BASE/account/password?token=[A-Za-z0-9_-]*" "$WORK/mail.$person" | head -1)
  check "the invitation e-mail reaches $email with a link to choose a password" $(yes_if test -n "$LINK") \
    "$(head -1 "$WORK/mail.$person")"
  S=$(page $person "${LINK#$BASE}"); remember_token $person
  check "the link opens the password form for $email" $(yes_if grep -q "$email" "$WORK/page") "HTTP $S"
  TOKEN_FIELD=$(grep -o 'name="token" value="[^"]*"' "$WORK/page" | sed 's/.*value="//; s/"$//')
  S=$(form $person /account/password "token=$TOKEN_FIELD" "password=$password" "confirmation=$password")
  check "$person chooses a password" $(yes_if test "${S#* }" = "$BASE/login?password-set") "POST → $S"
  S=$(form $person /account/password "token=$TOKEN_FIELD" "password=$password-again" "confirmation=$password-again")
  check "the link works once only" $(all $(has 'expired or was used already') $(yes_if test "${S%% *}" != 302)) \
    "POST again → HTTP ${S%% *}"
done

step "set-up: a survey and a campaign that e-mails it (API); a second workspace made in the app"
api -X POST "$BASE/api/v1/surveys" -d '{"name":"After purchase NPS","questions":[{"id":"nps","type":"nps","text":"How likely are you to recommend us to a friend?"},{"id":"why","type":"text","text":"What is the main reason for your score?","required":false}]}' >/dev/null
SURVEY=$(apibody | jq -r .id)
S=$(api -X POST "$BASE/api/v1/campaigns" -d '{"name":"After purchase","survey_id":"'"$SURVEY"'","status":"active","trigger":{"event_type":"order.placed"},"steps":[{"type":"action","action":"email","subject":"How did we do?"}]}')
CAMPAIGN=$(apibody | jq -r .id)
check "survey and active campaign created" $(yes_if test "$S" = 201 -a "$SURVEY" != null) "survey $SURVEY, campaign HTTP $S"
page owner /workspaces/new >/dev/null; remember_token owner
S=$(form owner /workspaces/new "name=Other shop" "time_zone=Europe/Warsaw")
page owner /settings >/dev/null; remember_token owner
KEY2=$(grep -o 'class="secret">onps_[^<]*' "$WORK/page" | head -1 | sed 's/.*>//')
check "the owner creates a second workspace from the app and gets its API key" $(yes_if test -n "$KEY2") "POST → $S"
OTHER=$(API_KEY=$KEY2 api "$BASE/api/v1/workspace" >/dev/null; apibody | jq -r .id)
OTHER_SURVEY=$(API_KEY=$KEY2 api -X POST "$BASE/api/v1/surveys" -d '{"name":"Elsewhere","questions":[{"id":"nps","type":"nps","text":"How likely?"},{"id":"why","type":"text","text":"Why?","required":false}]}' >/dev/null; apibody | jq -r .id)
ELSEWHERE=$(API_KEY=$KEY2 api -X POST "$BASE/api/v1/responses" -d '{"survey_id":"'"$OTHER_SURVEY"'","score":1,"answers":{"why":"Another shop lost my box."},"contact":{"external_id":"x-1","name":"Xavier Other","email":"xavier@customer.example"}}' >/dev/null; apibody | jq -r .id)
sleep 2
OTHER_CASE=$(API_KEY=$KEY2 api "$BASE/api/v1/cases" >/dev/null; apibody | jq -r '.items[0].id // empty')
check "the second workspace has a detractor and its case" $(yes_if test -n "$ELSEWHERE" -a "$ELSEWHERE" != null -a -n "$OTHER_CASE") "response $ELSEWHERE, case ${OTHER_CASE:-none}"

step "3. a detractor answers the survey e-mail; the starter rule opens a case; the agent replies"
S=$(api -X POST "$BASE/api/v1/events" -d '{"id":"order-1","type":"order.placed","contact":{"external_id":"c-1","name":"Ann Lee","email":"'"$CUSTOMER"'"},"properties":{"order_id":"o-1"}}')
$MAIL wait "$SINK" "$CUSTOMER" 'How did we do' 120 >"$WORK/mail.survey" || true
SURVEY_LINK=$(grep -o "$BASE/s/[A-Za-z0-9_-]*" "$WORK/mail.survey" | head -1)
check "the campaign's survey e-mail reaches the customer" $(yes_if test -n "$SURVEY_LINK") "event HTTP $S; $(head -1 "$WORK/mail.survey")"
S=$(curl -s -o "$WORK/page" -w '%{http_code}' -c "$WORK/customer.cookies" -b "$WORK/customer.cookies" "$SURVEY_LINK")
NONCE=$(grep -o 'name="_page" value="[^"]*"' "$WORK/page" | head -1 | sed 's/.*value="//; s/"$//')
check "the survey page opens from the e-mail's link" $(yes_if test "$S" = 200 -a -n "$NONCE") "HTTP $S"
S=$(curl -s -o "$WORK/page" -w '%{http_code} %{redirect_url}' -c "$WORK/customer.cookies" -b "$WORK/customer.cookies" \
  --data-urlencode "_page=$NONCE" -d score=3 -d shown=why --data-urlencode "why=The parcel was late and the box was wet." "$SURVEY_LINK")
check "the customer answers 3 with a comment" $(yes_if test "${S#* }" = "$SURVEY_LINK/thanks") "POST → $S"
sleep 2
api "$BASE/api/v1/cases" >/dev/null
CASE=$(apibody | jq -r '.items[0].id // empty'); RESPONSE=$(apibody | jq -r '.items[0].response_id // empty')
CASE_RULE=$(apibody | jq -r '.items[0].rule_id // empty'); CASES=$(apibody | jq '.items | length')
STARTER=$(api "$BASE/api/v1/alert-rules" >/dev/null; apibody | jq -r '.items[] | select(.name == "Detractors open a case") | .id')
check "the starter rule opened a case for the detractor" $(all $(is "$CASES" 1) $(yes_if test -n "$STARTER") $(is "$CASE_RULE" "$STARTER")) \
  "case ${CASE:-none} for response ${RESPONSE:-none} by rule ${CASE_RULE:-none}"

S=$(signin agent "$AGENT" "$AGENT_PASSWORD")
check "the agent signs in with the password they chose" $(yes_if test "${S%% *}" = 302) "$S"
if [ "$SSO" = 1 ]; then
  rm -f "$WORK/agent-sso.cookies"
  page agent-sso /login >/dev/null
  check "the sign-in page offers single sign-on" $(has 'Sign in with Company account') "$(grep -o 'href="/oauth2/authorization/[^"]*"' "$WORK/page" | head -1)"
  S=$(curl -s -L -o "$WORK/page" -w '%{http_code} %{url_effective}' -b "$WORK/agent-sso.cookies" -c "$WORK/agent-sso.cookies" \
    "$BASE/oauth2/authorization/sso")
  check "the agent signs in with single sign-on, as an agent" $(all $(is "$S" "200 $BASE/") $(has 'class="who"') \
    $(role_shown agent)) "→ $S"
  S=$(page agent-sso /responses)
  check "their SSO session lists this workspace's detractor only" $(all $(is "$S" 200) $(has 'The parcel was late') $(lacks 'Another shop')) "HTTP $S"
  S=$(page agent-sso /settings)
  check "nor opens Settings" $(is "$S" 403) "HTTP $S"
fi
S=$(page agent /responses)
check "the agent's inbox lists the detractor's comment" $(yes_if grep -q 'The parcel was late' "$WORK/page") "HTTP $S"
check "the agent's inbox does not list the other workspace's response" $(all $(is "$S" 200) $(lacks 'Another shop')) "HTTP $S"
S=$(page agent "/responses?category=detractor&comment=yes")
check "nor does the inbox filtered to detractors" $(all $(is "$S" 200) $(lacks 'Another shop')) "HTTP $S"
S=$(page agent /responses/export.csv)
check "nor its CSV export" $(all $(is "$S" 200) $(lacks 'Another shop') $(has 'parcel was late')) "HTTP $S"
S=$(page agent "/responses/$ELSEWHERE")
check "the other workspace's response is not found by id" $(all $(is "$S" 404) $(lacks 'Another shop')) "HTTP $S"
S=$(page agent /contacts)
check "the contacts list shows the customer, not the other workspace's" $(all $(has 'Ann Lee') $(lacks 'Xavier')) "HTTP $S"
page agent / >/dev/null; remember_token agent
S=$(form agent /workspace/switch "workspace_id=$OTHER")
S2=$(page agent "/responses/$ELSEWHERE"); page agent /responses >/dev/null
check "switching to a workspace they are not a member of changes nothing" \
  $(all $(is "$S2" 404) $(lacks 'Another shop')) "switch → $S; then the response → HTTP $S2"
S=$(page agent /settings)
check "the agent cannot open Settings" $(yes_if test "$S" = 403) "HTTP $S"
S=$(page agent "/responses/$RESPONSE"); remember_token agent
check "the case page shows the open case and a reply form" \
  $(all $(has 'id="case-status"[^>]*>open<') $(has 'id="reply-body"')) "HTTP $S"
S=$(form agent "/responses/$RESPONSE/case/reply" "action=reply" "subject=Sorry about the late parcel" \
  "body=Hello Ann, a voucher is on its way to you.")
page agent "/responses/$RESPONSE" >/dev/null; remember_token agent
check "the agent sends a reply from the case; the thread shows it" $(yes_if grep -q 'a voucher is on its way' "$WORK/page") "POST → $S"
$MAIL wait "$SINK" "$CUSTOMER" 'Sorry about the late parcel' 60 >"$WORK/mail.reply" || true
check "the customer receives the reply at the sink" $(yes_if grep -q 'a voucher is on its way' "$WORK/mail.reply") \
  "$(head -1 "$WORK/mail.reply")"
S=$(form agent "/responses/$ELSEWHERE/case/reply" "action=reply" "subject=x" "body=Reply across workspaces")
OTHER_THREAD=$(API_KEY=$KEY2 api "$BASE/api/v1/cases/$OTHER_CASE" >/dev/null; apibody | grep -c 'Reply across workspaces')
check "the agent cannot reply on the other workspace's case" $(yes_if test "${S%% *}" = 404 -a "$OTHER_THREAD" = 0) "POST → $S"

step "4. the viewer sees the dashboard and changes nothing"
S=$(signin viewer "$VIEWER" "$VIEWER_PASSWORD")
check "the viewer signs in" $(yes_if test "${S%% *}" = 302) "$S"
S=$(page viewer /)
check "the viewer sees the dashboard" $(all $(is "$S" 200) $(has 'class="main"') $(role_shown viewer)) "HTTP $S, $(grep -o '<h1[^>]*>[^<]*' "$WORK/page" | head -1 | sed 's/<h1[^>]*>//')"
S=$(page viewer "/responses/$RESPONSE"); remember_token viewer
check "the viewer reads the case and its thread, without its forms" \
  $(all $(has 'a voucher is on its way') $(lacks 'Send reply') $(lacks 'Save case') $(lacks 'Take it')) "HTTP $S"
for p in /settings /settings/members /settings/alerts /settings/webhooks /settings/widget /settings/languages /settings/imports /workspaces/new; do
  S=$(page viewer "$p")
  check "the viewer cannot open $p" $(yes_if test "$S" = 403) "HTTP $S"
done
# the pages a viewer may read offer no form they would be refused
OFFERED=
for p in / /dashboard/themes /surveys "/surveys/$SURVEY" "/surveys/$SURVEY/delete" "/surveys?archived=true" /campaigns \
    "/campaigns/$CAMPAIGN" "/campaigns/$CAMPAIGN/delete" "/campaigns?archived=true" "/campaigns/new?template=after_purchase" \
    /responses "/responses/$RESPONSE" /contacts; do
  page viewer "$p" >/dev/null
  forms=$(grep -o '<form[^>]*>' "$WORK/page" | grep -i 'method="post"' | grep -o 'action="[^"]*"' | sed 's/action="//; s/"$//' \
    | grep -v '^/logout$\|^/workspace/switch$\|/preview$' | sort -u | tr '\n' ' ')
  [ -z "$forms" ] || OFFERED="$OFFERED $p: $forms;"
done
check "the pages the viewer reads offer them no form that would be refused" $(yes_if test -z "$OFFERED") "${OFFERED:-none}"
page viewer "/responses/$RESPONSE" >/dev/null; remember_token viewer

snapshot() {
  for path in workspace surveys "surveys/$SURVEY" campaigns "campaigns/$CAMPAIGN" members api-keys alert-rules digest \
      webhooks "cases/$CASE" "cases/$CASE/messages" responses contacts workspace/client-settings workspace/identity-secret workspace/texts imports; do
    printf '%s %s ' "$path" "$(api "$BASE/api/v1/$path")"; apibody | jq -S -c 'del(.. | .last_used_at?)' 2>/dev/null || apibody
    echo
  done
}
snapshot >"$WORK/before"
check "the snapshot of the workspace reads every API answer" $(is "$(grep -c '^[a-z].* 200 ' "$WORK/before")" "$(grep -c '^[a-z]' "$WORK/before")") \
  "$(grep -c '^[a-z].* 200 ' "$WORK/before") of $(grep -c '^[a-z]' "$WORK/before") answered 200, $(wc -c <"$WORK/before") bytes"
MAILS_BEFORE=$(( $($MAIL count "$SINK" "$CUSTOMER") + $($MAIL count "$SINK" intruder@team-walk.example) ))
AGENT_ID=$(api "$BASE/api/v1/members" >/dev/null; apibody | jq -r --arg e "$AGENT" '.items[] | select(.email == $e) | .id')
KEY_ID=$(api "$BASE/api/v1/api-keys" >/dev/null; apibody | jq -r '.items[0].id')
RULE_ID=$(api "$BASE/api/v1/alert-rules" >/dev/null; apibody | jq -r '.items[0].id')
CONTACT=$(api "$BASE/api/v1/cases/$CASE" >/dev/null; apibody | jq -r '.contact_id // .contact.id // empty')
[ -n "$CONTACT" ] || CONTACT=$(api "$BASE/api/v1/contacts" >/dev/null; apibody | jq -r '.items[0].id')
IMPORT=$(uuidgen 2>/dev/null || python3 -c 'import uuid; print(uuid.uuid4())')
# every form the admin app posts to, from its page controllers' @PostMapping routes
ROUTES=$(grep -l '^@Controller' -r src/main/java | xargs grep -ho '@PostMapping("[^"]*")' | sed 's/@PostMapping("//; s/")$//' \
  | grep -v '^/s/\|^/l/\|^/account/' | sort -u)
check "admin form routes found in the page controllers" $(yes_if test "$(echo "$ROUTES" | wc -l)" -ge 30) "$(echo "$ROUTES" | wc -l) routes"
HARMLESS='^/workspace/switch$|^/surveys/\{id\}/preview$|^/campaigns/\{id\}/preview$'
for route in $ROUTES; do
  path=$(echo "$route" | sed -e "s#^/surveys/{id}#/surveys/$SURVEY#; s#^/campaigns/{id}#/campaigns/$CAMPAIGN#" \
    -e "s#^/responses/{id}#/responses/$RESPONSE#; s#^/contacts/{id}#/contacts/$CONTACT#" \
    -e "s#^/settings/members/{id}#/settings/members/$AGENT_ID#; s#^/settings/api-keys/{id}#/settings/api-keys/$KEY_ID#" \
    -e "s#^/settings/alerts/{id}#/settings/alerts/$RULE_ID#; s#{id}#$IMPORT#")
  # fields that would change something if the post were let through
  S=$(form viewer "$path" "name=Changed by the viewer" "email=intruder@team-walk.example" "role=owner" "status=resolved" \
    "action=reply" "subject=From the viewer" "body=From the viewer" "answer=From the viewer" "note=From the viewer" \
    "time_zone=UTC" "url=https://hooks.example/viewer" "scope=full" "workspace_id=$OTHER" "confirm=yes" "enabled=false")
  if echo "$route" | grep -Eq "$HARMLESS"; then
    check "viewer POST $route (allowed to any member, changes nothing)" $(yes_if test "${S%% *}" -lt 500) "HTTP ${S%% *}"
  else
    check "viewer POST $route answers 403" $(yes_if test "${S%% *}" = 403) "HTTP $S"
  fi
done
for call in "POST surveys" "PATCH workspace" "POST cases/$CASE/replies"; do
  S=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/viewer.cookies" -H "X-CSRF-TOKEN: ${TOKEN[viewer]}" \
    -H 'Content-Type: application/json' -X "${call%% *}" -d '{"name":"Changed by the viewer","body":"From the viewer"}' "$BASE/api/v1/${call#* }")
  check "viewer's session on ${call%% *} /api/v1/${call#* } is refused" $(yes_if test "$S" = 401 -o "$S" = 403) "HTTP $S"
done
snapshot >"$WORK/after"
MAILS_AFTER=$(( $($MAIL count "$SINK" "$CUSTOMER") + $($MAIL count "$SINK" intruder@team-walk.example) ))
check "nothing the API shows changed" $(yes_if cmp -s "$WORK/before" "$WORK/after") \
  "$(diff "$WORK/before" "$WORK/after" | head -3 | tr '\n' ' ' | cut -c1-200)"
check "no e-mail went out because of the viewer" $(yes_if test "$MAILS_BEFORE" = "$MAILS_AFTER") "$MAILS_BEFORE → $MAILS_AFTER"
ROLE=$(api "$BASE/api/v1/members" >/dev/null; apibody | jq -r --arg e "$AGENT" '.items[] | select(.email == $e) | .role')
S=$(signin agent "$AGENT" "$AGENT_PASSWORD")
check "the agent is still an agent and can still sign in" $(all $(is "$ROLE" agent) $(is "${S%% *}" 302)) "role $ROLE, sign-in $S"

ERRORS=$(grep -c ' ERROR ' "$LOG" || true)
check "the server logged no ERROR line" $(yes_if test "$ERRORS" = 0) "$ERRORS lines$( [ "$ERRORS" = 0 ] || grep -m1 ' ERROR ' "$LOG" | cut -c1-160)"
echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
