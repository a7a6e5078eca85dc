// The clause-reading mechanisms of the blame detector, each with sentences written for this test
// (none comes from the labelled sets) and a blameless counterpart that must stay unflagged.
import assert from 'node:assert/strict';
import { findBlameWording } from '../../../../src/core/blame/index';

type Expect = [text: string, category: string, agent?: string];

const flagged = (text: string, inActionItem = false) => findBlameWording(text, { inActionItem });

function expectFlagged(cases: Expect[], inActionItem = false): void {
  for (const [text, category, agent] of cases) {
    const hits = flagged(text, inActionItem);
    assert.ok(hits.length > 0, `not flagged: ${text}`);
    assert.ok(hits.some((h) => h.category === category), `${text}: ${hits.map((h) => h.category).join(', ')}`);
    if (agent !== undefined) assert.ok(hits.some((h) => h.agent?.text === agent), `${text}: agents ${hits.map((h) => h.agent?.text).join(', ')}`);
    for (const h of hits) assert.ok(h.blaming.text.length > 0, `${text}: blaming words`);
  }
}

function expectClean(texts: string[], inActionItem = false): void {
  for (const text of texts) assert.deepEqual(flagged(text, inActionItem).map((h) => `${h.category}: ${h.text}`), [], text);
}

describe('blame detector mechanisms', () => {
  it('agents: bare team names as subjects, titles, hyphenated names, appositives, relative clauses', () => {
    expectFlagged([
      ['infra ignored the disk warnings for a week', 'conduct', 'infra'],
      ['Support shouldn\'t have told customers the data was safe.', 'counterfactual', 'Support'],
      ['Dr Osei, the analyst on shift, overlooked the anomaly report.', 'conduct', 'Dr Osei'],
      ['Jean-Luc forgot to renew the wildcard certificate.', 'conduct', 'Jean-Luc'],
      ['The planner who signed off the cutover will not be asked back.', 'punitive', 'The planner'],
    ]);
    expectClean([
      'Support for ARM builds was added in 2.3.',
      'The Zalando operator failed to fail over the replica.',
      'Windows Defender caused the installer to be quarantined.',
      'Operators noticed the queue depth climbing and paged the DBA.',
    ]);
  });

  it('attribution put on whoever is named after the words', () => {
    expectFlagged([
      ['The corrupted exports are attributable to the data engineer who edited the schema.', 'attribution', 'the data engineer'],
      ['Management pinned the failed launch on the QA lead.', 'attribution', 'the QA lead'],
      ['The stale cache can be laid at the frontend team\'s door.', 'attribution', 'the frontend team'],
      ['If you need a culprit, look no further than the release engineer.', 'attribution', 'the release engineer'],
      ['This whole fiasco is courtesy of Bruno.', 'attribution', 'Bruno'],
      ['The fault lies squarely with the vendor\'s technician.', 'attribution'],
      ['Lotte caused the invoice mismatch.', 'attribution', 'Lotte'],
      ['It was the DBA, whose oversight this was, who dropped the index.', 'attribution'],
      ['It wasn\'t a bug in the app; rather the admin\'s account had a reused password.', 'attribution'],
    ]);
    expectClean([
      'All evidence points to a race in the cache layer.',
      'The fix is courtesy of Ravi, who stayed late to test it.',
      'The delay was down to slow DNS propagation.',
      'The team owns the payments service and its runbooks.',
      'A change in Versionista\'s behavior caused the scraper to fail.',
    ]);
  });

  it('lapses: idioms, fronted and trailing adjuncts, wrong targets, self-approval', () => {
    expectFlagged([
      ['The storage team let the quota alerts slide for a month.', 'conduct', 'The storage team'],
      ['Without so much as a dry run, the contractor applied the new firewall rules.', 'conduct', 'the contractor'],
      ['The SRE rebooted the database host, without checking for open transactions.', 'conduct', 'The SRE'],
      ['Yara ran the cleanup job on the production cluster rather than the staging copy.', 'conduct', 'Yara'],
      ['Kenji approved his own pull request at midnight.', 'conduct', 'Kenji'],
      ['The mobile dev shipped a build that had never been tested on a tablet.', 'conduct', 'The mobile dev'],
      ['Despite being warned in the review, Tariq merged the change.', 'conduct', 'Tariq'],
      ['Mateo promoted the release even though two canaries were failing.', 'conduct', 'Mateo'],
    ]);
    expectClean([
      'Kim restarted the workers rather than the database to keep writes flowing.',
      'Omar ignored the flaky test as the release checklist allows.',
      'Hana broke the backfill up into hourly chunks.',
      'The disk quietly filled over three days.',
      'Fatima skipped the optional soak test, which the checklist marks as nightly-only.',
      'Instead of a big-bang cutover, the team migrated one region at a time.',
    ]);
  });

  it('counterfactuals and rhetorical questions aimed at a person', () => {
    expectFlagged([
      ['Were the reviewers reading the diffs, they would have caught the typo.', 'counterfactual', 'the reviewers'],
      ['If the admin had enabled MFA, the account would still be ours.', 'counterfactual', 'the admin'],
      ['Had Sunita run the dry-run first, we\'d have kept the data.', 'counterfactual', 'Sunita'],
      ['Pablo needn\'t have drained the whole region.', 'counterfactual', 'Pablo'],
      ['How hard would it have been for the DBA to take a snapshot?', 'counterfactual', 'the DBA'],
      ['Would it have killed the web team to test on Safari?', 'counterfactual', 'the web team'],
      ['Was the incident commander even reading the channel?', 'counterfactual', 'the incident commander'],
      ['Couldn\'t the reviewer have caught this?', 'counterfactual', 'the reviewer'],
      ['Why on earth did nobody check the backups?', 'counterfactual'],
      ['It would have taken Lars a minute to check the region flag.', 'counterfactual', 'Lars'],
      ['The security analysts were in a position to revoke the token and simply didn\'t.', 'counterfactual', 'The security analysts'],
    ]);
    expectClean([
      'If the alert had fired, the on-call would have responded within minutes.',
      'If the on-call had had a runbook, recovery would have been faster.',
      'Were the metrics sampled more often, we would have seen the spike.',
      'Would the on-call have known about the maintenance window?',
      'Did the on-call actually receive the page?',
      'Why didn\'t the health check catch the bad node?',
      'It would have taken hours to rebuild the index from scratch.',
      'Should a responder miss the page, it escalates after five minutes.',
    ]);
  });

  it('judgements found through copulas, owners, by/from and the clause subject', () => {
    expectFlagged([
      ['The platform team got complacent about capacity.', 'judgement', 'The platform team'],
      ['His handling of the rollback was haphazard.', 'judgement'],
      ['What a clown show from the release squad.', 'judgement', 'the release squad'],
      ['The consultant displayed a total disregard for the change process.', 'judgement', 'The consultant'],
      ['Idris is in way over his head on the storage migration.', 'judgement', 'Idris'],
      ['The new lead lacks the basic judgement to run a bridge call.', 'judgement', 'The new lead'],
      ['Ruth is simply not careful enough to own the signing keys.', 'judgement', 'Ruth'],
      ['Even a first-week intern would have noticed the wrong region.', 'judgement'],
    ]);
    expectClean([
      'The old tooling was hopeless at showing which cluster you were on.',
      'The dashboard lacks the basic filters we needed.',
      'The on-call had no clue that the alert was routed to a dead channel.',
      'The parser is inept at handling UTF-16.',
      'Is the monitoring even capable of seeing per-tenant latency?',
    ]);
  });

  it('remedies aimed at people, by their structure', () => {
    expectFlagged([
      ['Reviewers must try harder to spot risky migrations.', 'punitive', 'Reviewers'],
      ['Encourage the support agents to be more thorough with refunds.', 'punitive'],
      ['Send out a memo that on-call engineers must acknowledge pages within five minutes.', 'punitive'],
      ['Goran will be formally reprimanded.', 'punitive', 'Goran'],
      ['The data lead is to be excluded from release sign-off.', 'punitive', 'The data lead'],
      ['Bilal\'s production access is suspended pending a disciplinary review.', 'punitive'],
      ['Deduct the refund costs from the contractor\'s invoice payment.', 'punitive'],
      ['Have a stern conversation with Ines about the skipped checks.', 'punitive', 'Ines'],
      ['Take Wren off the on-call rotation for the rest of the quarter.', 'punitive', 'Wren'],
      ['The night technician should apologise to the customer in writing.', 'punitive', 'The night technician'],
    ], true);
    expectClean([
      'Remove the decommissioned nodes from the rotation.',
      'Replace the disk with a larger one.',
      'All engineers will complete the updated incident training this quarter.',
      'Ana will be removed from the pager rotation during her parental leave.',
      'The help desk will verify callers through the HR directory before any reset.',
      'Have a talk with the vendor about their status page.',
    ], true);
  });

  it('labels: by contrast with the product, and quoted when recorded as the finding', () => {
    expectFlagged([
      ['Closed as a customer problem, not a firmware problem.', 'label'],
      ['The ticket was closed as \'operator error\'.', 'label'],
      ['Root cause: between keyboard and chair.', 'label'],
    ]);
    expectClean([
      '\'Operator error\' is where the analysis starts, not where it ends.',
      'Human factors research shaped the new console layout.',
      'Was this human error? Not in any useful sense.',
    ]);
  });

  it('offers no rewording for a quoted label (it is a record, not prose)', () => {
    const [hit] = flagged('The ticket was closed as \'user error\'.');
    assert.equal(hit.category, 'label');
    assert.equal(hit.replacement, undefined);
  });

  it('idioms of the dev8 pass: the agent found through each, and their system or rejected counterparts', () => {
    expectFlagged([
      ['The buck stops with the deploy captain, who waved the release through.', 'attribution', 'the deploy captain'],
      ['Chalk the double charge up to Oren\'s rushed hotfix.', 'attribution'],
      ['The data loss traces right back to a slip by Noor on the admin console.', 'attribution', 'Noor'],
      ['Blame for the lost orders belongs to the billing-platform lot.', 'attribution'],
      ['Had it dawned on Tobias to check the replica lag, there would have been no failover.', 'counterfactual', 'Tobias'],
      ['The least the release manager could have done was read the changelog.', 'counterfactual', 'the release manager'],
      ['Any DBA worth their salt would have kept a snapshot.', 'judgement'],
      ['Typical Marguerite, pushing on a Friday evening.', 'judgement', 'Marguerite'],
      ['The field crew bodged the fibre splice in the manhole.', 'conduct', 'The field crew'],
      ['The storage team has made a real hash of the migration.', 'conduct'],
      ['It was a wetware issue at the keyboard, closing.', 'label'],
    ]);
    expectFlagged([
      ['Keep an eye on Rasmus whenever he deploys.', 'punitive', 'Rasmus'],
      ['Stand Ingrid down as release captain until the audit is done.', 'punitive'],
      ['Owner: HR. Leif\'s bonus is to be docked for the outage.', 'punitive'],
    ], true);
    expectClean([
      'The car was parked in the parking lot next to the data centre.',
      'Classic Kubernetes: the pod restarted in a loop.',
      'We stood the incident bridge down at 14:00.',
      'The metrics pipeline was asleep at the wheel: its scrape job had stopped.',
      'The scheduler was out of its depth with that many cron entries.',
      'The heartbeat service should have sent a ping every second.',
      'Finger trouble was our first guess, but the audit log showed a templating bug.',
      'Interviews asked what the responders could see, not what they should have done.',
    ]);
    expectClean(['Keep an eye on the disk usage after the upgrade.'], true);
  });

  it('the dev9 pass: a person\'s action and the damage it did in a clause of its own, and the same structures without blame', () => {
    expectFlagged([
      ['Dmitri truncated the orders table during peak hours, so checkout latency doubled.', 'attribution', 'Dmitri'],
      ['Ines\'s migration, run without a dry run, took the billing API offline.', 'attribution'],
      ['Thanks to Piet, the storefront served a maintenance page all evening.', 'attribution', 'Piet'],
      ['Zhao was on call and didn\'t, so the queue filled the disk.', 'conduct'],
      ['tomasz: my bad, I pointed the importer at the live bucket', 'conduct'],
      ['What a numpty: Rory rebooted the primary mid-sale.', 'judgement', 'Rory'],
      ['Why Elif thought it was fine to rotate the keys during the freeze is a mystery.', 'judgement', 'Elif'],
      ['The migration squad are a bunch of cowboys.', 'judgement'],
      ['Heads should roll for the lost invoices.', 'punitive'],
    ]);
    expectFlagged([['Have a word with Bruno about force-pushing to main.', 'punitive', 'Bruno']], true);
    expectClean([
      'Mia restarted the consumer, and the backlog went down within minutes.',
      'Ola drained the node, and the pods went offline one by one as planned.',
      'Amara failed over to the standby, so the error rate doubled for a minute before settling.',
      'Thanks to Priyanka, the status page was back within minutes.',
      'After Ines\'s review, the cache filled the disk and the broker went read-only.',
      'We deployed the change and users lost their sessions.',
      'Nobody on the storage team could have known the disk was failing; the SMART alerts went to an old mailbox.',
    ]);
  });

  it('the dev11 pass: soft remedies, narrated present, initials, non-native aspect, understatement, and their blameless twins', () => {
    expectFlagged([
      ['Thabo opens the wrong namespace, deletes the deployment, and only then checks the context.', 'conduct', 'Thabo'],
      ['Trigger: the DBA (M.O.) edited the wrong parameter group', 'conduct'],
      ['Operator has not verified the backup before the restore, so the ledger is empty.', 'conduct'],
      ['The build engineer is not following the release checklist, same issue again.', 'conduct'],
      ['Had Noor waited for the replica to catch up, none of this happens.', 'counterfactual', 'Noor'],
      ['When the queue backed up, the secondary on-call was nowhere to be found.', 'conduct'],
      ['Not Bartek\'s finest hour.', 'judgement', 'Bartek'],
      ['The payments team treats code review as a formality.', 'judgement'],
      ['A creative interpretation of the freeze by the release crew took the app store build down.', 'judgement'],
    ]);
    expectFlagged([
      ['Make sure Kofi understands that schema changes need a migration review.', 'punitive', 'Kofi'],
      ['Until further notice, Hyun-woo will be paired with a senior engineer for database work.', 'punitive', 'Hyun-woo'],
      ['Action: TK to stop doing manual deploys on Fridays.', 'punitive', 'TK'],
      ['Agreed: Ewa comes off the release rota until March.', 'punitive', 'Ewa'],
      ['Ensure Farid does not merge without a review again.', 'punitive', 'Farid'],
      ['Ask the QA team to please be more careful with the smoke suite.', 'punitive'],
    ], true);
    expectClean([
      'On her own initiative, Ines stayed late to rebuild the cache, which brought search back early.',
      'The objects were deleted by the cloud vendor when the trial expired.',
      'The memes about PEBKAC in the channel did not help anyone.',
      'Calling this human error would stop the review where it should start.',
      'When the disk fills up, the on-call engineer gets a page.',
      'Not the finest hour for our DNS setup.',
      'The scheduler treats retries as optional when the queue is full.',
      'The release notes took a creative interpretation of semver.',
    ]);
    expectClean([
      'Make sure the runbook covers the failover step.',
      'Ensure the job does not run twice again.',
      'We will have a conversation with the vendor about how they announce breaking changes.',
      'Agreed: LM joins the deploy rota in Q3 after shadowing two releases, as every new hire does.',
      'Remind the scheduler to actually retry.',
    ], true);
  });

  it('the dev12–dev14 pass: the formal register, hedges between commas, titles, handles with dots, markup, and their blameless twins', () => {
    expectFlagged([
      ['The review panel concluded that the outage arose from an oversight on the part of Ms. Lindqvist.', 'attribution', 'Ms. Lindqvist'],
      ['A deviation from procedure by Mr. Osei during the handover energised the wrong feeder.', 'attribution'],
      ['The delay can be ascribed principally to a failure of ownership within the billing squad.', 'attribution'],
      ['Accountability for the wrong tariff lies with the pricing team.', 'attribution'],
      ['The change was, it must be noted, applied by Dr. Haddad outside the maintenance window.', 'conduct'],
      ['Had Mr. Novak consulted the change calendar, the migrations would not have overlapped.', 'counterfactual'],
      ['It would have been prudent for Ms. Ferreira to ask for a second review.', 'counterfactual'],
      ['Greater care on the operator\'s part would have prevented the double payment.', 'counterfactual'],
      ['The analyst showed poor judgement in overriding the fraud alert.', 'judgement'],
      ['Ms. Adeyemi\'s handling of the escalation fell well below the standard expected of an incident commander.', 'judgement'],
      ['A more careful engineer than Tomasz would have checked the context first.', 'judgement', 'Tomasz'],
      ['In the end the mistake was entirely the data team\'s.', 'attribution'],
      ['The review put the blame squarely on the release captain.', 'attribution'],
      ['09:41 — @ravi.s force-pushes over the release branch.', 'conduct', '@ravi.s'],
      ['Primary cause: an error by B. Lindqvist while entering the tenant ID', 'attribution'],
      ['## How Rafaela took down the payments API', 'attribution', 'Rafaela'],
    ]);
    expectFlagged([
      ['A performance conversation has been scheduled with the engineer who executed the change.', 'punitive'],
      ['Appropriate measures have been taken with the staff member responsible.', 'punitive'],
      ['- [ ] Next steps: make sure @lucia.m pays closer attention to the canary graphs', 'punitive', '@lucia.m'],
      ['Formally remind all branch staff to exercise greater care when keying rates.', 'punitive'],
      ['Owner: Ngozi — stop merging your own hotfixes without a review', 'punitive', 'Ngozi'],
      ['Pair Hiroshi with a senior engineer for all prod changes until further notice', 'punitive', 'Hiroshi'],
      ['@tkowalski to double-check the cluster context before every delete', 'punitive', '@tkowalski'],
      ['Action: Emeka shadows someone competent for his next three deploys', 'punitive', 'Emeka'],
      ['Talk to Sione one-on-one about rushing the schema change', 'punitive', 'Sione'],
      ['Have a conversation with Lena about release discipline.', 'punitive', 'Lena'],
    ], true);
    expectClean([
      'The outage arose from an error in the pricing engine\'s rounding.',
      'The decision to fail over lies with the incident commander.',
      'The risk of compromise through malice or operator error is why the keys moved into the vault.',
      'Classifying the outcome as human error would obscure the missing interlock.',
      'The initial ticket recorded the cause as \'user error\'; this classification was later withdrawn.',
      'The vendor\'s field engineer, who had been asked to swap only the failed PSU, stopped to confirm with us first.',
      'The headset crash only reached the pilot group because Priyanka insisted on keeping the blocker on the checklist.',
      'That made it hard to see the cause and made the operator look in the wrong place.',
      'Nothing told the mobile team the endpoint was moving: the notice went to a list they had never been subscribed to.',
      'Contributing factor: the two-person rule is enforced only by convention.',
      'The Silver cluster is running v4.5.20, so we rolled back "Workaround 2", which triggered the issue.',
      'Someone said \'the network team, as usual, didn\'t tell anyone\', but the change had been announced in the calendar.',
      'Greater care on our part is needed.',
    ]);
    expectClean([
      'Talk to the vendor about their API deprecation schedule.',
      'Pair the new alert with a runbook link.',
      '@tkowalski to add a confirmation step before every kubectl delete',
      'Stop deploying on Fridays until the canary stage exists.',
    ], true);
  });

  it('the dev15–dev16 pass: plain words in context, leading labels, asides between subject and verb, and their blameless twins', () => {
    expectFlagged([
      ['Dmitri changed the pool size to 5 instead of 50.', 'conduct', 'Dmitri'],
      ['The batch window was set by Anouk to 1 hour instead of 10 hours.', 'conduct', 'Anouk'],
      ['She only tested the query locally before running it on every shard.', 'conduct'],
      ['The approver signed off on the release even though the canary was still red.', 'conduct'],
      ['Farid kept restarting the broker after being asked to stop.', 'conduct', 'Farid'],
      ['Bea is still new to Terraform and it showed.', 'judgement', 'Bea'],
      ['Idris is the one who wrote the cleanup job, and it deletes every bucket older than a day.', 'attribution', 'Idris'],
      ["Anouk's decision to skip the canary is what let the bad build reach every region.", 'attribution', 'Anouk'],
      ["Were it not for Dmitri's manual edit, the failover would have worked.", 'counterfactual', 'Dmitri'],
      ['All Farid had to do was wait for the snapshot.', 'counterfactual', 'Farid'],
      ['A quick look by the release manager at the diff would have caught it.', 'counterfactual', 'the release manager'],
      ["It slipped through on Idris's watch: the flag shipped on for everyone.", 'attribution'],
      ['Handover: Lars silenced the replication alarm instead of investigating it.', 'conduct', 'Lars'],
      ['Femi, despite three warnings from the storage team, went ahead with the resize.', 'conduct', 'Femi'],
      ['Who on earth runs a schema migration at peak?', 'judgement'],
      ['who wiped the staging database?? two weeks of fixtures gone', 'conduct'],
      ['whoever merged #5120 without CI, please revert it', 'conduct'],
      ["Zoe's rushed hotfix, reviewed by nobody, is the reason invoices went out twice.", 'attribution', 'Zoe'],
      ["I've asked HR to sit in on Monday's conversation with Derek about the deletion.", 'punitive'],
      ['The outage started because Bea, who was covering for the on-call, ran the cleanup against production.', 'attribution', 'Bea'],
    ]);
    expectFlagged([
      ['AI-7: retrain Oksana on the failover checklist', 'punitive', 'Oksana'],
      ['Action: Bea is not to deploy to production without a reviewer until further notice.', 'punitive', 'Bea'],
      ['Action: Dmitri to re-read the replication docs and present them to the team.', 'punitive', 'Dmitri'],
      ["Helen's production access is suspended pending a review.", 'punitive'],
      ['TODO: make Gareth present the post-mortem to the whole org as a lesson.', 'punitive', 'Gareth'],
      ["Follow-up: HR to add this incident to Yara's performance review.", 'punitive'],
      ["Action item: have someone watch over Beatriz's deploys for the next month.", 'punitive'],
    ], true);
    expectClean([
      'Dmitri changed the pool size to 50 as the ticket requested; the pooler capped it at 5.',
      'Hamid was the one who spotted the mismatch an hour later.',
      'Our CDN went down because their control plane pushed a bad config to every edge.',
      'Log line: ERROR operator error: invalid region (user=jdoe)',
      'We are not going to write this up as human error; the dialog gave no way to tell the clusters apart.',
      'Handover: primary (Lars) restarted the replica at 03:10 and the lag cleared by 03:40.',
      'Femi, who had been on call all night, handed over to the day shift at 08:00.',
      'Were it not for the circuit breaker, the retry storm would have reached the database.',
      'A quick look at the lag graph would have shown it, but that graph is on no dashboard.',
      'The migration tool does not check anything before it runs.',
      'Q: Who approved the rollout? A: It went through the normal two-reviewer process.',
      "Sticky: 'who dropped the ball?' is the wrong question; the handoff had no owner.",
      'Who restarted the pod at 03:10?',
    ]);
    // Found in review: credit, compliance, reasons and routine read as blame by the first version of these rules.
    expectClean([
      'Priya was the one who rolled back the release within four minutes.',
      'Lena was the person who declared the incident and opened the bridge.',
      'Marco is the one who built the canary pipeline that limited the blast radius.',
      'Ravi was the one who got paged.',
      "Were it not for Aisha's quick rollback, the outage would have lasted hours.",
      "Had it not been for Tom's alert rule, we would have missed the leak entirely.",
      "Jonas's decision to fail over to the secondary region is what let us recover in 20 minutes.",
      "Jonas's quick thinking is the reason we recovered so fast.",
      'What Ana did next is why we recovered so quickly.',
      'All the on-call engineer had to do was follow the runbook, and she did, in under five minutes.',
      'Ana restarted the pod after being asked to by the incident commander.',
      'Ravi failed over to the replica after being instructed to in the runbook.',
      'Ana, having been told by the incident commander to skip the canary, skipped the canary.',
      'Ravi, after being instructed by the IC to ignore the disk alerts during the migration, ignored them.',
      'Ana, despite having followed the runbook exactly, missed the second step because the runbook omitted it.',
      'Remind Omar that his on-call swap starts Monday.',
      'Confirm that she has read the new runbook before her first shift.',
      "Helen's credentials were revoked automatically when the token expired.",
      "Helen's access is suspended while she is on parental leave, as per policy.",
      "On Ana's watch the error rate dropped to zero.",
      'By the time Ana decided to fail over, the primary had already recovered.',
      'Ana still waited ten minutes for the replica to catch up, as the runbook requires.',
      'Ana merged it herself because she was the only one awake.',
      'Ana saw the alert at 03:12 and went back to the runbook to find the failover steps.',
      'Ana set the replica count to 5 instead of 3 to absorb the load.',
      'Ana set the limit to 50 instead of 20, as the capacity plan specified.',
      'Kim applied the patch although the vendor had flagged it as optional.',
      'Kim approved the change in five minutes, as the two-reviewer rule was already met.',
      "Ana doesn't watch the channel on weekends, since she isn't on call then.",
      "The vendor still hasn't shipped the fix they promised for Q3.",
      'Who on earth would have guessed that the DNS TTL was cached for a week?',
      'Kai tends to skip the small talk and get straight to the fix.',
      "The incident started because Elif's scheduled job hit the expired certificate.",
      'Ana muted the duplicate alerts while the team worked on the fix.',
      'Ana turned off the legacy monitoring after the new stack went live.',
      'Ana restarted the service without a single question from the bridge, since the runbook covered it.',
    ]);
    expectClean([
      'Decision: Ana is not to deploy on Fridays, like everyone else, as per the new freeze policy.',
      'Owner: Ana to re-read the docs for the new API and update the runbook.',
      'Action items: remind Omar that the dashboard moved.',
      'AI-3: confirm that she has read the updated runbook.',
      'Avoid: Ana forgot to renew the certificate.',
    ], true);
  });

  it('the dev-misses pass of stop 43: a contracted "that one\'s on", the last to touch, leaving after a release, going against a warning, habits, and remedies aimed at one person; and their blameless twins', () => {
    expectFlagged([
      ["That one's on Thabo, no two ways about it.", 'attribution', 'Thabo'],
      ['Sipho was the last person to touch the load balancer config before it broke.', 'attribution', 'Sipho'],
      ['Jonas pushed the schema change at 16:55 on a Friday and went home.', 'conduct', 'Jonas'],
      ['Mehmet flipped the flag to 100% globally and then left for lunch.', 'conduct', 'Mehmet'],
      ['Aiyana pushed the firmware build to all 4,000 gateways even though the canary group was still rebooting.', 'conduct', 'Aiyana'],
      ['The treasury analyst proceeded with the batch notwithstanding the reconciliation warning displayed on screen.', 'conduct', 'The treasury analyst'],
      ['Although the runbook clearly says to drain the node first, Kwame rebooted kafka-3 while it was still the leader.', 'conduct', 'Kwame'],
      ["The junior admin's habit of running scripts as root is what ultimately wiped /var.", 'judgement'],
      ['The on-call engineer was asleep at the switch and acknowledged the page without looking at it.', 'judgement'],
      ['The product owner insisted on launching without a load test.', 'conduct', 'The product owner'],
      ["Renewing the certificate was on Tomasz's list, but it slipped his mind.", 'conduct'],
      ["It is fair to say Farid's decision to disable the rate limiter was the single biggest factor.", 'attribution', 'Farid'],
      ['The outage came down to one intern with root and no supervision.', 'attribution'],
      ['Ramesh pushed the config to all prod nodes without taking a backup.', 'conduct', 'Ramesh'],
      ['kev forgot to renew the wildcard cert, same as last year.', 'conduct', 'kev'],
      ['Prakash kept the DB password in the shared sheet itself, that is why the breach happened.', 'attribution', 'Prakash'],
      ["Tom deleted the bucket, that's why the site was down.", 'attribution', 'Tom'],
      ['Tom kept the password in a shared sheet, which is why the breach happened.', 'attribution', 'Tom'],
    ]);
    expectFlagged([
      ['Action: Marco to attend secure-coding training again before he gets production access back.', 'punitive', 'Marco'],
      ['AI: restrict Jordan to read-only on the billing cluster until further notice.', 'punitive', 'Jordan'],
      ['Action: have a word with the contractor about how loosely they handle change tickets', 'punitive'],
      ['Action item: the data team needs to stop ignoring the freshness alerts', 'punitive'],
    ], true);
    expectClean([
      "It's on Tom to fix the alerting by Friday.",
      "That's on the roadmap for Q3.",
      'Sipho was the last person to touch the config before it broke, and his change turned out to be unrelated.',
      'Ana was the last person to leave the bridge.',
      'Ana deployed the fix and went home at 19:00 once the graphs were flat.',
      'Ana pushed the revert and went home.',
      'Ana restarted the pod even though the DB was still recovering.',
      'Kim applied the patch although the vendor had flagged it as optional.',
      'The CI system has a habit of timing out on Mondays.',
      'The customer insisted on launching on Monday.',
      "Farid's quick rollback was the single biggest factor in the short outage.",
      'The retry storm came down to a missing jitter setting.',
      'Jun 14 10:02 the primary failed over to the replica.',
      "Tom rolled back quickly, that's why the outage was short.",
      "Ana restarted the pod, that's why the errors stopped.",
      'Ana fixed the config, which is why the error rate dropped to zero.',
      "The cache was cold, that's why latency spiked.",
    ]);
    expectClean([
      'Action item: Ngozi will have a word with the vendor about their API returning 200 with an empty body while throttling.',
      'Ops to attend the new failover training in March.',
      'We need to stop ignoring flaky tests: quarantine them automatically.',
    ], true);
  });

  it('the dev19 pass: what broke it was X, the problem is that X, a fronted lapse adverb, zero reviews, X\'s refusal, more care from X, any reasonable engineer, sarcastic praise, we all know who, lessons for X; and their blameless twins', () => {
    expectFlagged([
      ['What actually broke checkout was Aoife hot-patching the tax service from her laptop.', 'attribution', 'Aoife'],
      ["Our monitoring was fine; the problem is that Jakob doesn't look at it.", 'attribution', 'Jakob'],
      ['Mistakenly, Luca deployed the build meant for the beta channel to all users.', 'conduct', 'Luca'],
      ['Tom merged his PR with zero reviews.', 'conduct', 'Tom'],
      ["The delay was caused by Tom's refusal to escalate to the network vendor.", 'attribution'],
      ["Culprit: @msato's regex in the log scrubber.", 'attribution'],
      ['With a bit more care from Viktor, the backup job would still be running.', 'counterfactual', 'Viktor'],
      ["Any reasonable engineer would have noticed that the diff deleted 400 lines; Ben didn't.", 'judgement', 'Ben'],
      ['Great job, Nikos, really stellar work taking down the storefront on launch day.', 'judgement', 'Nikos'],
      ['The intern, bless him, managed to delete the only copy of the seed data.', 'conduct'],
      ['The array filled up because somebody in the data team — we all know who — left debug logging on.', 'attribution'],
      ['Tom kept the default password on the server, which is how the ransomware got in.', 'attribution', 'Tom'],
      ["Sara's team dragged their feet on the patch and the exploit landed first.", 'conduct'],
      ['DK acknowledges the page and goes back to sleep.', 'conduct', 'DK'],
      ['2:14 AM — DK acknowledges the page and goes back to sleep.', 'conduct', 'DK'],
      ['[08:47] Tom acknowledged the page and went back to sleep.', 'conduct', 'Tom'],
      ['Leadership wants Tom held to account.', 'punitive'],
      ['Lesson for Ivo: read the whole diff before you approve it.', 'punitive', 'Ivo'],
    ]);
    expectClean([
      'What actually broke checkout was a stale cache entry in the tax service.',
      'The problem is that Ana was on leave.',
      'Unintentionally, the cron job deleted the table.',
      "Farid's refusal to skip the canary is what saved us.",
      'With a bit more care from the scheduler, the jobs would be spread evenly.',
      'We all know who to call when the storage array fills up.',
      'Siobhán handed the deployment over to ops with a written checklist, which is how the rollback took six minutes.',
      "We considered writing 'operator error' in the root-cause field and decided against it, because the operator did exactly what the runbook said.",
      'Making the console harder to misuse, so that a human error cannot pick the wrong region, is tracked in INFRA-441.',
      'The scheduler acknowledges the job and goes back to sleep.',
      '02:14 — Mia rolled back the release and went back to bed once the graphs were flat for an hour.',
    ]);
  });
});
