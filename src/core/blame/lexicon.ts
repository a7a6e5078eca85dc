// Word lists of the blame detector: who can be an agent (people, roles, teams) and what is a system.

/** Roles and groups of people; plurals are recognised too. */
export const ROLES = new Set([
  'engineer', 'developer', 'dev', 'programmer', 'coder', 'operator', 'sre', 'dba', 'admin', 'administrator', 'sysadmin', 'intern', 'hire', 'newcomer',
  'contractor', 'consultant', 'freelancer', 'vendor', 'reviewer', 'approver', 'author', 'committer', 'maintainer', 'owner', 'lead', 'manager', 'pm', 'designer',
  'auditor', 'tester', 'qa', 'analyst', 'architect', 'technician', 'tech', 'staff', 'staffer', 'employee', 'colleague', 'coworker', 'teammate', 'person', 'people',
  'individual', 'human', 'on-call', 'oncall', 'on-caller', 'oncaller', 'responder', 'commander', 'scribe', 'team', 'squad', 'crew', 'ops', 'devops', 'support',
  'specialist', 'expert', 'mentor', 'junior', 'senior', 'guy', 'folks', 'user', 'customer', 'student', 'instructor', 'agent', 'rep', 'representative',
  'player', 'member', 'volunteer', 'secops', 'sec', 'infra', 'netops', 'partner', 'director', 'vp', 'cto', 'ceo', 'executive', 'boss', 'supervisor',
  'tpm', 'captain', 'buddy', 'desk', 'helpdesk', 'personnel', 'officer', 'clerk', 'dispatcher', 'coordinator', 'planner', 'foreman', 'electrician', 'mechanic',
  'deployer', 'requester', 'submitter', 'implementer', 'assignee', 'releaser', 'physician', 'clinician', 'pharmacist', 'informaticist', 'registrar',
  'trader', 'accountant', 'bookkeeper', 'recruiter', 'marketer', 'researcher', 'scientist', 'nurse', 'doctor', 'janitor', 'cleaner', 'courier',
  'implementer', 'steward', 'trainee', 'apprentice', 'newbie', 'shift', 'noc', 'joiner', 'starter', 'liaison',
]);

/** Team words that name software or a function as often as people ("support for IPv6", "infra costs"): people only as the subject of a verb or after "for/from/in". */
export const BARE_TEAMS = new Set(['infra', 'support', 'facilities', 'procurement', 'legal']);

/** Roles that are also names of software (`agent`, `operator`, `support`, `user`): people only with a person-like modifier. */
export const AMBIGUOUS_ROLES = new Set(['agent', 'support', 'user', 'customer', 'player', 'member', 'owner', 'partner', 'infra', 'sec', 'tech', 'rep', 'human', 'author', 'planner', 'coordinator', 'dispatcher', 'scientist', 'joiner', 'starter']);
export const PERSON_MODIFIERS = new Set([
  'support', 'customer', 'service', 'sales', 'human', 'field', 'night-shift', 'shift', 'plant', 'the', 'a', 'an', 'our', 'their', 'his', 'her', 'one', 'that', 'this',
  'each', 'every', 'junior', 'senior', 'new', 'vendor', 'vendors', "vendor's", 'external', 'responsible', 'duty', 'on-call', 'oncall', 'on-site', 'onsite',
  'remote', 'night', 'day', 'weekend', 'lab', 'floor', 'help-desk', 'helpdesk', 'in-house', 'third-party', 'contract', 'contracted', 'it', 'desk', 'hardware',
  'network', 'data', 'delivery', 'rookie', 'trainee', 'apprentice', 'hired', 'outsourced', 'offshore', 'local', 'regional',
  'account', 'technical', 'tier-1', 'tier-2', 'l1', 'l2', 'first-line', 'second-line', 'frontline', 'front-line', 'business', 'product', 'our', 'your', 'my',
]);

export const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself', 'i', 'me', 'my', 'myself', 'you', 'your', 'yourself', 'someone', 'somebody', 'anyone', 'anybody', 'whoever', 'everyone', 'everybody', 'they', 'them', 'their', 'themselves']);
export const WE = new Set(['we', 'us', 'our', 'ourselves', "we've", "we'd", "we'll", "we're"]);
export const NOBODY = new Set(['nobody', 'noone', 'none']);
export const THING_PRONOUNS = new Set(['it', 'this', 'that', 'these', 'those', 'something', 'nothing', 'everything', 'anything', 'there', 'which', 'what', 'its']);

/** Words skipped when looking left for the subject of a verb. */
export const SKIP = new Set([
  'have', 'has', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'do', 'does', 'did', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'also',
  'then', 'just', 'still', 'already', 'not', 'never', 'again', 'only', 'even', 'really', 'simply', 'first', 'later', 'ultimately', 'eventually', 'initially',
  'apparently', 'probably', 'clearly', 'obviously', 'certainly', 'definitely', 'plainly', 'evidently', 'completely', 'totally', 'entirely', 'accidentally', 'mistakenly',
  'inadvertently', 'carelessly', 'unintentionally', 'erroneously', 'wrongly', 'repeatedly', 'once', 'twice', 'all', 'both', 'each', 'again', 'once', 'somehow',
  'basically', 'essentially', 'actually', 'unfortunately', 'sadly', 'frankly', 'honestly', 'personally', 'immediately', 'quickly', 'promptly', 'simply', 'directly',
  'instead', 'however', 'therefore', 'thus', 'so', 'alone', 'too', 'very', 'extremely', 'incredibly', 'utterly', 'pretty', 'quite', 'fairly', 'hopelessly',
  'remarkably', 'truly', 'downright', 'thoroughly', 'seriously', 'badly', 'surely', 'supposedly', 'allegedly', 'quietly', 'silently', 'secretly', 'themselves', 'himself', 'herself', 'myself', 'ourselves', "didn't", "wasn't", "weren't", "hadn't",
  "hasn't", "haven't", "doesn't", "don't", "couldn't", "wouldn't", "shouldn't", 'cannot', "can't", 'then', 'again', 'now', 'ever',
]);

/** Words that start a new clause: looking left for a subject stops there. */
export const CLAUSE_BREAK = new Set(['because', 'since', 'although', 'though', 'while', 'when', 'whenever', 'if', 'unless', 'until', 'before', 'after', 'so', 'but', 'and', 'or', 'whereas', 'as', 'once', 'despite', 'where', 'why', 'how', 'than']);

/** Relative pronouns: "the team, who ignored it" → the subject is before them. */
export const RELATIVE = new Set(['who', 'whom', 'that', 'which']);

/** Systems, artefacts and events: as a subject they make "failed to" / "missed" / "ignored" fine. */
export const SYSTEM_NOUNS = new Set([
  'service', 'server', 'check', 'healthcheck', 'alert', 'alarm', 'breaker', 'job', 'pipeline', 'deploy', 'deployment', 'test', 'suite', 'client', 'gateway', 'cache',
  'database', 'db', 'query', 'script', 'process', 'config', 'configuration', 'monitor', 'bootloader', 'firmware', 'build', 'balancer', 'queue', 'pod', 'node',
  'cluster', 'container', 'instance', 'host', 'machine', 'vm', 'disk', 'volume', 'replica', 'primary', 'shard', 'partition', 'broker', 'consumer', 'producer',
  'worker', 'scheduler', 'cron', 'daemon', 'proxy', 'router', 'switch', 'firewall', 'dns', 'cdn', 'certificate', 'cert', 'token', 'key', 'lock', 'leader',
  'follower', 'api', 'endpoint', 'request', 'response', 'call', 'retry', 'connection', 'transaction', 'payment', 'upload', 'download', 'sync', 'update',
  'upgrade', 'rollout', 'rollback', 'release', 'migration', 'backup', 'restore', 'handshake', 'login', 'signup', 'checkout', 'device', 'phone', 'app',
  'application', 'headset', 'sensor', 'controller', 'camera', 'display', 'screen', 'renderer', 'shader', 'tracker', 'compiler', 'linter', 'contract', 'validator',
  'wallet', 'block', 'chain', 'bridge', 'oracle', 'relayer', 'sequencer', 'mempool', 'rpc', 'frame', 'system', 'subsystem', 'component', 'module', 'library',
  'lib', 'package', 'dependency', 'sdk', 'framework', 'runtime', 'kernel', 'driver', 'os', 'platform', 'tool', 'tooling', 'cli', 'command', 'dashboard', 'page',
  'site', 'website', 'portal', 'ui', 'frontend', 'backend', 'feature', 'flag', 'toggle', 'setting', 'option', 'parameter', 'header', 'field', 'value', 'limit',
  'threshold', 'timeout', 'rule', 'policy', 'probe', 'watchdog', 'canary', 'stage', 'step', 'task', 'workflow', 'action', 'hook', 'webhook', 'handler',
  'listener', 'loop', 'thread', 'fleet', 'image', 'artifact', 'artefact', 'binary', 'bundle', 'apk', 'ipa', 'patch', 'fix', 'hotfix', 'change', 'commit',
  'version', 'schema', 'index', 'table', 'row', 'file', 'log', 'metric', 'graph', 'pager', 'paging', 'notification', 'email', 'e-mail', 'message', 'event',
  'signal', 'stream', 'topic', 'feed', 'network', 'link', 'interface', 'port', 'socket', 'memory', 'cpu', 'gpu', 'battery', 'power', 'storage', 'bucket',
  'object', 'region', 'zone', 'datacenter', 'environment', 'staging', 'production', 'prod', 'outage', 'incident', 'impact', 'failure', 'error', 'bug', 'issue',
  'problem', 'regression', 'attempt', 'traffic', 'load', 'spike', 'peak', 'session', 'tab', 'browser', 'engine', 'game', 'scene', 'asset', 'texture', 'mesh',
  'model', 'pass', 'plan', 'runbook', 'checklist', 'procedure', 'playbook', 'parser', 'serializer', 'scanner', 'analyzer', 'analyser', 'detector', 'filter',
  'limiter', 'resolver', 'loader', 'updater', 'installer', 'uploader', 'poller', 'crawler', 'indexer', 'runner', 'executor', 'orchestrator', 'mirror', 'registry',
  'repo', 'repository', 'branch', 'laptop', 'computer', 'hardware', 'software', 'auth', 'authentication', 'sso', 'ssl', 'tls', 'vpn', 'lambda', 'function',
  'cronjob', 'daemonset', 'statefulset', 'ingress', 'egress', 'sidecar', 'kubelet', 'autoscaler', 'hpa', 'pdb', 'slo', 'sla', 'sli', 'budget', 'estimate',
  'forecast', 'code', 'codebase', 'logic', 'algorithm', 'heuristic', 'timer', 'clock', 'counter', 'nonce', 'gas', 'epoch', 'slot', 'miner', 'attestation',
  'mint', 'swap', 'pool', 'vault', 'price', 'keystore', 'hsm', 'signer', 'signature', 'ota', 'radio', 'modem', 'antenna', 'chip', 'board', 'unit', 'rig', 'lab',
  'simulator', 'emulator', 'webview', 'view', 'widget', 'activity', 'fragment', 'intent', 'apis', 'pr', 'mr', 'ci', 'cd', 'bot', 'exporter', 'importer',
  'collector', 'aggregator', 'replication', 'failover', 'controller', 'operator-controller', 'cronjob', 'script', 'form', 'page', 'report', 'query', 'template',
  'manifest', 'chart', 'helm', 'terraform', 'playbook', 'mesh', 'gateway', 'queue', 'pipeline', 'ticket', 'sdk', 'plugin', 'extension', 'sheet', 'spreadsheet',
  'document', 'doc', 'docs', 'documentation', 'wiki', 'guide', 'instructions', 'approach', 'design', 'architecture', 'setup', 'process', 'procedure', 'control',
  'safeguard', 'guardrail', 'review', 'monitoring', 'alerting', 'logging', 'tracing', 'telemetry', 'pagerduty', 'opsgenie', 'sentry', 'grafana', 'prometheus',
]);

/** Capitalised words that are not people's names (sentence starters, products, days, months). */
export const NOT_NAMES = new Set([
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'we', 'they', 'he', 'she', 'i', 'you', 'our', 'their', 'his', 'her', 'my', 'your', 'a', 'an', 'after',
  'before', 'because', 'when', 'while', 'then', 'once', 'since', 'if', 'nobody', 'somebody', 'someone', 'everyone', 'nothing', 'something', 'everything', 'anyone',
  'no', 'yes', 'also', 'but', 'yet', 'and', 'or', 'so', 'however', 'finally', 'later', 'meanwhile', 'initially', 'eventually', 'today', 'yesterday', 'tonight',
  'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
  'august', 'september', 'october', 'november', 'december', 'rev', 'version', 'deal', 'pass', 'users', 'customers', 'players', 'engineering', 'security', 'legal', 'finance',
  'sales', 'marketing', 'product', 'management', 'leadership', 'android', 'apple', 'google', 'amazon', 'microsoft', 'meta', 'oculus', 'quest', 'vision', 'unity',
  'unreal', 'ethereum', 'bitcoin', 'solana', 'polygon', 'metamask', 'chrome', 'safari', 'firefox', 'windows', 'linux', 'ubuntu', 'debian', 'kubernetes',
  'docker', 'terraform', 'ansible', 'jenkins', 'postgres', 'postgresql', 'mysql', 'redis', 'kafka', 'nginx', 'envoy', 'istio', 'consul', 'vault',
  'elasticsearch', 'cloudflare', 'akamai', 'fastly', 'stripe', 'twilio', 'sentry', 'grafana', 'prometheus', 'datadog', 'pagerduty', 'opsgenie', 'slack', 'jira',
  'github', 'gitlab', 'bitbucket', 'git', 'node', 'python', 'java', 'rust', 'swift', 'kotlin', 'xcode', 'gradle', 'webpack', 'vite', 'react', 'angular', 'vue',
  'lambda', 'fargate', 'heroku', 'vercel', 'netlify', 'firebase', 'supabase', 'mongo', 'mongodb', 'cassandra', 'dynamo', 'dynamodb', 'bigquery', 'snowflake',
  'spark', 'airflow', 'celery', 'sidekiq', 'rabbitmq', 'zookeeper', 'etcd', 'helm', 'argo', 'flux', 'spinnaker', 'bazel', 'maven', 'npm', 'yarn', 'cocoapods',
  'testflight', 'play', 'store', 'iphone', 'ipad', 'pixel', 'samsung', 'qualcomm', 'arm', 'espressif', 'zephyr', 'freertos', 'geth', 'infura', 'alchemy',
  'chainlink', 'uniswap', 'solidity', 'hardhat', 'foundry', 'steam', 'valve', 'hololens', 'magic', 'leap', 'vulkan', 'metal', 'azure', 'aws', 'gcp', 'cloud',
  'deploy', 'config', 'login', 'checkout', 'payments', 'search', 'staging', 'production', 'prod', 'rollout', 'rollback', 'release', 'traffic', 'latency', 'load',
  'alerting', 'monitoring', 'support', 'ops', 'firmware', 'hardware', 'software', 'memory', 'disk', 'power', 'network', 'bluetooth', 'wifi', 'audio', 'video',
  'battery', 'rain', 'heat', 'everybody', 'one', 'each', 'every', 'some', 'many', 'most', 'all', 'both', 'either', 'neither', 'another', 'other', 'such', 'what',
  'which', 'who', 'whose', 'where', 'why', 'how', 'here', 'there', 'now', 'still', 'again', 'instead', 'otherwise', 'unfortunately', 'luckily', 'fortunately',
  'sadly', 'honestly', 'frankly', 'clearly', 'obviously', 'action', 'note', 'update', 'summary', 'impact', 'timeline', 'root', 'cause', 'resolution', 'detected',
  'mitigated', 'resolved', 'started', 'team', 'teams', 'engineers', 'ci', 'qa', 'sre', 'devops', 'let', 'dear', 'hello', 'concourse', 'renovate', 'dependabot',
  'kuberhealthy', 'pingdom', 'statuspage', 'buildkite', 'circleci', 'travis', 'azure', 'okta', 'auth0', 'lastpass', 'onepassword', '1password', 'discord',
  'zoom', 'teams', 'notion', 'confluence', 'linear', 'asana', 'trello', 'freshdesk', 'zendesk', 'hubspot', 'salesforce', 'shopify', 'wordpress', 'drupal',
  'django', 'rails', 'flask', 'spring', 'express', 'next', 'nuxt', 'flutter', 'dart', 'go', 'golang', 'ruby', 'php', 'perl', 'erlang', 'elixir', 'haskell',
  'scala', 'clojure', 'typescript', 'javascript', 'html', 'css', 'json', 'yaml', 'xml', 'sql', 'graphql', 'grpc', 'http', 'https', 'tcp', 'udp', 'ip', 'bgp',
  'ospf', 'ntp', 'ssh', 'ftp', 'smtp', 'imap', 'ldap', 'saml', 'oauth', 'jwt', 'pypi', 'warehouse', 'homebrew', 'brew', 'pip', 'cargo', 'crates', 'hive', 'besu',
  'nimbus', 'teku', 'lighthouse', 'prysm', 'lodestar', 'erigon', 'nethermind', 'reth', 'optimism', 'bedrock', 'immunefi', 'kovan', 'goerli', 'sepolia',
  'holesky', 'ropsten', 'rinkeby', 'mainnet', 'testnet', 'devnet', 'eks', 'gke', 'aks', 'ec2', 's3', 'rds', 'iam', 'kms', 'sqs', 'sns', 'ecs', 'elb', 'alb',
  'nlb', 'vpc', 'route53', 'cloudfront', 'cloudwatch', 'linode', 'digitalocean', 'hetzner', 'ovh', 'vultr', 'nodebalancer', 'kibana', 'logstash', 'loki',
  'tempo', 'jaeger', 'zipkin', 'splunk', 'newrelic', 'honeycomb', 'lightstep', 'opentelemetry', 'traefik', 'haproxy', 'varnish', 'squid', 'caddy', 'apache',
  'tomcat', 'jetty', 'gunicorn', 'uwsgi', 'puma', 'unicorn', 'passenger', 'systemd', 'upstart', 'supervisord', 'cron', 'anacron', 'logrotate', 'rsync',
  'first', 'second', 'third', 'next', 'last', 'several', 'few', 'during', 'despite', 'given', 'without', 'with', 'for', 'from', 'in', 'on', 'at', 'by', 'to',
  'of', 'as', 'although', 'though', 'whether', 'unless', 'until', 'upon', 'per', 'via', 'around', 'about', 'over', 'under', 'between', 'among', 'through',
  'root', 'primary', 'cause', 'outcome', 'result', 'conclusion', 'lesson', 'lessons', 'note', 'notes', 'context', 'background', 'overview', 'had', 'has',
  'have', 'was', 'were', 'is', 'are', 'did', 'do', 'does', 'should', 'could', 'would', 'will', 'can', 'must', 'might', 'shall', 'add', 'make', 'create',
  'wow', 'ugh', 'oops', 'ok', 'okay', 'well', 'sigh', 'yikes', 'lol', 'hmm', 'alas', 'oh', 'ah', 'great', 'nice', 'guess', 'look', 'todo', 'fyi', 'ps', 'nb',
  'verdict', 'follow-up', 'followup', 'owner', 'owners', 'status', 'decision', 'finding', 'findings', 'investigators', 'management', 'per', 'closing', 'closed',
  'put', 'fire', 'retrain', 'revoke', 'ensure', 'remind', 'ask', 'tell', 'warn', 'name', 'send', 'hold', 'give', 'assign', 'document', 'write', 'review',
  'fix', 'set', 'use', 'move', 'run', 'stop', 'start', 'keep', 'remove', 'introduce', 'require', 'schedule', 'discipline', 'reprimand', 'suspend', 'ban',
  'train', 'pair', 'replace', 'investigate', 'improve', 'automate', 'enable', 'disable', 'block', 'allow', 'limit', 'track', 'check', 'test', 'verify',
  // Well-known infrastructure and operations software (a capitalised subject that fails is a product).
  'mattermost', 'rocketchat', 'zulip', 'sentinel', 'nagios', 'zabbix', 'icinga', 'sensu', 'victorops', 'bugsnag', 'rollbar', 'linkerd', 'calico', 'cilium', 'flannel', 'coredns', 'keepalived', 'pacemaker', 'corosync', 'patroni', 'pgbouncer', 'pgpool', 'vitess', 'citus', 'cockroach', 'cockroachdb', 'tidb', 'yugabyte', 'scylla', 'couchbase', 'couchdb', 'riak', 'memcached', 'valkey', 'nats', 'pulsar', 'activemq', 'mosquitto', 'kinesis', 'firehose', 'aurora', 'bigtable', 'spanner', 'redshift', 'databricks', 'dagster', 'prefect', 'nifi', 'flink', 'hadoop', 'presto', 'trino', 'druid', 'pinot', 'clickhouse', 'fluentd', 'fluentbit', 'promtail', 'thanos', 'cortex', 'mimir', 'alertmanager', 'puppet', 'chef', 'pulumi', 'packer', 'vagrant', 'nomad', 'argocd', 'tekton', 'teamcity', 'bamboo', 'gerrit', 'artifactory', 'nexus', 'harbor', 'quay', 'velero', 'restic', 'bacula', 'karpenter', 'keda', 'knative', 'crossplane', 'backstage',
]);

/** Verbs of noticing and helping: a person as their subject is credited, not blamed. */
export const CREDIT_VERBS = new Set([
  'noticed', 'notices', 'spotted', 'spots', 'caught', 'catches', 'found', 'finds', 'flagged', 'flags', 'alerted', 'alerts', 'reported', 'reports', 'fixed', 'fixes',
  'helped', 'helps', 'realized', 'realised', 'realizes', 'discovered', 'discovers', 'identified', 'identifies', 'saved', 'saves', 'rescued', 'recovered',
  'restored', 'resolved', 'escalated', 'investigated', 'looked', 'happened', 'checked', 'saw', 'sees', 'warned', 'raised', 'pointed', 'traced', 'diagnosed',
  'mitigated', 'stopped', 'prevented', 'paged', 'responded', 'answered', 'acknowledged', 'joined', 'coordinated', 'led', 'worked', 'stayed', 'volunteered',
  'suggested', 'suggests', 'proposed', 'proposes', 'recommended', 'recommends', 'insisted', 'asked', 'offered',
]);

/** Common first names of many cultures (a person even at the start of a sentence). */
export const FIRST_NAMES = new Set([
  'aaron', 'abby', 'adam', 'adrian', 'ahmed', 'aisha', 'alan', 'alex', 'alice', 'amir', 'amy', 'ana', 'andrea', 'andrew', 'angela', 'anna', 'anne', 'arjun',
  'ben', 'bob', 'brian', 'carla', 'carlos', 'chen', 'chris', 'claire', 'dan', 'daniel', 'dave', 'david', 'diego', 'elena', 'emma', 'eric', 'fatima', 'felix',
  'fiona', 'frank', 'george', 'grace', 'hana', 'hannah', 'hugo', 'igor', 'ingrid', 'ivan', 'jack', 'james', 'jan', 'jane', 'jason', 'jay', 'jen', 'jenny',
  'jim', 'joe', 'john', 'jose', 'juan', 'julia', 'kai', 'karen', 'kate', 'ken', 'kenji', 'kevin', 'kim', 'kofi', 'lara', 'laura', 'lena', 'leo', 'li', 'lisa',
  'lucas', 'luis', 'maria', 'mark', 'marco', 'mary', 'matt', 'max', 'mei', 'mia', 'michael', 'mike', 'mohammed', 'nadia', 'naveen', 'nick', 'nina', 'noah',
  'olga', 'omar', 'paul', 'pedro', 'peter', 'priya', 'rahul', 'raj', 'ravi', 'rosa', 'ryan', 'sam', 'sara', 'sarah', 'sofia', 'sophie', 'steve', 'sven',
  'tariq', 'thabo', 'tom', 'tim', 'tina', 'tony', 'wei', 'yuki', 'yusuf', 'zanele', 'zoe', 'aleksander', 'bo', 'dmitri', 'esther', 'kwame', 'lin', 'ngozi',
  // Names that look like other words to the suffix rules (-ed, -ly, -ing, -ence, -ity …).
  'ahmed', 'mohamed', 'muhammed', 'ned', 'ted', 'fred', 'reed', 'jed', 'emily', 'lily', 'kelly', 'holly', 'molly', 'sally', 'billy', 'shelly', 'beverly',
  'kimberly', 'ashley', 'stanley', 'bradley', 'wesley', 'shirley', 'hayley', 'riley', 'finley', 'charity', 'trinity', 'florence', 'clarence', 'terence',
  'laurence', 'lawrence', 'prudence', 'ming', 'ling', 'jing', 'ping', 'xing', 'ying', 'qing', 'bing', 'ding', 'irving', 'sterling', 'manning', 'fleming',
  'ali', 'james', 'charles', 'thomas', 'nicolas', 'nicholas', 'marcus', 'lucas', 'jonas', 'andreas', 'tomas', 'matthias', 'tobias', 'elias', 'agnes',
  'frances', 'douglas', 'dennis', 'francis', 'phyllis', 'doris', 'iris', 'lewis', 'louis', 'travis', 'curtis', 'carlos', 'marcos', 'nikolas', 'klaus', 'hans',
  // Given names and nicknames of many languages, as people write them in chat and retros (lower case included).
  'kev', 'nik', 'niko', 'nikhil', 'rajesh', 'ramesh', 'suresh', 'mahesh', 'ganesh', 'dinesh', 'prakash', 'vikram', 'vivek', 'anil', 'sunil',
  'deepak', 'amit', 'sanjay', 'rohan', 'rohit', 'arun', 'kiran', 'pooja', 'neha', 'anjali', 'sneha', 'divya', 'kavya', 'meera', 'lakshmi', 'sipho',
  'thandiwe', 'lerato', 'themba', 'bongani', 'kagiso', 'ayodele', 'chinedu', 'emeka', 'oluwaseun', 'tunde', 'yemi', 'amara', 'kwabena', 'akosua',
  'abena', 'kojo', 'wanjiru', 'otieno', 'achieng', 'njeri', 'mehmet', 'ahmet', 'emre', 'burak', 'elif', 'zeynep', 'ayse', 'fatma', 'murat', 'kemal',
  'oguz', 'deniz', 'selin', 'oksana', 'olena', 'taras', 'bohdan', 'iryna', 'yulia', 'natasha', 'svetlana', 'sergei', 'sergey', 'alexei', 'andrei',
  'nikolai', 'pavel', 'dmitry', 'mikhail', 'vladimir', 'anastasia', 'ekaterina', 'tatiana', 'tomasz', 'piotr', 'krzysztof', 'pawel', 'marek',
  'katarzyna', 'agnieszka', 'magdalena', 'malgorzata', 'jakub', 'kacper', 'wojciech', 'lukasz', 'jurgen', 'uwe', 'dieter', 'helmut', 'wolfgang',
  'katrin', 'birgit', 'stefan', 'stephan', 'markus', 'florian', 'lukas', 'niklas', 'lars', 'erik', 'anders', 'magnus', 'bjorn', 'nils', 'johan',
  'henrik', 'mikael', 'astrid', 'sigrid', 'freya', 'maja', 'elin', 'hiroshi', 'takeshi', 'kenta', 'haruto', 'yuto', 'sota', 'akira', 'yuka', 'aiko',
  'sakura', 'meiling', 'xiaoming', 'jie', 'minjun', 'seojun', 'jiwoo', 'jisoo', 'minji', 'seoyeon', 'hyun', 'sungmin', 'nguyen', 'linh', 'thanh',
  'huong', 'anh', 'duc', 'pablo', 'javier', 'alejandro', 'miguel', 'rafael', 'fernando', 'alvaro', 'sergio', 'lucia', 'carmen', 'pilar', 'marta',
  'paula', 'valentina', 'camila', 'daniela', 'mariana', 'joao', 'tiago', 'goncalo', 'ines', 'beatriz', 'leonor', 'giulia', 'giorgio', 'luca',
  'matteo', 'lorenzo', 'francesco', 'alessandro', 'chiara', 'federica', 'elisa', 'olu', 'olusegun', 'bola', 'funmi', 'kemi', 'aigerim', 'nurlan',
  'askar', 'mohammad', 'muhammad', 'hamid', 'hassan', 'hussein', 'karim', 'rania', 'yasmin', 'layla', 'leila', 'farid', 'faris', 'samir', 'salma',
  'jessica', 'jennifer', 'michelle', 'stephanie', 'nicole', 'rebecca', 'rachel', 'samantha', 'megan', 'lauren', 'brittany', 'heather', 'amanda',
  'melissa', 'kayla', 'tyler', 'kyle', 'brandon', 'justin', 'josh', 'joshua', 'zach', 'zachary', 'ethan', 'logan', 'dylan', 'cody', 'derek',
  'trevor', 'garrett', 'dustin', 'priyanka', 'arvind', 'harish', 'sandeep', 'venkat', 'srini', 'srinivas', 'ravindra', 'niamh', 'siobhan', 'aoife',
  'ciara', 'roisin', 'eoin', 'ciaran', 'seamus', 'padraig', 'ruairi', 'davey', 'mick', 'mickey', 'benji', 'charlie', 'jamie', 'robbie', 'stevie',
  'danny', 'tommy', 'freddie', 'archie', 'alfie', 'ollie', 'harry',
]);
