// Pattern engine for the `blame-wording` rule.
//
// Finds wording that points at PEOPLE as the cause of an incident ("human error", "Dave's fault",
// "the engineer should have checked", "because Dave pushed") and proposes a blameless rewording that
// points at systems and processes instead. Pure TypeScript: no `vscode` import.
//
// Design notes
// - Every built-in pattern is one global RegExp compiled once. None of them can start matching at an
//   arbitrary position with an unbounded quantifier in front of a literal, so each runs in linear time
//   (see `allBlameRegexes()` and the adversarial timing test).
// - Patterns whose wording is fine for machines ("failed to", "should have", "was supposed to", ...)
//   set `personSubject`: they only report when the grammatical subject found before the phrase is a
//   person, a role, a pronoun, a name or @handle, or cannot be determined; a known system noun
//   ("the circuit breaker failed to open") or a thing pronoun ("it should have been caught") is fine.
// - Patterns that need a capitalised name are compiled without the `i` flag; their literal words are
//   made case-insensitive by `ci()` so "Because Dave pushed" and "because Dave pushed" both match
//   while "because traffic spiked" does not.

export type BlameSeverity = 'warning' | 'info';

export interface BlamePattern {
  /** Stable id, e.g. `human-error`. */
  id: string;
  /** What the pattern catches, for docs. */
  description: string;
  /** A sentence it flags, for docs. */
  example: string;
  /** One short sentence shown in the diagnostic. */
  why: string;
  /** Blameless rewording advice that redirects attention to systems and processes. */
  suggestion: string;
  /**
   * Literal text that can replace the match in a quick fix, when a mechanical rewording exists.
   * A function may return `undefined` when the particular match has no safe rewording.
   */
  replacement?: string | ((m: RegExpExecArray) => string | undefined);
  /** Defaults to `warning`. */
  severity?: BlameSeverity;
  /** Only reported inside action items. */
  actionItemsOnly?: boolean;
  /** Global regex. `m.index`/`m[0]` give the reported span. */
  regex: RegExp;
  /** Only report when the grammatical subject before the match is a person or cannot be determined. */
  personSubject?: boolean;
  /** Extra veto for a candidate match (`m.input` is the whole text). */
  accept?: (m: RegExpExecArray) => boolean;
}

export interface BlameMatch {
  patternId: string;
  /** Offsets into the analysed text; `text.slice(start, end) === match.text`. */
  start: number;
  end: number;
  text: string;
  why: string;
  suggestion: string;
  replacement?: string;
  severity: BlameSeverity;
}

export interface BlameOptions {
  /** The text is (part of) an action item: enables `actionItemsOnly` patterns. */
  inActionItem?: boolean;
  /** User patterns from settings: `/source/flags`, a regex source, or a plain phrase. */
  extraPatterns?: string[];
  /** Phrases that are never flagged: a match overlapping one of them is dropped. */
  allow?: string[];
}

// ---------------------------------------------------------------------------------------------
// Word lists

/** People and roles: as a subject, they make "failed to" / "should have" read as blame. */
const PERSON_WORDS = new Set([
  'engineer', 'engineers', 'developer', 'developers', 'dev', 'devs', 'operator', 'operators', 'ops',
  'sre', 'sres', 'team', 'teams', 'someone', 'somebody', 'nobody', 'everyone', 'everybody', 'anyone',
  'anybody', 'he', 'she', 'they', 'we', 'i', 'you', 'us', 'on-call', 'oncall', 'on-caller', 'responder',
  'responders', 'owner', 'owners', 'reviewer', 'reviewers', 'author', 'authors', 'admin', 'admins',
  'administrator', 'administrators', 'sysadmin', 'sysadmins', 'dba', 'dbas', 'lead', 'leads', 'manager',
  'managers', 'contractor', 'contractors', 'intern', 'interns', 'staff', 'person', 'people', 'human',
  'humans', 'tester', 'testers', 'qa', 'technician', 'technicians', 'employee', 'employees', 'individual',
  'individuals', 'colleague', 'colleagues', 'coworker', 'coworkers', 'hire', 'hires', 'newcomer',
  'newcomers', 'architect', 'architects', 'designer', 'designers', 'analyst', 'analysts', 'programmer',
  'programmers', 'coder', 'coders', 'committer', 'committers', 'maintainer', 'maintainers', 'approver',
  'approvers', 'support', 'mentor', 'mentors', 'whoever', 'myself', 'himself', 'herself', 'themselves',
  'ourselves', 'yourself', 'guy', 'guys',
]);

/** Pronouns and words that stand for a thing, not a person. */
const THING_WORDS = new Set(['it', 'this', 'these', 'those', 'something', 'nothing', 'everything', 'anything', 'there']);

/** Systems, artefacts and events: as a subject, they make "failed to" / "should have" fine. */
const SYSTEM_NOUNS = new Set([
  'service', 'server', 'check', 'healthcheck', 'alert', 'alarm', 'breaker', 'job', 'pipeline', 'deploy',
  'deployment', 'test', 'suite', 'client', 'gateway', 'cache', 'database', 'db', 'query', 'script',
  'process', 'config', 'configuration', 'monitor', 'bootloader', 'firmware', 'build', 'balancer', 'queue',
  'pod', 'node', 'cluster', 'container', 'instance', 'host', 'machine', 'vm', 'disk', 'volume', 'replica',
  'primary', 'shard', 'partition', 'broker', 'consumer', 'producer', 'worker', 'scheduler', 'cron',
  'daemon', 'agent', 'proxy', 'router', 'switch', 'firewall', 'dns', 'cdn', 'certificate', 'cert',
  'token', 'key', 'lock', 'leader', 'follower', 'api', 'endpoint', 'request', 'response', 'call',
  'retry', 'retries', 'connection', 'transaction', 'payment', 'upload', 'download', 'sync', 'update',
  'upgrade', 'rollout', 'rollback', 'release', 'migration', 'backup', 'restore', 'handshake', 'login',
  'signup', 'checkout', 'device', 'phone', 'app', 'application', 'headset', 'sensor', 'controller',
  'camera', 'display', 'screen', 'renderer', 'shader', 'tracker', 'compiler', 'linter', 'contract',
  'validator', 'wallet', 'block', 'chain', 'bridge', 'oracle', 'relayer', 'sequencer', 'mempool', 'rpc',
  'frame', 'system', 'subsystem', 'component', 'module', 'library', 'lib', 'package', 'dependency',
  'sdk', 'framework', 'runtime', 'kernel', 'driver', 'os', 'platform', 'tool', 'tooling', 'cli',
  'command', 'dashboard', 'page', 'site', 'website', 'portal', 'ui', 'frontend', 'backend', 'feature',
  'flag', 'toggle', 'setting', 'option', 'parameter', 'header', 'field', 'value', 'limit', 'threshold',
  'timeout', 'rule', 'policy', 'probe', 'watchdog', 'canary', 'stage', 'step', 'task', 'workflow',
  'action', 'hook', 'webhook', 'handler', 'listener', 'loop', 'thread', 'fleet', 'gateway', 'image',
  'artifact', 'artefact', 'binary', 'bundle', 'apk', 'ipa', 'patch', 'fix', 'hotfix', 'change',
  'commit', 'version', 'schema', 'index', 'table', 'row', 'file', 'log', 'logs', 'metric', 'metrics',
  'graph', 'pager', 'paging', 'notification', 'email', 'message', 'event', 'signal', 'stream', 'topic',
  'feed', 'network', 'link', 'interface', 'port', 'socket', 'memory', 'cpu', 'gpu', 'battery', 'power',
  'storage', 'bucket', 'object', 'region', 'zone', 'datacenter', 'environment', 'staging', 'production',
  'prod', 'outage', 'incident', 'impact', 'failure', 'error', 'bug', 'issue', 'problem', 'regression',
  'attempt', 'traffic', 'load', 'spike', 'peak', 'session', 'tab', 'browser', 'player', 'engine', 'game',
  'scene', 'asset', 'texture', 'mesh', 'model', 'pass', 'plan', 'runbook', 'checklist', 'procedure',
  'playbook', 'parser', 'serializer', 'validator', 'scanner', 'analyzer', 'analyser', 'detector',
  'filter', 'limiter', 'balancer', 'resolver', 'loader', 'updater', 'installer', 'uploader', 'poller',
  'crawler', 'indexer', 'runner', 'executor', 'orchestrator', 'operator-controller', 'mirror', 'registry',
  'repo', 'repository', 'branch', 'laptop', 'computer', 'hardware', 'software', 'tracking', 'login',
  'auth', 'authentication', 'sso', 'ssl', 'tls', 'vpn', 'lambda', 'function', 'cronjob', 'daemonset',
  'statefulset', 'ingress', 'egress', 'mesh', 'sidecar', 'kubelet', 'scheduler', 'autoscaler', 'hpa',
  'pdb', 'slo', 'sla', 'sli', 'budget', 'estimate', 'forecast', 'code', 'codebase', 'logic', 'algorithm',
  'heuristic', 'cron', 'timer', 'clock', 'counter', 'nonce', 'gas', 'block', 'epoch', 'slot', 'miner',
  'attestation', 'mint', 'swap', 'pool', 'vault', 'feed', 'price', 'oracle', 'keystore', 'hsm', 'signer',
  'signature', 'ota', 'radio', 'modem', 'antenna', 'chip', 'board', 'unit', 'units', 'rig', 'lab',
  'simulator', 'emulator', 'webview', 'view', 'widget', 'activity', 'fragment', 'intent', 'sdk', 'apis',
]);

/** Capitalised words that are not people's names (sentence starters, products, days, months). */
const NOT_NAMES = new Set([
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'we', 'they', 'he', 'she', 'i', 'you', 'our',
  'their', 'his', 'her', 'my', 'your', 'a', 'an', 'after', 'before', 'because', 'when', 'while', 'then',
  'once', 'since', 'if', 'nobody', 'somebody', 'someone', 'everyone', 'nothing', 'something',
  'everything', 'anyone', 'no', 'yes', 'also', 'but', 'and', 'or', 'so', 'however', 'finally', 'later',
  'meanwhile', 'initially', 'eventually', 'today', 'yesterday', 'tonight', 'tomorrow', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'rev', 'version',
  'users', 'customers', 'players', 'engineering', 'security', 'legal', 'finance', 'sales', 'marketing',
  'product', 'management', 'leadership', 'android', 'apple', 'google', 'amazon', 'microsoft', 'meta',
  'oculus', 'quest', 'vision', 'unity', 'unreal', 'ethereum', 'bitcoin', 'solana', 'polygon', 'metamask',
  'chrome', 'safari', 'firefox', 'windows', 'linux', 'ubuntu', 'debian', 'kubernetes', 'docker',
  'terraform', 'ansible', 'jenkins', 'postgres', 'postgresql', 'mysql', 'redis', 'kafka', 'nginx',
  'envoy', 'istio', 'consul', 'vault', 'elasticsearch', 'cloudflare', 'akamai', 'fastly', 'stripe',
  'twilio', 'sentry', 'grafana', 'prometheus', 'datadog', 'pagerduty', 'opsgenie', 'slack', 'jira',
  'github', 'gitlab', 'bitbucket', 'git', 'node', 'python', 'java', 'rust', 'swift', 'kotlin', 'xcode',
  'gradle', 'webpack', 'vite', 'react', 'angular', 'vue', 'lambda', 'fargate', 'heroku', 'vercel',
  'netlify', 'firebase', 'supabase', 'mongo', 'mongodb', 'cassandra', 'dynamo', 'dynamodb', 'bigquery',
  'snowflake', 'spark', 'airflow', 'celery', 'sidekiq', 'rabbitmq', 'zookeeper', 'etcd', 'helm', 'argo',
  'flux', 'spinnaker', 'bazel', 'maven', 'npm', 'yarn', 'cocoapods', 'testflight', 'play', 'store',
  'iphone', 'ipad', 'pixel', 'samsung', 'qualcomm', 'arm', 'espressif', 'zephyr', 'freertos', 'geth',
  'infura', 'alchemy', 'chainlink', 'uniswap', 'solidity', 'hardhat', 'foundry', 'steam', 'valve',
  'hololens', 'magic', 'leap', 'vulkan', 'metal', 'azure', 'aws', 'gcp', 'cloud', 'deploy', 'config',
  'login', 'checkout', 'payments', 'search', 'staging', 'production', 'prod', 'rollout', 'rollback',
  'release', 'traffic', 'latency', 'load', 'alerting', 'monitoring', 'support', 'ops', 'firmware',
  'hardware', 'software', 'memory', 'disk', 'power', 'network', 'bluetooth', 'wifi', 'audio', 'video',
  'battery', 'rain', 'heat', 'nobody', 'everybody', 'one', 'each', 'every', 'some', 'many', 'most',
  'all', 'both', 'either', 'neither', 'another', 'other', 'such', 'what', 'which', 'who', 'whose',
  'where', 'why', 'how', 'here', 'there', 'now', 'still', 'again', 'instead', 'otherwise', 'unfortunately',
  'luckily', 'fortunately', 'sadly', 'honestly', 'frankly', 'clearly', 'obviously', 'action', 'note',
  'update', 'summary', 'impact', 'timeline', 'root', 'cause', 'resolution', 'detected', 'mitigated',
  'resolved', 'started', 'team', 'teams', 'engineers', 'someone', 'ci', 'qa', 'sre', 'devops', 'let', 'dear', 'hello',
]);

const DETERMINERS = new Set([
  'the', 'a', 'an', 'our', 'its', 'this', 'that', 'these', 'those', 'each', 'every', 'any', 'some', 'no',
  'his', 'her', 'their', 'my', 'your', 'another', 'which', 'whose',
]);

/** Words skipped when looking for a subject (auxiliaries, adverbs, relative pronouns). */
const SKIP_WORDS = new Set([
  'who', 'whom', 'that', 'which', 'have', 'has', 'had', 'was', 'were', 'is', 'are', 'be', 'been',
  'being', 'do', 'does', 'did', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'also',
  'then', 'just', 'still', 'already', 'not', 'never', 'again', 'all', 'both', 'each', 'only', 'even',
  'really', 'simply', 'first', 'later', 'ultimately', 'eventually', 'initially', 'apparently',
  'probably', 'clearly', 'obviously', 'certainly', 'definitely',
]);

/** A subject clause starts after these; reaching one without a subject means "unknown". */
const SUBORDINATORS = new Set([
  'because', 'but', 'while', 'although', 'though', 'when', 'whenever', 'if', 'unless', 'since', 'so',
  'until', 'before', 'after', 'where', 'whereas',
]);

const COORDINATORS = new Set(['and', 'but', 'then', 'or', 'yet']);

const NOMINALISATION = /(?:tion|sion|ment|ness|ity|ency|ancy|ance|ism|ogy|ure)$/;

function isNominalisation(lw: string): boolean {
  return NOMINALISATION.test(lw) || (lw.length >= 6 && lw.endsWith('ing'));
}

function singular(lw: string): string {
  if (lw.endsWith('ies') && lw.length > 4) return lw.slice(0, -3) + 'y';
  if (/(?:ches|shes|sses|xes)$/.test(lw)) return lw.slice(0, -2);
  if (lw.endsWith('s') && !lw.endsWith('ss') && lw.length > 3) return lw.slice(0, -1);
  return lw;
}

function isSystemNoun(lw: string): boolean {
  const last = lw.includes('-') ? lw.slice(lw.lastIndexOf('-') + 1) : lw;
  return SYSTEM_NOUNS.has(last) || SYSTEM_NOUNS.has(singular(last));
}

const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;

/** A capitalised word that plausibly is a person's given name or surname. */
function isNameWord(w: string): boolean {
  if (!CAPITALISED_WORD.test(w)) return false;
  const lw = w.toLowerCase();
  if (NOT_NAMES.has(lw) || PERSON_WORDS.has(lw) || THING_WORDS.has(lw)) return false;
  if (isSystemNoun(lw) || isNominalisation(lw)) return false;
  return true;
}

/** A `NAME` capture: an @handle, or one or two capitalised name words. */
function isPersonName(s: string | undefined): boolean {
  if (!s) return false;
  if (s.startsWith('@')) return !/^@(?:here|channel|everyone|all)$/i.test(s);
  return s.split(/\s+/).every(isNameWord);
}

// ---------------------------------------------------------------------------------------------
// Regex building blocks

/** Makes the ASCII letters of a regex source case-insensitive without the `i` flag. */
function ci(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const n = src[i + 1];
      if ((n === 'p' || n === 'P') && src[i + 2] === '{') {
        const close = src.indexOf('}', i);
        out += src.slice(i, close + 1);
        i = close;
      } else {
        out += c + n;
        i++;
      }
      continue;
    }
    if (inClass) {
      out += c;
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    if (c === '(' && src[i + 1] === '?' && src[i + 2] === '<' && /[A-Za-z]/.test(src[i + 3])) {
      const close = src.indexOf('>', i);
      out += src.slice(i, close + 1);
      i = close;
      continue;
    }
    out += /[A-Za-z]/.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
  }
  return out;
}

/** An @handle or one/two capitalised words (validated by `isPersonName`). Case-sensitive. */
const NAME = String.raw`(?:@[\p{L}\p{N}_](?:[\p{L}\p{N}._-]*[\p{L}\p{N}_])?|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)`;
/** Not inside a word, handle or path. */
const NOT_AFTER_WORD = String.raw`(?<![\p{L}\p{N}_@.'’/-])`;
/** The end of a name: not followed by more word characters or a possessive. */
const NAME_END = String.raw`(?![\p{L}\p{N}_'’-])`;
const APOS = `['’]`;

const ROLE = String.raw`(?:on-?call(?:\s+engineer|\s+developer|\s+sre)?|engineer|developer|dev|operator|sre|dba|admin|sysadmin|intern|contractor|reviewer|approver|tester|technician|employee|person|individual|new\s+hire|lead)(?!\s+(?:team|teams|environment|env|server|box|build|branch|portal|tools?|tooling|docs?|channel|rotation|schedule|handbook|runbook|queue|pager|phone|laptop|account|process|guide)\b)`;
/** Lowercase person targets (objects): pronouns and "the (modifier) role". */
const PERSON_OBJECT_CI = ci(String.raw`(?:him|her|them|someone|somebody|the\s+(?:\p{L}{1,30}(?:-\p{L}{1,30})?\s+)?` + ROLE + String.raw`(?:\s+responsible|\s+involved|\s+at\s+fault)?|an?\s+(?:\p{L}{1,30}(?:-\p{L}{1,30})?\s+)?` + ROLE + String.raw`|those\s+responsible|the\s+people\s+responsible|whoever\s+\p{L}+)`);
/** Person target group (capture 1 is the name when a name matched). */
const TARGET = String.raw`(?:(${NAME})|${PERSON_OBJECT_CI})${NAME_END}`;

/** Past-tense or participle verb forms (regular `-ed` plus common irregulars). */
const IRREGULAR_PAST = String.raw`known|seen|done|caught|run|taken|written|gone|been|read|kept|made|found|given|thought|told|set|put|hit|spoken|chosen|understood|built|sent|held|left|brought|shut|got|gotten|begun|drawn|driven|fallen|felt|forgotten|frozen|heard|hidden|laid|led|lost|meant|met|paid|proven|said|sold|shown|spent|split|spun|stood|struck|swept|taught|thrown|torn|undone|won|withdrawn|worn|overridden|rebuilt|rerun|rewritten|broken`;
const PARTICIPLE = String.raw`(?:\p{L}+(?:-\p{L}+)*ed|${IRREGULAR_PAST})`;
const ADVERB = String.raw`(?:\p{L}+ly|also|just|already|first|never|really|at least|even)`;
/** Simple past after a name ("Dave pushed", "Dave ran", "Dave didn't check"). Lowercase verbs. */
const SIMPLE_PAST =
  '(?:' + ci(String.raw`(?:accidentally|mistakenly|inadvertently|unknowingly|just|then|also|had)\s+`) + ')?' +
  '(?:' + ci(String.raw`(?:didn['’]t|did\s+not|never|hadn['’]t|had\s+not|forgot\s+to|failed\s+to|neglected\s+to)\s+`) + String.raw`\p{L}+` +
  String.raw`|\p{Ll}+(?:-\p{Ll}+)*ed|` +
  ci(String.raw`broke|ran|forgot|made|took|put|set|sent|wrote|left|hit|did|went|chose|gave|got|let|overrode|overwrote|rebuilt|built|undid|shut|cut|threw|brought|kept|lost|tore|swept|struck|spun|began|drew|drove|hid|sold|split|stuck|upset|withdrew`) +
  ')';

/** Verbs whose naming of a person is credit, not blame ("because Priya noticed the spike"). */
const POSITIVE_VERBS = new Set([
  'noticed', 'spotted', 'caught', 'flagged', 'reported', 'escalated', 'paged', 'alerted', 'raised', 'fixed',
  'reverted', 'restored', 'mitigated', 'resolved', 'helped', 'found', 'discovered', 'identified',
  'diagnosed', 'investigated', 'responded', 'acted', 'joined', 'volunteered', 'stepped', 'recognized',
  'recognised', 'suggested', 'proposed', 'remembered', 'confirmed', 'verified', 'validated', 'tested',
  'rolled', 'recovered', 'saved', 'prevented', 'stopped', 'halted', 'paused', 'contained', 'documented',
  'explained', 'coordinated', 'communicated', 'asked', 'checked', 'warned', 'called', 'opened', 'declared',
  'led',
]);

/** Words after "error"/"mistake" that make it a technical term ("their error handling"). */
const ERROR_TECH = String.raw`(?![\s-]+(?:handling|handler|handlers|rate|rates|budget|budgets|code|codes|message|messages|log|logs|path|paths|page|pages|count|counts|boundary|boundaries|state|states|class|type|types|response|responses|bar|banner|toast|dialog|screen|reporting|reports?|tracking|spike|spikes|screen|string|strings|correction|detection)\b)`;

function re(source: string, flags = 'giu'): RegExp {
  return new RegExp(source, flags);
}

// ---------------------------------------------------------------------------------------------
// Context helpers

/** Start of the clause containing `index` (after `.`, `!`, `?`, `;`, `:`, a dash, a pipe, a bracket or a blank line). */
function clauseStart(text: string, index: number, maxBack = 200): number {
  const min = Math.max(0, index - maxBack);
  for (let i = index - 1; i >= min; i--) {
    const c = text[i];
    const next = text[i + 1] ?? ' ';
    if ((c === '.' || c === '!' || c === '?' || c === ':' || c === ';') && (/\s/.test(next) || i + 1 === index)) return i + 1;
    if (c === '—' || c === '–' || c === '|' || c === '(' || c === ')' || c === '[' || c === ']') return i + 1;
    if (c === '\n' && (/\n[ \t]*$/.test(text.slice(Math.max(0, i - 4), i)) || /^[ \t]*(?:[-*+]|\d+[.)])\s/.test(text.slice(i + 1, i + 8)))) {
      return i + 1; // blank line, or a new list item
    }
    if (c === '-' && text[i - 1] === ' ' && next === ' ') return i + 1;
  }
  return min;
}

const TOKEN = /[@\p{L}\p{N}][\p{L}\p{N}._'’@-]*/gu;

interface Token {
  raw: string;
  lw: string;
}

function tokensOf(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(TOKEN)) {
    const raw = m[0].replace(/[.'’-]+$/, '');
    out.push({ raw, lw: raw.toLowerCase() });
  }
  return out;
}

type SubjectKind = 'person' | 'system' | 'unknown';

const CONTRACTION = /^([\p{L}]+)['’](s|re|ve|m|d|ll)$/u;

/** Classifies one token as a subject candidate, or `undefined` to keep looking. */
function classifyToken(tok: Token, prev: Token | undefined): SubjectKind | 'possessive' | undefined {
  let lw = tok.lw;
  if (lw.startsWith('@')) return 'person';
  const c = CONTRACTION.exec(lw);
  if (c) {
    const base = c[1];
    if (c[2] === 's' && !['it', 'that', 'he', 'she', 'there', 'what', 'who', 'this'].includes(base)) return 'possessive';
    lw = base;
  } else if (lw.endsWith("s'") || lw.endsWith('s’')) {
    return 'possessive';
  }
  if (PERSON_WORDS.has(lw)) return 'person';
  if (lw === 'one' && prev?.lw === 'no') return 'person';
  if (THING_WORDS.has(lw)) return 'system';
  if (SKIP_WORDS.has(lw)) return undefined;
  if (isSystemNoun(lw) || isNominalisation(lw)) return 'system';
  if (prev && DETERMINERS.has(prev.lw) && !SKIP_WORDS.has(lw)) return 'system';
  if (isNameWord(tok.raw)) return 'person';
  return undefined;
}

export interface SubjectInfo {
  kind: SubjectKind;
  /** The word that decided, lowercased. */
  word?: string;
}

/**
 * The grammatical subject of the phrase starting at `index`: the nearest preceding person, role,
 * pronoun, name, @handle or noun phrase in the same clause. After "and"/"but"/"then" the clause's
 * first subject is used instead ("The pod restarted and failed to come up").
 */
export function subjectBefore(text: string, index: number): SubjectInfo {
  const from = clauseStart(text, index, 160);
  const toks = tokensOf(text.slice(from, index)).slice(-30);
  let i = toks.length - 1;
  while (i >= 0 && SKIP_WORDS.has(toks[i].lw) && !['who', 'that', 'which'].includes(toks[i].lw)) i--;
  if (i >= 0 && COORDINATORS.has(toks[i].lw)) {
    let j0 = 0;
    for (let j = 0; j < i; j++) if (SUBORDINATORS.has(toks[j].lw)) j0 = j + 1;
    for (let j = j0; j < i; j++) {
      const k = classifyToken(toks[j], toks[j - 1]);
      if (k === 'person' || k === 'system') return { kind: k, word: toks[j].lw };
    }
    return { kind: 'unknown' };
  }
  let sawRelative = false;
  let scanned = 0;
  for (i = toks.length - 1; i >= 0; i--) {
    const tok = toks[i];
    if (SUBORDINATORS.has(tok.lw)) break;
    if (tok.lw === 'that' || tok.lw === 'which' || tok.lw === 'who') {
      sawRelative = true;
      continue;
    }
    const k = classifyToken(tok, toks[i - 1]);
    if (k === 'possessive' || k === undefined) {
      if (k === undefined && !SKIP_WORDS.has(tok.lw)) scanned++;
      continue;
    }
    if (k === 'person') {
      // "the alert that we configured should have fired", "the alert we configured ...":
      // a person inside a relative clause is not the subject.
      let p = i - 1;
      while (p >= 0 && DETERMINERS.has(toks[p].lw) && toks[p].lw !== 'that' && toks[p].lw !== 'which') p--;
      const before = p >= 0 ? toks[p] : undefined;
      const isPronoun = ['we', 'they', 'he', 'she', 'i', 'you'].includes(tok.lw);
      // A relative pronoun needs an antecedent: a clause-initial "Which developer ..." is a question.
      if (before && p > 0 && (before.lw === 'that' || before.lw === 'which' || before.lw === 'whom')) continue;
      if (before && isPronoun && scanned > 0 && isSystemNoun(before.lw)) continue;
    }
    return { kind: k, word: tok.lw };
  }
  return sawRelative ? { kind: 'system' } : { kind: 'unknown' };
}

function personSubjectAt(text: string, index: number): boolean {
  return subjectBefore(text, index).kind !== 'system';
}

const NEGATION_TOKENS = new Set(['not', 'no', 'never', 'nobody', 'neither', 'nor', 'without', 'isn’t', 'cannot']);

/** True when one of the three words before `index` (same clause) negates it ("not Dave's fault"). */
function negatedBefore(text: string, index: number, words = 3): boolean {
  const from = clauseStart(text, index);
  const toks = tokensOf(text.slice(from, index)).slice(-words);
  return toks.some((t) => NEGATION_TOKENS.has(t.lw) || /n['’]t$/.test(t.lw) || (t.lw === 'one' && toks.some((u) => u.lw === 'no')));
}

/** The word just before `index` (lowercased), if any. */
function wordBefore(text: string, index: number): string | undefined {
  const m = /([\p{L}'’]+)\s*$/u.exec(text.slice(Math.max(0, index - 40), index));
  return m?.[1].toLowerCase();
}

const AUX_BEFORE = new Set(['has', 'have', 'had', 'be', 'been', 'was', 'were', 'is', 'are', 'will', 'would', 'to', 'not']);

/** Keeps the case of the first letter of `original`. */
function matchCase(original: string, replacement: string): string {
  const first = original[0];
  if (first && first !== first.toLowerCase()) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

/** A noun-phrase replacement for "human error"-like matches; undefined after "this"/"the"/... */
function nounPhraseReplacement(singularText: string, pluralText: string) {
  return (m: RegExpExecArray): string | undefined => {
    const t = m[0];
    const plural = /s$/i.test(t);
    const hasArticle = /^an?\s/i.test(t);
    if (!hasArticle) {
      const w = wordBefore(m.input, m.index);
      if (w && (DETERMINERS.has(w) || w.endsWith("'s") || w.endsWith('’s'))) return undefined;
      if (/['’]/.test(t)) return undefined;
    }
    return matchCase(t, plural ? pluralText : singularText);
  };
}

// ---------------------------------------------------------------------------------------------
// The patterns

type PatternDef = Omit<BlamePattern, 'regex'> & { source: string; flags?: string };

const SHOULD_HAVE_REPLACEMENTS: Record<string, string> = {
  checked: 'had no automated check for',
  tested: 'had no automated test for',
  validated: 'had no automated validation of',
  verified: 'had no automated verification of',
  monitored: 'had no monitoring for',
  reviewed: 'had no required review of',
  caught: 'had no safeguard to catch',
  noticed: 'had no clear signal for',
};

const DEFS: PatternDef[] = [
  {
    id: 'human-error',
    description: '"Human error" (or "human mistake") given as a cause.',
    example: 'This was human error.',
    why: '"Human error" names a person as the cause and ends the inquiry.',
    suggestion: 'Describe what the system allowed, e.g. "the deploy process allowed an unvalidated config to reach production".',
    source: String.raw`\b(?:an?\s+)?human[\s-]+(?:errors?|mistakes?|failures?)\b` + ERROR_TECH,
    replacement: nounPhraseReplacement('a gap in our safeguards', 'gaps in our safeguards'),
    accept: (m) => !negatedBefore(m.input, m.index, 2),
  },
  {
    id: 'operator-error',
    description: '"Operator error" given as a cause.',
    example: 'The outage was caused by operator error.',
    why: '"Operator error" puts the cause on whoever was at the controls, not on the controls.',
    suggestion: 'Say which step the tooling let through, e.g. "the failover command accepted the wrong region without confirmation".',
    source: String.raw`\b(?:an?\s+)?(?:operators?|operator['’]s|ops)\s+(?:errors?|mistakes?)\b` + ERROR_TECH,
    replacement: nounPhraseReplacement('a gap in our operational safeguards', 'gaps in our operational safeguards'),
    accept: (m) => !negatedBefore(m.input, m.index, 2),
  },
  {
    id: 'user-error',
    description: '"User error" or "customer error" given as a cause.',
    example: 'Support closed it as user error.',
    why: '"User error" blames the people the product is meant to serve.',
    suggestion: 'Describe what in the interface or flow made the wrong action easy, e.g. "the form accepted an address on the wrong network".',
    source: String.raw`\b(?:an?\s+)?(?:users?|user['’]s|customers?|customer['’]s|end-users?)\s+(?:errors?|mistakes?)\b` + ERROR_TECH,
    replacement: nounPhraseReplacement('a usability gap', 'usability gaps'),
    accept: (m) => !negatedBefore(m.input, m.index, 2),
  },
  {
    id: 'pilot-error',
    description: 'Jokes that blame the person at the keyboard: PEBKAC, ID10T, "layer 8", "pilot error".',
    example: 'Closed as PEBKAC.',
    why: 'This joke labels a person as the problem.',
    suggestion: 'Describe the interaction that went wrong and what the product or process could do to prevent it.',
    source: String.raw`\b(?:pilot\s+errors?|pebkac|pebcak|id-?10-?t(?:\s+errors?)?|layer[\s-]?8\s+(?:issues?|problems?|errors?)|between\s+the\s+keyboard\s+and\s+the\s+chair)\b`,
  },
  {
    id: 'possessive-fault',
    description: '"X\'s fault", "his/her/their fault", "whose fault".',
    example: "It was Marco's fault.",
    why: 'Calling it a person\'s fault assigns blame instead of explaining how it happened.',
    suggestion: 'Explain the conditions that made the failure possible, e.g. "the merge queue had no freeze for Friday releases".',
    flags: 'gu',
    source:
      String.raw`(?:${NOT_AFTER_WORD}` + ci(`(?:his|her|their|my|your|our|whose)`) + String.raw`|${NOT_AFTER_WORD}(${NAME})${APOS}s|` +
      ci(String.raw`\b(?:the\s+(?:\p{L}{1,30}(?:-\p{L}{1,30})?\s+)?)?` + ROLE + `(?:${APOS}s|s${APOS})|` + String.raw`\b(?:someone|somebody|everyone|everybody)${APOS}s`) +
      String.raw`)\s+` + ci(String.raw`(?:own\s+)?fault\b(?![\s-]+(?:toleran\p{L}*|injections?|injectors?|domains?|isolation|handl\p{L}*|lines?|codes?|zones?|trees?|model|detection|conditions?|states?|modes?)\b)`),
    accept: (m) => (m[1] === undefined || isPersonName(m[1])) && !negatedBefore(m.input, m.index, 2),
  },
  {
    id: 'fault-of-person',
    description: '"The fault of <person>".',
    example: 'The outage was the fault of the release engineer.',
    why: 'Saying a failure is someone\'s fault assigns blame instead of explaining it.',
    suggestion: 'Describe the gap in the process or tooling that let the failure through.',
    flags: 'gu',
    source: ci(String.raw`\bfault\s+of\s+`) + TARGET,
    accept: (m) => (m[1] === undefined || isPersonName(m[1])) && !negatedBefore(m.input, m.index, 3),
  },
  {
    id: 'at-fault',
    description: '"<person> was at fault", "who was at fault".',
    example: 'Which developer was at fault?',
    why: 'Asking who was at fault looks for a culprit rather than a cause.',
    suggestion: 'Ask what allowed the failure, e.g. "which safeguard was missing when the migration ran?".',
    source: String.raw`\bat\s+fault\b`,
    personSubject: true,
    accept: (m) => !negatedBefore(m.input, m.index, 4),
  },
  {
    id: 'blame',
    description: '"blame", "blamed", "to blame", "blaming".',
    example: 'The firmware team was blamed for the bricked devices.',
    why: 'Assigning blame shifts attention from the system to a person.',
    suggestion: 'State the contributing factors instead of who is responsible for them.',
    source: String.raw`\b(?:blam(?:e|ed|es|ing)|blameworthy)\b(?![-‐‑](?:free|less|aware|awareness)\b)(?!\s+(?:culture|view|annotations?|output|command)\b)`,
    accept: (m) => {
      const before = m.input.slice(Math.max(0, m.index - 30), m.index).toLowerCase();
      if (/\b(?:git|svn|hg|p4)\s+$/.test(before)) return false;
      if (/\b(?:avoid(?:ing)?|rather than|instead of|free of|without|not about)\s+$/.test(before)) return false;
      return !negatedBefore(m.input, m.index, 3);
    },
  },
  {
    id: 'should-have',
    description: '"should have <done>" about a person (counterfactual judgement).',
    example: 'The on-call engineer should have checked the config.',
    why: '"Should have" judges a person with hindsight instead of explaining their decision.',
    suggestion: 'Describe what the person saw at the time and what check or signal was missing, e.g. "the deploy had no automated config check".',
    source: String.raw`\b(?:should\s+have|should['’]ve|shoulda)(?:\s+${ADVERB})?\s+(${PARTICIPLE})\b`,
    personSubject: true,
    replacement: (m) => {
      if (!/^should\s+have\s+\p{L}+$/iu.test(m[0])) return undefined;
      const r = SHOULD_HAVE_REPLACEMENTS[m[1].toLowerCase()];
      return r ? matchCase(m[0], r) : undefined;
    },
  },
  {
    id: 'should-not-have',
    description: '"shouldn\'t have" / "should not have" / "should never have" about a person.',
    example: "We shouldn't have shipped the build without a staged rollout.",
    why: '"Shouldn\'t have" judges a past decision with hindsight.',
    suggestion: 'Explain why the action looked reasonable then and which guardrail would have stopped it.',
    source: String.raw`\b(?:should\s+(?:not|never)\s+have|shouldn['’]t\s+have|shouldn['’]t['’]ve)(?:\s+${ADVERB})?\s+${PARTICIPLE}\b`,
    personSubject: true,
  },
  {
    id: 'could-have',
    description: '"could have <done>" about a person (hindsight).',
    example: 'The developer could have caught the bug with a unit test.',
    why: '"Could have" points at what a person missed rather than what the system lacked.',
    suggestion: 'Name the missing safeguard, e.g. "no unit test covered re-entrant calls".',
    source:
      String.raw`\b(?:could\s+have|could['’]ve|coulda)` +
      String.raw`(?!\s+(?:lost|caused|led|resulted|affected|impacted|corrupted|exposed|leaked|gone|spread|cascaded|triggered|hit|happened|been\s+(?:(?:much|far|a\s+lot|significantly|considerably|even|a\s+lot)\s+)?(?:worse|bigger|larger|longer|more|avoided|prevented|much))\b)` +
      String.raw`(?:\s+${ADVERB})?\s+${PARTICIPLE}\b`,
    personSubject: true,
  },
  {
    id: 'failed-to',
    description: '"failed to" / "failure to" about a person.',
    example: 'Dave failed to follow the checklist.',
    why: '"Failed to" frames a person\'s action as a personal failing.',
    suggestion: 'Say what happened and why the process made it likely, e.g. "the checklist step was not enforced by the deploy tool".',
    source: String.raw`\b(?:fail(?:ed|ing)\s+to|failure\s+to)\b`,
    personSubject: true,
    accept: (m) => {
      if (!/^failure/i.test(m[0])) return true;
      // "failure to" only counts after a person's possessive: "Dave's failure to follow".
      const w = wordBefore(m.input, m.index);
      if (!w) return false;
      if (['his', 'her', 'their', 'my', 'your', 'our'].includes(w)) return true;
      const base = w.replace(/['’]s$/, '');
      return base !== w && (PERSON_WORDS.has(base) || isPossessiveName(m.input, m.index));
    },
    replacement: (m) => {
      if (!/^failed\s+to$/i.test(m[0])) return undefined;
      const w = wordBefore(m.input, m.index);
      if (w && AUX_BEFORE.has(w)) return undefined;
      return matchCase(m[0], 'did not');
    },
  },
  {
    id: 'forgot-to',
    description: '"forgot to" / "forgot about" about a person.',
    example: 'Priya forgot to bump the firmware version.',
    why: '"Forgot" makes the incident about a person\'s memory.',
    suggestion: 'Describe why the step relied on memory, e.g. "bumping the version was a manual step with no check in CI".',
    source: String.raw`\b(?:forgot|forgotten|forgetting)\s+(?:to|about)\b`,
    personSubject: true,
    replacement: (m) => {
      if (!/^forgot\s+to$/i.test(m[0])) return undefined;
      const w = wordBefore(m.input, m.index);
      return w && AUX_BEFORE.has(w) ? undefined : matchCase(m[0], 'did not');
    },
  },
  {
    id: 'neglected-to',
    description: '"neglected to" about a person.',
    example: 'The reviewer neglected to run the analyzer.',
    why: '"Neglected" implies a person did not care.',
    suggestion: 'Describe why the step was easy to skip, e.g. "the analyzer was optional and not part of the merge checks".',
    source: String.raw`\bneglect(?:ed|s|ing)\s+to\b`,
    personSubject: true,
    replacement: (m) => {
      if (!/^neglected\s+to$/i.test(m[0])) return undefined;
      const w = wordBefore(m.input, m.index);
      return w && AUX_BEFORE.has(w) ? undefined : matchCase(m[0], 'did not');
    },
  },
  {
    id: 'neglect',
    description: '"neglect" / "neglectful" as a description of people.',
    example: 'The key leak was pure neglect.',
    why: '"Neglect" judges people\'s care instead of describing a gap.',
    suggestion: 'Describe the missing ownership or process, e.g. "the key had no owner and no rotation schedule".',
    source: String.raw`\bneglect(?:ful(?:ly|ness)?)?\b(?!\s+to\b)`,
  },
  {
    id: 'careless',
    description: '"careless", "carelessly", "carelessness".',
    example: 'He was careless with the production flag.',
    why: '"Careless" judges a person\'s attitude instead of describing the conditions.',
    suggestion: 'Describe what made the risky action easy, e.g. "the production flag could be set without confirmation".',
    source: String.raw`\bcareless(?:ly|ness)?\b`,
  },
  {
    id: 'negligent',
    description: '"negligent", "negligently", "negligence".',
    example: 'Leaving the key on a laptop was negligent.',
    why: '"Negligence" is a legal judgement about a person, not an explanation.',
    suggestion: 'Describe the practice that was missing, e.g. "signing keys were not stored in the HSM".',
    source: String.raw`\bneglig(?:ent|ently|ence)\b`,
  },
  {
    id: 'sloppy',
    description: '"sloppy", "sloppily", "sloppiness".',
    example: 'The rollout plan was sloppy.',
    why: '"Sloppy" judges people\'s work instead of describing what was missing.',
    suggestion: 'Name the specific gap, e.g. "the rollout plan had no abort criteria".',
    source: String.raw`\bslopp(?:y|ily|iness)\b`,
  },
  {
    id: 'incompetent',
    description: '"incompetent", "incompetence", "incompetency".',
    example: 'The handling of the incident was incompetent.',
    why: '"Incompetent" attacks people\'s ability instead of explaining the failure.',
    suggestion: 'Describe the knowledge or tooling gap, e.g. "the runbook did not cover a regional failover".',
    source: String.raw`\bincompeten(?:t|tly|ce|cy)\b`,
  },
  {
    id: 'lazy',
    description: '"lazy" / "laziness" about people (not lazy loading or evaluation).',
    example: 'A lazy engineer skipped the calibration step.',
    why: '"Lazy" judges a person\'s character.',
    suggestion: 'Describe why the step was skipped, e.g. "calibration took 40 minutes and was not automated".',
    source: String.raw`\b(?:lazy|laziness)\b(?![\s-]+(?:load\p{L}*|eval\p{L}*|init\p{L}*|val|vals|static|imports?|iterators?|sequences?|lists?|streams?|propert\p{L}*|bindings?|instantiat\p{L}*|fetch\p{L}*|hydrat\p{L}*|compil\p{L}*|routes?|modules?|components?|images?|modes?|deserializ\p{L}*|quantifiers?|match\p{L}*|singletons?|columns?|rendering|allocation|deletion|expiry|expiration|cleanup|sweep\p{L}*|evaluated|computed?|approach|pattern)\b)`,
  },
  {
    id: 'reckless',
    description: '"reckless", "cowboy", "cavalier".',
    example: 'Deploying on Friday evening was reckless.',
    why: 'This word judges a person\'s attitude to risk rather than the safeguards around it.',
    suggestion: 'Describe which guardrail was missing, e.g. "there was no change freeze before the weekend".',
    source: String.raw`\b(?:reckless(?:ly|ness)?|cowboy(?:s|ed|ing)?|cavalier(?:ly)?)\b(?!\s+(?:hats?|boots)\b)`,
  },
  {
    id: 'dropped-the-ball',
    description: '"dropped the ball", "fumbled the ball".',
    example: 'The QA team dropped the ball on regression testing.',
    why: '"Dropped the ball" blames people for a gap without explaining it.',
    suggestion: 'Describe the gap itself, e.g. "regression tests did not cover Android 14".',
    source: String.raw`\b(?:drop(?:ped|s|ping)?|fumbl(?:ed|es|ing|e))\s+the\s+ball\b`,
  },
  {
    id: 'didnt-bother',
    description: '"didn\'t bother", "never bothered", "couldn\'t be bothered".',
    example: "The contractor didn't bother to read the migration notes.",
    why: 'This phrase assumes bad intent.',
    suggestion: 'Describe why the information was not used, e.g. "the migration notes were not linked from the runbook".',
    source: String.raw`\b(?:did(?:n['’]t|\s+not)\s+bother|never\s+bothered|(?:could(?:n['’]t|\s+not)|can['’]t|cannot)\s+be\s+bothered|not\s+bothering)(?:\s+to\b)?`,
    replacement: (m) => {
      if (!/^did(?:n['’]t|\s+not)\s+bother\s+to$/i.test(m[0])) return undefined;
      return matchCase(m[0], 'did not');
    },
  },
  {
    id: 'supposed-to',
    description: '"was supposed to" about a person.',
    example: 'Sam was supposed to rotate the keys.',
    why: '"Was supposed to" frames a missed task as a personal failure.',
    suggestion: 'Describe how the task was tracked, e.g. "key rotation had no owner in the on-call handbook and no reminder".',
    source: String.raw`\b(?:was|were|is|are)\s+(?:(?:\p{L}+ly|also|still)\s+)?supposed\s+to\b`,
    personSubject: true,
  },
  {
    id: 'ignored-warnings',
    description: '"ignored the …", "ignored warnings", "alerts were ignored" about people.',
    example: 'The on-call engineer ignored the disk space warnings.',
    why: '"Ignored" implies a person chose not to act.',
    suggestion: 'Describe why the signal did not lead to action, e.g. "the disk warnings went to a channel with 200 other alerts a day".',
    source:
      String.raw`\bignor(?:ed|ing)(?=\s+(?:the|all|any|every|several|multiple|repeated|both|these|those|our|his|her|their|its|two|three|many)\b|\s+(?:warnings?|alerts?|alarms?|pages?|errors?|advice|feedback|polic(?:y|ies)|procedures?|process|runbooks?|checklists?|guidance|instructions?|reviewers?|signs?|notifications?)\b)` +
      String.raw`|\b(?:was|were|got|been|went)\s+(?:\p{L}+ly\s+)?ignored\b`,
    accept: (m) => {
      if (/^ignor/i.test(m[0])) return personSubjectAt(m.input, m.index);
      // Passive: "the alerts were ignored". Only signals meant for people count; a header or field
      // "was ignored" by software, or anything "ignored by the proxy", is not about people.
      const agent = /^\s+by\s+(?:the\s+|a\s+|an\s+|our\s+)?([\p{L}-]+)/u.exec(m.input.slice(m.index + m[0].length));
      if (agent && isSystemNoun(agent[1].toLowerCase())) return false;
      const s = subjectBefore(m.input, m.index);
      return !!s.word && /^(?:alerts?|alarms?|warnings?|pages?|notifications?|signs?|signals?|tickets?|escalations?|reports?|findings?|feedback|advice|concerns?|comments?|reviewers?|messages?|emails?)$/.test(s.word);
    },
    replacement: (m) => {
      if (!/^ignored$/i.test(m[0])) return undefined;
      const w = wordBefore(m.input, m.index);
      return w && AUX_BEFORE.has(w) ? undefined : matchCase(m[0], 'did not act on');
    },
  },
  {
    id: 'missed-signal',
    description: '"<person> missed the alert/page/warning".',
    example: 'The on-call missed the page.',
    why: '"Missed the page" puts the failure on a person\'s attention.',
    suggestion: 'Describe why the signal did not get through, e.g. "the page went to a phone in do-not-disturb mode with no escalation".',
    source: String.raw`\bmiss(?:ed|ing)(?=(?:\s+(?:the|an?|all|both|several|multiple|two|three|repeated|his|her|their|our|these|those))?(?:\s+[\p{L}-]{1,40})?\s+(?:alerts?|pages?|alarms?|warnings?|notifications?|signs?|signals?|messages?|emails?|tickets?|escalations?)\b)`,
    personSubject: true,
  },
  {
    id: 'persons-mistake',
    description: '"X\'s mistake", "his/her/their mistake/error/oversight".',
    example: "It was Kenji's mistake.",
    why: 'Naming the mistake as a person\'s makes the person the cause.',
    suggestion: 'Describe the action and what made it easy to get wrong, e.g. "the approval screen did not show the diff".',
    flags: 'gu',
    source:
      String.raw`(?:${NOT_AFTER_WORD}` + ci(`(?:his|her|their|my|your|our)`) + String.raw`|${NOT_AFTER_WORD}(${NAME})${APOS}s|` +
      ci(String.raw`\b(?:the\s+(?:\p{L}{1,30}(?:-\p{L}{1,30})?\s+)?)?` + ROLE + `(?:${APOS}s|s${APOS})|` + String.raw`\b(?:someone|somebody)${APOS}s`) +
      String.raw`)\s+` + ci(String.raw`(?:own\s+)?(?:mistakes?|errors?|blunders?|oversights?|slip-ups?|screw-?ups?|goofs?)\b` + ERROR_TECH),
    accept: (m) => (m[1] === undefined || isPersonName(m[1])) && !negatedBefore(m.input, m.index, 2),
  },
  {
    id: 'mistake-by-person',
    description: '"a mistake/error/oversight (made) by <person>".',
    example: 'It was a mistake by the junior developer.',
    why: 'Attributing the mistake to a person makes them the cause.',
    suggestion: 'Describe the action and the missing safeguard, e.g. "the migration ran against production because the target defaulted to prod".',
    flags: 'gu',
    source: ci(String.raw`\b(?:mistakes?|errors?|blunders?|oversights?|slip-ups?)\s+(?:made\s+|committed\s+)?by\s+`) + TARGET,
    accept: (m) => m[1] === undefined || isPersonName(m[1]),
  },
  {
    id: 'made-a-mistake',
    description: '"<person> made a mistake / an error / a bad call".',
    example: 'The engineer made a mistake when editing the rules.',
    why: '"Made a mistake" focuses on the person rather than the conditions.',
    suggestion: 'Describe the action and what made it error-prone, e.g. "the rules file had no schema validation".',
    source: String.raw`\bmade\s+(?:a|an|the|one|two|several|multiple|some)\s+(?:[\p{L}-]{1,40}\s+)?(?:mistakes?|errors?|blunders?|(?:bad|wrong|poor)\s+(?:calls?|decisions?|choices?))\b`,
    personSubject: true,
  },
  {
    id: 'poor-judgement',
    description: '"poor judgement", "lapse in judgement", "error of judgement".',
    example: 'It was a lapse in judgement to disable the alarms.',
    why: 'Judging someone\'s judgement does not explain the decision.',
    suggestion: 'Describe the information and pressures at the time, and what would have made the safer choice obvious.',
    source: String.raw`\b(?:(?:poor|bad|questionable|flawed|faulty)\s+judge?ment|lapses?\s+(?:of|in)\s+judge?ment|errors?\s+(?:of|in)\s+judge?ment|poor\s+decision[\s-]making)\b`,
  },
  {
    id: 'screwed-up',
    description: '"screwed up", "messed up", "screw-up" (and ruder forms).',
    example: 'Someone screwed up the DNS change.',
    why: 'This phrase blames a person without explaining what happened.',
    suggestion: 'Describe the change and its effect, e.g. "the DNS change removed the apex record".',
    source: String.raw`\b(?:screw(?:ed|s|ing)?|mess(?:ed|es|ing)?|foul(?:ed|s|ing)?|fuck(?:ed|s|ing)?|cock(?:ed|s|ing)?|bollock(?:ed|s|ing)?)\s+up\b|\b(?:screw|fuck|cock|balls)-?ups?\b`,
    // Nouns ("a screw-up") always count; the verb ("X messed up Y") only with a person as subject.
    accept: (m) => !/\s/.test(m[0]) || personSubjectAt(m.input, m.index),
  },
  {
    id: 'botched',
    description: '"botched", "bungled", "goofed".',
    example: 'Kim botched the certificate renewal.',
    why: 'This word judges people\'s work instead of describing what went wrong.',
    suggestion: 'Describe what happened, e.g. "the renewal installed the certificate without the intermediate chain".',
    source: String.raw`\b(?:botch(?:ed|es|ing)?|bungl(?:ed|es|ing|e)|goof(?:ed|ing)(?:\s+up)?)\b`,
  },
  {
    id: 'rookie-mistake',
    description: '"rookie mistake", "newbie error", "amateur hour".',
    example: 'Leaving debug logging on was a rookie mistake.',
    why: '"Rookie mistake" belittles a person instead of explaining the gap.',
    suggestion: 'Describe why the mistake was easy to make, e.g. "release builds did not strip debug logging".',
    source: String.raw`\b(?:an?\s+)?(?:rookie|newbie|noob|amateur(?:ish)?|beginner['’]?s?|schoolboy|novice)\s+(?:mistakes?|errors?|moves?|blunders?)\b|\bamateur\s+hour\b`,
    replacement: (m) => {
      const t = m[0];
      if (/hour$/i.test(t) || /^(?:an?\s+)?[\p{L}'’]+\s+moves?$/iu.test(t)) return undefined;
      const plural = /s$/i.test(t);
      if (/^an?\s/i.test(t)) return plural ? undefined : matchCase(t, 'an easy mistake to make');
      const w = wordBefore(m.input, m.index);
      if (w && ['the', 'this', 'that'].includes(w) && !plural) return undefined;
      return matchCase(t, plural ? 'easy-to-make mistakes' : 'easy-to-make mistake');
    },
  },
  {
    id: 'should-know-better',
    description: '"should know better", "should have known (better)", "knew better".',
    example: 'A senior engineer should know better.',
    why: 'This phrase judges a person with hindsight.',
    suggestion: 'Describe what information was missing or hard to see at the time.',
    source: String.raw`\b(?:(?:should|ought\s+to)\s+know\s+better|should(?:\s+have|['’]ve)\s+known(?:\s+better)?|ought\s+to\s+have\s+known(?:\s+better)?|knew\s+better)\b`,
    personSubject: true,
  },
  {
    id: 'not-paying-attention',
    description: '"wasn\'t paying attention", "not paying attention", "inattentive", "asleep at the wheel".',
    example: "The operator wasn't paying attention.",
    why: 'This phrase blames a person\'s attention instead of the signal design.',
    suggestion: 'Describe why the change was hard to notice, e.g. "the validator set change produced no alert".',
    source: String.raw`\b(?:(?:wasn['’]t|weren['’]t|isn['’]t|aren['’]t|was\s+not|were\s+not|not|never)\s+paying\s+(?:(?:close|enough|much|any|full)\s+)?attention|(?:didn['’]t|did\s+not|failed\s+to|never)\s+pa(?:y|id)\s+(?:(?:close|enough|much|any|full)\s+)?attention|inattentive(?:ness)?|inattention|asleep\s+at\s+the\s+(?:wheel|switch))\b`,
  },
  {
    id: 'did-not-follow-process',
    description: '"<person> didn\'t follow the runbook", "skipped the checklist".',
    example: "The SRE didn't follow the runbook during the failover.",
    why: 'This frames a process gap as a person\'s disobedience.',
    suggestion: 'Describe why the process was not followed, e.g. "the runbook step was out of date and the tool did not enforce it".',
    source:
      String.raw`\b(?:(?:did(?:n['’]t|\s+not)|never|chose\s+not\s+to|refused\s+to|decided\s+not\s+to)\s+(?:follow|read|use|run|check)\s+(?:the|our|a|any)\s+(?:[\p{L}-]{1,40}\s+)?(?:process|procedures?|runbooks?|checklists?|playbooks?|polic(?:y|ies)|steps|instructions|guidelines|protocol|documentation|docs)` +
      String.raw`|(?:bypassed|skipped|circumvented|side-?stepped)\s+(?:the|our|a|any)\s+(?:[\p{L}-]{1,40}\s+)?(?:review|approval|checklist|runbook|process|procedure|playbook|policy|sign-?off|canary\s+stage))\b`,
    personSubject: true,
  },
  {
    id: 'name-as-cause',
    description: 'A name, @handle or he/she introduced as the cause: "because Dave pushed", "caused by @sam", "due to Alex\'s change".',
    example: 'Login was down because Dave pushed a bad config.',
    why: 'Naming a person as the cause turns the analysis into a search for a culprit.',
    suggestion: 'Name the change and the path it took, e.g. "because a config change reached production without validation".',
    flags: 'gu',
    source:
      ci(String.raw`\bbecause\s+`) + String.raw`(?<w1>${NAME}|` + ci(`he|she|someone|somebody`) + String.raw`)\s+(?<v1>${SIMPLE_PAST})\b` +
      String.raw`|` + ci(String.raw`\b(?:caused|triggered|broken|brought\s+down|taken\s+down)\s+by\s+`) + String.raw`(?:(?<w2>${NAME})|` + PERSON_OBJECT_CI + String.raw`)${NAME_END}` +
      String.raw`|` + ci(String.raw`\b(?:due\s+to|because\s+of|owing\s+to)\s+`) + String.raw`(?<w3>${NAME})(?:${APOS}s)?${NAME_END}` +
      String.raw`|` + ci(String.raw`\bthanks\s+to\s+`) + String.raw`(?<w4>${NAME})(?:${APOS}s)?\s+` +
      ci(String.raw`(?:[\p{L}-]{1,40}\s+)?(?:forg[eo]t\p{L}*|br[eo]ak\p{L}*|broke|pushing|pushed|ignor\p{L}+|skipp\p{L}+|delet\p{L}+|dropp\p{L}+|miss\p{L}+|mess\p{L}+|screw\p{L}+|mistakes?|errors?|blunders?|typos?|carelessness|fat-finger\p{L}*|oversights?)\b`),
    accept: (m) => {
      const g = m.groups ?? {};
      const who = g.w1 ?? g.w2 ?? g.w3 ?? g.w4;
      if (who !== undefined && !/^(?:he|she|someone|somebody)$/i.test(who) && !isPersonName(who)) return false;
      if (g.v1 !== undefined) {
        const verb = g.v1.split(/\s+/).pop()!.toLowerCase();
        if (POSITIVE_VERBS.has(verb) && !/^(?:didn|did|never|hadn|had not|forgot|failed|neglected)/i.test(g.v1)) return false;
      }
      return true;
    },
  },
  {
    id: 'name-after-event',
    description: '"after <Name> deployed …": a named person\'s action placed right before the failure.',
    example: 'After Priya deployed the build, crash reports spiked.',
    severity: 'info',
    why: 'Putting a named person\'s action right before the failure reads as blame.',
    suggestion: 'Name the change rather than the person, e.g. "after build 4.2 was deployed".',
    flags: 'gu',
    source: ci(String.raw`\bafter\s+`) + String.raw`(?<w>${NAME})\s+(?<v>${SIMPLE_PAST})\b`,
    accept: (m) => {
      const g = m.groups ?? {};
      if (!isPersonName(g.w)) return false;
      const verb = (g.v ?? '').split(/\s+/).pop()!.toLowerCase();
      return !POSITIVE_VERBS.has(verb) || /^(?:didn|did|never|forgot|failed)/i.test(g.v ?? '');
    },
  },
  {
    id: 'name-as-subject',
    description: 'A name or @handle as the subject of "broke/caused …", or of "pushed/deployed … without".',
    example: '@arun deployed the new gas limits without a review.',
    why: 'Making a named person the subject of the failure assigns blame.',
    suggestion: 'Make the change or the process the subject, e.g. "the gas limit change was deployed without a required review".',
    flags: 'gu',
    source:
      String.raw`${NOT_AFTER_WORD}(?<w>${NAME}|` + ci(`he|she|someone|somebody`) + String.raw`)\s+(?:` + ci(`(?:accidentally|mistakenly|inadvertently|just|then|also)\\s+`) + String.raw`)?` +
      String.raw`(?:` + ci(String.raw`(?:broke|caused|brought\s+down|took\s+down|nuked|wiped\s+out|fat-fingered)\b`) +
      String.raw`|` + ci(String.raw`(?:pushed|deployed|merged|shipped|applied|released|committed|ran|changed|rolled\s+out|force-pushed|edited|modified|updated|deleted|dropped|disabled|enabled|flashed|upgraded|migrated)\b[^.;!?\n]{0,80}?\bwithout\b`) +
      String.raw`(?!\s+(?:` + ci(String.raw`downtime|incidents?|issues?|problems?|impact|errors?|any\s+(?:downtime|issues?|problems?|impact|errors?)`) + String.raw`)\b))`,
    accept: (m) => {
      const who = m.groups?.w ?? '';
      if (/^(?:he|she|someone|somebody)$/i.test(who)) return true;
      if (!isPersonName(who)) return false;
      const w = wordBefore(m.input, m.index);
      return !(w && DETERMINERS.has(w));
    },
  },
  {
    id: 'discipline-person',
    description: 'Punishing a person: "discipline/reprimand/punish/fire/write up <person>", "hold … accountable", "Dave was fired".',
    example: 'Discipline the engineer who approved the hotfix.',
    why: 'Punishing people makes the next incident less likely to be reported, not less likely to happen.',
    suggestion: 'Replace it with a change to the system, e.g. "require two approvals for hotfixes to production".',
    flags: 'gu',
    source:
      ci(String.raw`\b(?:disciplin(?:e|ed|es|ing)|reprimand(?:ed|s|ing)?|punish(?:ed|es|ing)?|fir(?:e|ed|es|ing)|sack(?:ed|s|ing)?|suspend(?:ed|s|ing)?|penali[sz](?:e|ed|es|ing)|demot(?:e|ed|es|ing)|(?:write|writes|wrote|written|writing)\s+up|let\s+go\s+of|terminat(?:e|ed|es|ing))\s+`) + TARGET +
      String.raw`|` + ci(String.raw`\bhold(?:s|ing)?\s+(?:[\p{L}@.'’-]+\s+){1,3}?accountable\b`) +
      String.raw`|` + ci(String.raw`\b(?:was|were|be|been|being|get|got|gets|getting)\s+(?:disciplined|reprimanded|punished|fired|sacked|suspended|demoted|written\s+up|let\s+go)\b`),
    accept: (m) => {
      if (m[1] !== undefined && !isPersonName(m[1])) return false;
      if (/^(?:was|were|be|been|being|get|got|gets|getting)\s/i.test(m[0])) return subjectBefore(m.input, m.index).kind === 'person';
      return true;
    },
  },
  {
    id: 'retrain-person',
    description: 'An action aimed at a person: "retrain/re-educate/coach/remind <person>".',
    example: 'Retrain Dave on deployments.',
    severity: 'info',
    why: 'This action targets a person; the same mistake stays easy for everyone else.',
    suggestion: 'Prefer an action that changes the system, e.g. "add config validation to the deploy pipeline", and keep training for shared docs.',
    flags: 'gu',
    source: ci(String.raw`\b(?:re-?train(?:ed|ing|s)?|re-?educat(?:e|ed|es|ing)|coach(?:ed|es|ing)?|counsel(?:l?ed|l?ing|s)?|remind(?:ed|s|ing)?|re-?onboard(?:ed|s|ing)?)\s+`) + TARGET,
    accept: (m) => m[1] === undefined || isPersonName(m[1]),
  },
  {
    id: 'vigilance-action',
    description: 'An action item that relies on people trying harder: "be more careful", "double-check", "pay attention".',
    example: 'Be more careful when flashing bootloaders.',
    severity: 'info',
    actionItemsOnly: true,
    why: 'An action that asks people to be more careful changes nothing in the system.',
    suggestion: 'Turn it into a safeguard, e.g. "make the flashing tool verify the hardware revision before writing".',
    source: String.raw`\b(?:be\s+(?:more\s+)?(?:careful|vigilant|cautious|attentive|diligent)|pay\s+(?:(?:more|closer|better)\s+)?attention|try\s+harder|(?:double|triple)[\s-]check|remember\s+to|take\s+more\s+care|(?:don['’]t|do\s+not)\s+(?:do|let)\s+(?:this|that|it)\s+(?:happen\s+)?again)\b`,
  },
  {
    id: 'on-person',
    description: '"that\'s on Dave", "this one is on me", "pin it on <person>".',
    example: 'Honestly, this one is on Dave.',
    why: 'Saying an outage is "on" a person assigns it to them.',
    suggestion: 'Describe the contributing factors; ownership belongs in the action items.',
    flags: 'gu',
    source:
      ci(String.raw`\b(?:that|this|it|which)(?:\s+(?:one|incident|outage|failure|miss|mistake|bug|regression))?(?:\s+(?:is|was|falls|fell|rests|rested|lies|lay)|['’]s)\s+(?:(?:all|entirely|squarely|totally|fully|solely|completely)\s+)?on\s+`) +
      String.raw`(?:(${NAME})|` + ci(String.raw`me|us|him|her|them|you|ops|whoever|the\s+(?:\p{L}{1,30}\s+)?(?:on-?call(?:\s+engineer)?|engineer|developer|operator|sre|dba|intern|contractor|person|team)`) + String.raw`)${NAME_END}` +
      String.raw`|` + ci(String.raw`\bpin(?:ned|ning|s)?\s+(?:it|this|that|the\s+\p{L}+)\s+on\s+`) + TARGET,
    accept: (m) => {
      const who = m[1] ?? m[2];
      return who === undefined || isPersonName(who);
    },
  },
  {
    id: 'person-responsible',
    description: '"the person responsible", "who was responsible", "the culprit was <Name>".',
    example: 'We need to find the person responsible for the bad merge.',
    why: 'Looking for the person responsible is looking for someone to blame.',
    suggestion: 'Ask what made the failure possible and who owns fixing it.',
    flags: 'gu',
    source:
      ci(String.raw`\b(?:the\s+)?(?:person|people|individuals?|engineers?|developers?|operators?|ones?|part(?:y|ies)|employees?)\s+responsible\b`) +
      String.raw`(?!\s+` + ci(String.raw`for\s+(?:the\s+)?(?:fix|fixing|follow-?ups?|action\s+items?|remediation|owning|maintaining|review)\b`) + `)` +
      String.raw`|` + ci(String.raw`\b(?:who|whoever)\s+(?:was|were)\s+responsible\b|\bguilty\s+part(?:y|ies)\b|\bculprit\s+(?:was|is)\s+`) + String.raw`(?<w>${NAME})${NAME_END}`,
    accept: (m) => {
      if (m.groups?.w !== undefined) return isPersonName(m.groups.w);
      return true;
    },
  },
];

function isPossessiveName(text: string, index: number): boolean {
  const m = /(@[\p{L}\p{N}._-]+|\p{Lu}\p{Ll}+)['’]s\s*$/u.exec(text.slice(Math.max(0, index - 60), index));
  return !!m && isPersonName(m[1]);
}

function compile(def: PatternDef): BlamePattern {
  const { source, flags, ...rest } = def;
  return { ...rest, regex: re(source, flags ?? 'giu') };
}

/** The built-in patterns, in a stable order. */
export const BLAME_PATTERNS: readonly BlamePattern[] = DEFS.map(compile);

/** Every RegExp the engine runs on prose (for fuzz and timing tests). */
export function allBlameRegexes(): RegExp[] {
  return BLAME_PATTERNS.map((p) => p.regex);
}

// ---------------------------------------------------------------------------------------------
// User patterns

const REGEX_META = /[\\^$|?*+()[\]{}]/;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A plain phrase as a case-insensitive, whitespace-tolerant, word-bounded regex source. */
function phraseSource(phrase: string): string {
  const body = phrase.trim().split(/\s+/).map(escapeRegex).join('\\s+');
  const start = /^\w/.test(phrase.trim()) ? '\\b' : '';
  const end = /\w$/.test(phrase.trim()) ? '\\b' : '';
  return start + body + end;
}

/**
 * Compiles user patterns from settings. Each entry is `/source/flags`, a regex source (when it
 * contains regex syntax) or a plain phrase. Invalid entries are reported in `errors`, never thrown.
 */
export function compileExtraPatterns(list: readonly string[] | undefined): { patterns: BlamePattern[]; errors: string[] } {
  const patterns: BlamePattern[] = [];
  const errors: string[] = [];
  (list ?? []).forEach((raw, i) => {
    if (typeof raw !== 'string' || raw.trim() === '') return;
    const entry = raw.trim();
    let source: string;
    let flags = 'gi';
    const slashed = /^\/(.+)\/([a-z]*)$/s.exec(entry);
    if (slashed) {
      source = slashed[1];
      flags = slashed[2].includes('g') ? slashed[2] : slashed[2] + 'g';
    } else if (REGEX_META.test(entry)) {
      source = entry;
    } else {
      source = phraseSource(entry);
    }
    let regex: RegExp;
    try {
      regex = new RegExp(source, flags);
    } catch (e) {
      errors.push(`Invalid blame-wording pattern "${entry}": ${(e as Error).message}`);
      return;
    }
    patterns.push({
      id: 'custom',
      description: `Custom pattern ${i + 1} from settings: ${entry}`,
      example: entry,
      why: 'This wording is on the blame-wording list in your settings.',
      suggestion: 'Describe the systems, conditions and decisions involved rather than the person.',
      regex,
    });
  });
  return { patterns, errors };
}

const extraCache = new Map<string, BlamePattern[]>();

function extraPatternsFor(list: readonly string[] | undefined): BlamePattern[] {
  if (!list || list.length === 0) return [];
  const key = JSON.stringify(list);
  let hit = extraCache.get(key);
  if (!hit) {
    hit = compileExtraPatterns(list).patterns;
    if (extraCache.size > 32) extraCache.clear();
    extraCache.set(key, hit);
  }
  return hit;
}

// ---------------------------------------------------------------------------------------------
// Matching

interface Span {
  start: number;
  end: number;
}

const QUOTED = /`[^`\n]{1,200}`|"[^"\n]{1,200}"|“[^”\n]{1,200}”/g;

function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  QUOTED.lastIndex = 0;
  for (const m of text.matchAll(QUOTED)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

function allowedSpans(text: string, allow: readonly string[] | undefined): Span[] {
  const out: Span[] = [];
  for (const phrase of allow ?? []) {
    if (typeof phrase !== 'string' || phrase.trim() === '') continue;
    const rx = new RegExp(phraseSource(phrase), 'gi');
    for (const m of text.matchAll(rx)) {
      if (m[0].length > 0) out.push({ start: m.index!, end: m.index! + m[0].length });
    }
  }
  return out;
}

function overlapsAny(spans: Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

const CODE_BEFORE = new Set(['_', '/', '\\', '#', '$', '=', '<', '{']);
const CODE_AFTER = new Set(['_', '(', '/', '\\', '=', '>', '}']);

/** The match is part of an identifier, path or hyphenated token (`human_error_count`, `blame-free`). */
function isCodeLike(text: string, start: number, end: number): boolean {
  const b = text[start - 1];
  const a = text[end];
  if (b !== undefined && CODE_BEFORE.has(b)) return true;
  if (a !== undefined && CODE_AFTER.has(a)) return true;
  if ((b === '.' || b === '-') && /[\p{L}\p{N}]/u.test(text[start - 2] ?? '')) return true;
  if ((a === '.' || a === '-') && /[\p{L}\p{N}]/u.test(text[end + 1] ?? '')) return true;
  return false;
}

/**
 * Finds blame-focused wording about people in a run of prose.
 * Returns non-overlapping matches sorted by offset (the longest wins where two overlap).
 */
export function findBlameWording(text: string, options: BlameOptions = {}): BlameMatch[] {
  if (!text) return [];
  const candidates: (BlameMatch & { order: number })[] = [];
  const quotes = quotedSpans(text);
  const allowed = allowedSpans(text, options.allow);
  const patterns = [...BLAME_PATTERNS, ...extraPatternsFor(options.extraPatterns)];
  patterns.forEach((p, order) => {
    if (p.actionItemsOnly && !options.inActionItem) return;
    const rx = p.regex;
    rx.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rx.exec(text)) !== null) {
      if (m[0].length === 0) {
        rx.lastIndex = m.index + 1;
        if (!rx.global && !rx.sticky) break;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      const ok =
        !overlapsAny(quotes, start, end) &&
        !overlapsAny(allowed, start, end) &&
        !isCodeLike(text, start, end) &&
        (!p.personSubject || personSubjectAt(text, start)) &&
        (!p.accept || p.accept(m));
      if (!ok) {
        // Let a later, overlapping candidate of the same pattern have its chance.
        rx.lastIndex = start + 1;
        continue;
      }
      let replacement: string | undefined;
      if (typeof p.replacement === 'string') replacement = p.replacement;
      else if (p.replacement) replacement = p.replacement(m);
      candidates.push({
        patternId: p.id,
        start,
        end,
        text: m[0],
        why: p.why,
        suggestion: p.suggestion,
        ...(replacement !== undefined ? { replacement } : {}),
        severity: p.severity ?? 'warning',
        order,
      });
      if (!rx.global && !rx.sticky) break;
    }
    rx.lastIndex = 0;
  });
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.order - b.order);
  const out: BlameMatch[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    const { order: _order, ...match } = c;
    out.push(match);
    lastEnd = c.end;
  }
  return out;
}
