#!/bin/sh
# Creates the broker instance on first start (user and password from ARTEMIS_USER / ARTEMIS_PASSWORD, role amq as
# broker/broker.xml expects), puts Splice's broker.xml in place, and runs the broker in the foreground.
set -eu
instance=/var/lib/artemis-instance
: "${ARTEMIS_PASSWORD:?set ARTEMIS_PASSWORD}"
if [ ! -f "$instance/bin/artemis" ]; then
  /opt/artemis/bin/artemis create --silent --force --user "${ARTEMIS_USER:-splice}" --password "$ARTEMIS_PASSWORD" \
    --role amq --require-login --no-web --host 0.0.0.0 "$instance"
fi
if [ -f /etc/splice/broker.xml ]; then
  cp /etc/splice/broker.xml "$instance/etc/broker.xml"
fi
exec "$instance/bin/artemis" run
