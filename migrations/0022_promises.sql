-- Citizen promises (medborgarlöften, issue 23): a short public promise by the local police area
-- and the municipality to act on the problems residents raised, for a stated period, followed
-- up per period with a public account; and the one piece of citizen data samtryg keeps: the
-- e-mail address of someone who asked to hear what became of a promise.

CREATE TABLE promises (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body TEXT NOT NULL DEFAULT '',
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  -- Public once published and, when a day is set, from that day on.
  published INTEGER NOT NULL DEFAULT 0,
  publish_on TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX promises_workspace ON promises (workspace_id, period_start);

-- The problems the promise answers, in the staff's words, in the order they are listed.
CREATE TABLE promise_problems (
  id {{id}},
  promise_id BIGINT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500)
);
CREATE INDEX promise_problems_promise ON promise_problems (promise_id, position);

-- Who signs it, by role (the police area chief, the chair of the municipal board).
CREATE TABLE promise_signatories (
  id {{id}},
  promise_id BIGINT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('police_area_chief', 'municipal_board_chair', 'other')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
);
CREATE INDEX promise_signatories_promise ON promise_signatories (promise_id, position);

-- The initiatives that deliver it and the indicators that show its effect.
CREATE TABLE promise_initiatives (
  promise_id BIGINT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  PRIMARY KEY (promise_id, initiative_id)
);
CREATE TABLE promise_indicators (
  promise_id BIGINT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  indicator_id BIGINT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  PRIMARY KEY (promise_id, indicator_id)
);

-- Measurable commitments: "at least 8 neighbourhood-watch areas", promised beside achieved.
CREATE TABLE promise_commitments (
  id {{id}},
  promise_id BIGINT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  promised DOUBLE PRECISION NOT NULL,
  achieved DOUBLE PRECISION
);
CREATE INDEX promise_commitments_promise ON promise_commitments (promise_id, position);

-- The status at each follow-up with the account residents read; not kept and partly kept are
-- never without one.
CREATE TABLE promise_follow_ups (
  id {{id}},
  promise_id BIGINT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  period TEXT NOT NULL CHECK (length(period) BETWEEN 1 AND 100),
  status TEXT NOT NULL CHECK (status IN ('on_track', 'delayed', 'kept', 'partly_kept',
                                         'not_kept', 'extended')),
  account TEXT NOT NULL DEFAULT '',
  recorded_on TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX promise_follow_ups_promise ON promise_follow_ups (promise_id, recorded_on);

-- Subscribers: the address, the language the page was read in, and when consent was given
-- (NULL until the confirmation link is followed). The confirmation token is kept as its hash;
-- the unsubscribe token is kept as it is, because every notification carries it.
CREATE TABLE promise_subscribers (
  id {{id}},
  promise_id BIGINT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  language TEXT NOT NULL,
  confirm_hash TEXT,
  requested_at TEXT NOT NULL,
  consented_at TEXT,
  unsubscribe_token TEXT NOT NULL
);
CREATE UNIQUE INDEX promise_subscribers_address ON promise_subscribers (promise_id, email);
CREATE UNIQUE INDEX promise_subscribers_confirm ON promise_subscribers (confirm_hash);
CREATE UNIQUE INDEX promise_subscribers_unsubscribe ON promise_subscribers (unsubscribe_token);

-- Subscription requests of the last hour, to slow down a burst from one address or client; the
-- address is kept only as a hash.
CREATE TABLE promise_subscribe_requests (
  client TEXT NOT NULL,
  address_hash TEXT NOT NULL,
  requested_at TEXT NOT NULL
);
CREATE INDEX promise_subscribe_requests_client ON promise_subscribe_requests (client, requested_at);
CREATE INDEX promise_subscribe_requests_address
  ON promise_subscribe_requests (address_hash, requested_at);

-- E-mail waiting to be sent by the server's background queue (core/mail/outbox), with retries:
-- one row per recipient, the text kept once per message however many receive it. A row is
-- deleted once the SMTP server took it, or after its last attempt; a message with no row left
-- goes with it.
CREATE TABLE mail_messages (
  id {{id}},
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE mail_outbox (
  id {{id}},
  message_id BIGINT NOT NULL REFERENCES mail_messages (id) ON DELETE CASCADE,
  recipient TEXT NOT NULL,
  unsubscribe_url TEXT NOT NULL DEFAULT '',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_by TEXT,
  claimed_until TEXT,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, id);
CREATE INDEX mail_outbox_message ON mail_outbox (message_id);
