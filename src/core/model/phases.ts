// Phases from what happened: when the document tags no events and its front matter gives no key
// times, the event texts say when the problem was noticed (an alert fired, a user reported it,
// someone paged), when impact stopped (rolled back, failed over, disabled, restored) and when it was
// over (fixed, resolved, all systems operational, closed). Inferred phases are marked as such, with
// the words that suggested them.
import type { Metadata, Phase, TimelineEvent } from './types';

const w = (words: string) => new RegExp(String.raw`\b(?:${words})\b`, 'i');

/** Ordered from the most to the least telling words of each phase. */
const CUES: Record<Exclude<Phase, 'started'>, RegExp[]> = {
  detected: [
    w(String.raw`(?:alerts?|alarms?)\s+(?:fired|fires|firing|triggered|triggers|went off|goes off|go off|sounded|raised)|(?:fired|fires|triggered|triggers|raised|raises)\s+(?:an?\s+|the\s+)?alerts?|first alert|alert(?:ed|s)?\s+(?:the\s+)?(?:on-?call|team|engineers?)|pag(?:ed|es|ing)\b|pagerduty|on-?call(?:\s+engineers?)?\s+(?:was\s+|were\s+|is\s+)?(?:paged|notified|alerted|acknowledg\w*)|alarms?\s+(?:fired|fires|went off|triggered)|monitoring\s+(?:detected|detects|alerted|alerts|reported|reports|e-?mail)|pingdom|sentry\s+(?:alert|report)\w*`),
    w(String.raw`notic(?:e|es|ed|ing)|detect(?:s|ed|ing)?|discover(?:s|ed|ing)?|spot(?:s|ted|ting)?|identif(?:y|ies|ied|ying)|observ(?:e|es|ed|ing)|became aware|becomes aware|first (?:reports?|noticed|signs?)|report(?:s|ed)\s+(?:that|an?|the|issues?|problems?|errors?|failures?|it|this)|(?:user|customer|community|someone|somebody)s?\s+report\w*|reports?\s+(?:of|from|about|that)|complain(?:s|ed|ts?)|flag(?:s|ged)|receiv(?:e|es|ed|ing)\s+(?:an?\s+)?(?:(?:influx|flood|wave|stream|number|series|lot|bunch|handful|couple|spike)\s+of\s+)?(?:[\w-]+\s+)?(?:e-?mails?|reports?|messages?|tickets?|alerts?|pages?|calls?|notifications?|complaints?)|saw\s+(?:the\s+|these\s+|this\s+|those\s+|an?\s+)?(?:[\w-]+\s+)?(?:alerts?|notifications?|reports?|e-?mails?|messages?|complaints?)|ticket\s+(?:is\s+|was\s+)?(?:opened|filed|raised|created)|(?:opened|opens|filed|files|raised|raises)\s+(?:an?\s+)?(?:issue|ticket|incident)|brought to (?:the\s+)?attention`),
    w(String.raw`incident\s+(?:was\s+|is\s+)?(?:declared|opened|raised|created|started)|declar(?:e|es|ed)\s+(?:an?\s+)?incident|(?:began|begins|started|starts)\s+(?:investigating|to\s+investigate|looking\s+into)|investigation\s+(?:began|begins|started|starts)|escalat(?:e|es|ed)|acknowledg(?:e|es|ed)|notified|war room|huddle\s+(?:begins|began|started|starts)`),
    // Norwegian (NAV's post-mortems): varslet, oppdaget, påvist, sa ifra, fikk melding.
    w(String.raw`varsl(?:e|et|er|ing)|varsel|alarmen|alarm\s+(?:gikk|ble\s+utløst)|oppdag(?:et|er|a)|påvist|påvis(?:te|er)|sier ifra|sa ifra|fikk melding|fikk beskjed|ble oppmerksom|la merke til|rapporter(?:t|te)`),
  ],
  mitigated: [
    w(String.raw`roll(?:s|ed|ing)?[- ]?back|revert(?:s|ed|ing)?|chang(?:e|es|ed) (?:it |them |this )?back|put back|fail(?:s|ed|ing)?[- ]?over|switch(?:es|ed)? (?:traffic|over)|shift(?:s|ed)? traffic|rerout(?:e|es|ed)|drain(?:s|ed)|disabl(?:e|es|ed)|turn(?:s|ed)? off|switch(?:es|ed)? off|paus(?:e|es|ed)|block(?:s|ed)|isolat(?:e|es|ed)|mitigat(?:e|es|ed|ion)|workaround|hot-?fix(?:es|ed)?|(?:deploy|apply|releas|ship|merg|push|roll)(?:s|es|ed|d)?\s+(?:out\s+)?(?:a\s+|the\s+)?(?:fix|patch|hotfix|revert|mitigation)|(?:fix|patch|workaround)(?:es)?\s+(?:was\s+|is\s+|has\s+been\s+)?(?:deployed|applied|released|rolled out|merged|implemented|put in place)|implement(?:s|ed)\s+(?:a\s+|the\s+)?(?:fix|patch|workaround)|patch(?:es|ed)\s+(?:the\s+)?\w+|repair(?:s|ed)|increas(?:e|es|ed)\s+(?:the\s+)?\w*\s*(?:memory|limit|capacity|resources)|scal(?:e|es|ed)\s+(?:up|out)|upgrad(?:e|es|ed)\s+(?:both|the|to|mainnet)`),
    w(String.raw`restor(?:e|es|ed|ing)|recover(?:s|ed|ing|y\s+(?:began|started))|working again|back (?:up|online|to normal|in service)|came back|comes back|service\s+(?:is\s+|was\s+)?(?:back|available)|errors?\s+(?:stop(?:s|ped)?|subside[sd]?|drop(?:s|ped)?)|restart(?:s|ed)?|reboot(?:s|ed)?|redeploy(?:s|ed)?|successfully`),
    w(String.raw`restart(?:et|a|er|ing)|rull(?:et|a|er) tilbake|gjenopprett(?:et|a|er)|normaliser(?:te|t|er) seg|(?:kom|er|var) opp igjen|oppe igjen|fungerer(?: som normalt)? igjen|virker igjen|midlertidig fiks|fikset|tilbake til normal(?:en)?`),
  ],
  resolved: [
    w(String.raw`resolv(?:e|es|ed)|all systems\s+(?:are\s+)?operational|incident\s+(?:was\s+|is\s+)?(?:closed|over|ended|resolved)|clos(?:e|es|ed)\s+(?:the\s+)?incident|all clear|stood down|end of (?:the\s+)?(?:incident|outage)|fully\s+(?:recovered|restored|operational|resolved)|confirm(?:s|ed)?\s+(?:(?:the|that)\s+)?(?:\w+\s+){0,3}(?:fixed|resolved|working|stable)|marked\s+(?:as\s+)?resolved|no\s+(?:further|more)\s+(?:errors|impact|issues)`),
    w(String.raw`fixed|is stable|back to normal|(?:fully|completely)\s+(?:functional|working)|finish(?:es|ed)`),
    w(String.raw`løst|friskmeld(?:te|t|er)|normal drift|lukket`),
  ],
};

/** Words before a cue that mean it did not happen (yet): "tried to roll back", "not resolved", "will revert". */
const NOT_YET = /\b(?:not|no|never|n't|failed to|unable to|could not|couldn't|tried to|try to|attempt(?:ed|ing|s)? to|plan(?:ned|ning|s)? to|decid(?:ed|es|ing) to|decision (?:was )?(?:made )?to|will|would|to be|waiting (?:for|to)|in order to|considered|discuss(?:ed|ing)|propos(?:ed|ing)|prepar(?:ed|ing) to|started to|began to|still|ikke|forsøkte|prøvde|skal)\b[^.;,]{0,30}$/i;

function cueIn(text: string, re: RegExp): string | undefined {
  const m = re.exec(text);
  if (!m) return undefined;
  if (NOT_YET.test(text.slice(Math.max(0, m.index - 60), m.index))) return undefined;
  return m[0];
}

/** The first cue of `phase` in the event text, strongest group first. */
function cueOf(text: string, phase: Exclude<Phase, 'started'>): { cue: string; strength: number } | undefined {
  const groups = CUES[phase];
  for (let g = 0; g < groups.length; g++) {
    const cue = cueIn(text, groups[g]);
    if (cue) return { cue, strength: groups.length - g };
  }
  return undefined;
}

/**
 * Fills in the phases the document does not state: for each phase with neither a tagged event nor a
 * front-matter time, the first event after the previous phase whose text says so. Mutates `events`.
 */
export function inferPhases(events: TimelineEvent[], metadata: Metadata): void {
  const stated = new Set<Phase>();
  for (const e of events) if (e.phase) stated.add(e.phase);
  for (const phase of ['started', 'detected', 'mitigated', 'resolved'] as const) if (metadata[phase]) stated.add(phase);
  const timed = events.map((e, i) => ({ e, i })).filter(({ e }) => e.time && !e.timeInvalid);
  if (timed.length === 0) return;
  // Each phase starts looking after the event of the phase before (or the first event).
  let from = 0;
  const indexOf = (phase: Phase) => timed.findIndex(({ e }) => e.phase === phase);
  for (const phase of ['detected', 'mitigated', 'resolved'] as const) {
    const stated_ = indexOf(phase);
    if (stated.has(phase)) {
      if (stated_ >= 0) from = stated_;
      continue;
    }
    let pick: { k: number; cue: string } | undefined;
    for (let k = from; k < timed.length; k++) {
      const { e } = timed[k];
      if (e.phase) continue;
      const found = cueOf(e.text, phase);
      if (!found) continue;
      // A stronger word of a later phase in the same event wins ("Rolled back; all systems operational").
      if (phase !== 'resolved' && cueOf(e.text, 'resolved')?.strength === 2 && phase === 'mitigated' && found.strength < 2) continue;
      pick = { k, cue: found.cue };
      break;
    }
    if (!pick) continue;
    const event = timed[pick.k].e;
    event.phase = phase;
    event.phaseSource = 'inferred';
    event.phaseCue = pick.cue;
    from = pick.k;
  }
}
