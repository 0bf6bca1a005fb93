//! English: the findings' phrases (titles, details, corrective actions).

use crate::lang::catalogue::*;

pub(super) const FINDINGS: FindingPhrases = FindingPhrases {
    plan_owner: "Plan owner",
    attempts: AttemptPhrases {
        answered: |person, channel, took| format!("{person} answered on {channel} after {took}"),
        no_answer: |person, channel, waited| format!("{person}: no answer on {channel} in {waited}"),
        channel_down: |person, channel| format!("{person}: {channel} was down"),
        pending: |person, channel, at| format!("{person}: called on {channel} at {at}, not answered by the end"),
        gap: |from, to| format!("no attempt from {from} to {to}"),
    },
    runbooks_at_site: RunbooksAtSite {
        title: |site, steps| {
            if steps == 1 {
                format!("A runbook was kept at {site}, which went down")
            } else {
                format!("The runbooks of {steps} recovery steps were kept at {site}, which went down")
            }
        },
        detail: |site, at, steps| {
            format!("{site} went down at {at}, and with it the runbooks of: {}.", steps.join("; "))
        },
        step_slowed: |step, function, lost| format!("\"{step}\" ({function}), which lost {lost} without it"),
        step_not_reached: |step, function| {
            format!("\"{step}\" ({function}), which did not start while the site was down")
        },
        corrective_action: |site, steps| {
            format!(
                "Keep copies of the runbooks for {} where an outage of {site} cannot reach them (the DR site or a cloud drive, and on paper), and check them at each plan review.",
                steps.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
            )
        },
    },
    channels_on_system: ChannelsOnSystem {
        title: |channels, system| format!("{} went down with {system}", channels.join(" and ")),
        detail: |system, at, counts| {
            format!("{system} went down at {at}, and the channels that run on it with it: {}.", counts.join("; "))
        },
        attempts_down: |channel, n| {
            if n == 1 {
                format!("one attempt over {channel} found it down")
            } else {
                format!("{n} attempts over {channel} found it down")
            }
        },
        action_other_channels: |channels, system, others| {
            format!(
                "Put {} ahead of {} in the call tree and the contact lists, so that no call waits on {} while {system} is down.",
                others.join(" or "),
                channels.join(" and "),
                channels.join(" or ")
            )
        },
        action_no_other_channel: |channels, system| {
            format!(
                "Every channel in the plan needs {system}: add one that does not (a mobile phone or SMS) and run {} so that it does not need {system}.",
                channels.join(" and ")
            )
        },
    },
    role_unreachable: RoleUnreachable {
        title: |role| format!("Nobody holding {role} was reached"),
        title_reached_later: |role, after, person, at| {
            format!("{role} could not be reached for {after} ({person} reached at {at})")
        },
        detail: |tried| format!("The primary and every backup were tried: {}.", tried.join("; ")),
        detail_no_backup: |tried| format!("The role has no backup; its only holder was tried: {}.", tried.join("; ")),
        reached_later: |at, after, deadline| {
            format!(
                " Someone was reached only on a later round, at {at}: {after} after the call began, against a deadline of {deadline}."
            )
        },
        corrective_action: |role, holders| {
            format!(
                "Name a further backup for {role} (now {}), confirm everyone's contact details, and check that they are not away at the same time.",
                holders.join(", ")
            )
        },
        action_channels_down: |role, holders, channels| {
            format!(
                "Every attempt to reach {role} found its channel down ({}): give {} a channel that does not need the same systems, and let the call tree try it.",
                channels.join(", "),
                holders.join(", ")
            )
        },
    },
    rto_missed: RtoMissed {
        title: |function, rto, state| format!("{function} missed its RTO of {rto}: {state}"),
        names: |names| match names {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        },
        detail_step_never_started: |step, ready, why| {
            format!("The step \"{step}\" was ready from {ready} but never started: {why}.")
        },
        detail_step_held_up: |step, wait, held, why| {
            format!("The longest wait was the step \"{step}\": {wait} before it started, {held} of it while {why}.")
        },
        detail_not_completed: "No step waited once it was ready: the time went on the steps themselves.",
        hold_system: |system| format!("{system}, which it needs, was down"),
        hold_channel: |channel| format!("{channel}, which it needs, was down"),
        hold_role_unreachable: |role| format!("nobody acting for {role} could be reached to do it"),
        hold_handover: |role| format!("{role} was still being handed over to a backup"),
        hold_busy: |role| format!("the person acting for {role} was busy with another step"),
        hold_more_urgent: |role| format!("{role} was kept for a more urgent function's recovery"),
        action_hold_system: |step, system| {
            format!("Let \"{step}\" run without {system} (a written workaround), or bring {system} back sooner.")
        },
        action_hold_channel: |step, channel| {
            format!("Let \"{step}\" run without {channel}, or give it a channel that stays up.")
        },
        action_hold_role_unreachable: |step, role| {
            format!(
                "Make sure someone acting for {role} can be reached to start \"{step}\" (a further backup, checked contact details)."
            )
        },
        action_hold_handover: |step, role| {
            format!(
                "Shorten the hand-over of {role} to its backups (a written hand-over note, access granted beforehand) so that \"{step}\" can start sooner."
            )
        },
        action_hold_busy: |step, role| {
            format!(
                "Give {role} another holder who can take \"{step}\" while the first works on other steps, or let another role do it."
            )
        },
        action_procedure_too_long: |function, rto| {
            format!(
                "Shorten the recovery procedure of {function} (run steps in parallel, pre-stage the DR site) or review its RTO of {rto} in the BIA."
            )
        },
        detail_waited_for_dependency: |done, waits| {
            format!("Its recovery procedure was done at {done}, but the function waited {}.", waits.join(", then "))
        },
        wait_first: |wait, what, how| format!("{wait} for {what} ({how})"),
        wait_then: |until, what, how| format!("until {until} for {what} ({how})"),
        ended_back: |what, at| format!("until {what} was back at {at}"),
        ended_replaced: |alternate, supplier, at, lead| {
            format!("until {alternate} took over from {supplier} at {at}, after its {lead} lead time")
        },
        ended_not: |end| format!("still missing at the end, {end}"),
        action_wait_for_dependency: |function, what| {
            format!(
                "Give {function} a way to run without {what} (a standby or alternate ready in time, or a procedure that works around it), or review its RTO in the BIA."
            )
        },
    },
    declared_late: DeclaredLate {
        title: |wait| format!("The disaster was declared {wait} after the disruption"),
        because_default: |wait, prompt, at| {
            format!(
                "Recovery steps start only once a disaster is declared, and it was declared {wait} after the outage, only when the unanswered decision \"{prompt}\" took its default at {at}."
            )
        },
        because_unreached: |wait, role, at| {
            format!(
                "Recovery steps start only once a disaster is declared, and it was declared {wait} after the outage: nobody holding {role}, who declares, was reached until {at}."
            )
        },
        because_slow: |wait| {
            format!(
                "Recovery steps start only once a disaster is declared, and it was declared {wait} after the outage."
            )
        },
        held: |functions| format!(" Functions that missed their RTO waiting for it: {functions}."),
        action_name_declarer: |role, within| {
            format!(
                "Name who declares when no holder of {role} can be reached within {within}, write it into the plan, and rehearse it."
            )
        },
        action_trigger: |functions, wait| {
            format!(
                "Agree a declaration trigger so that an outage of {functions} is declared well within its RTO (this time the declaration took {wait})."
            )
        },
    },
    rpo_missed: RpoMissed {
        title: |function, lost, rpo| format!("{function} lost {lost} of data against an RPO of {rpo}"),
        all_data_lost: "all data (no reachable copy)",
        detail: |protection| format!("Its data protection cannot meet the RPO: {}.", protection.join("; ")),
        backup_every: |system, interval| format!("{system}: backup every {interval}"),
        replica_lag: |system, lag| format!("{system}: replica lag {lag}"),
        no_backup: |system| format!("{system}: no backup"),
        action_back_up_more_often: |system, rpo, now| {
            format!("Back up {system} at least every {rpo} (now every {now}) and test a restore.")
        },
        action_cut_replica_lag: |system, rpo, now| {
            format!("Keep the replica of {system} less than {rpo} behind (its lag is {now}).")
        },
        action_start_backups: |system, rpo| {
            format!("Back up or replicate {system} at least every {rpo}; it has no copy today.")
        },
        action_copy_elsewhere: |system, site| {
            format!(
                "Keep a copy of {system} away from {site}, which holds its copies and went down with it, and test a restore from there."
            )
        },
    },
    single_channel: SingleChannel {
        title: |person| format!("{person} can be reached through one channel only"),
        detail: |channel| {
            format!(
                "Their only channel is {channel}: when it fails or goes unanswered there is no other way to reach them."
            )
        },
        action_add: |person, channel, others| {
            format!(
                "Record a second channel for {person} that does not share the systems of {channel}: {}, which the plan already has.",
                others.join(" or ")
            )
        },
        action_add_new: |person, channel| {
            format!(
                "Every channel in the plan shares the systems of {channel}: add one that does not and record it for {person}."
            )
        },
    },
    single_source: SingleSource {
        title: |supplier| format!("{supplier} was cut off and has no alternate"),
        detail_restored: |at| {
            format!("No alternate could take over; supply came back only when the supplier was restored at {at}.")
        },
        detail_still_cut_off: |end| {
            format!("No alternate could take over; the supplier was still cut off when the exercise ended ({end}).")
        },
        corrective_action: |supplier| {
            format!("Qualify an alternate to {supplier} and record its switch-over lead time in the plan.")
        },
    },
    notification_late: NotificationLate {
        title: |role| format!("{role} was not reached within the call tree's deadline"),
        title_not_reached: |role, end| format!("Nobody holding {role} was reached by the end ({end})"),
        detail: |when, deadline, tried| {
            format!("Reached after {when}, against a deadline of {deadline}. Tried: {}.", tried.join("; "))
        },
        detail_not_reached: |end, deadline, tried| {
            format!("Not reached by the end ({end}), against a deadline of {deadline}. Tried: {}.", tried.join("; "))
        },
        link_allows: |link, channels| format!(" The link {link} allows only {}.", channels.join(", ")),
        link_any_channel: |link| {
            format!(" The link {link} names no channels, so each person's own contact order was followed.")
        },
        faster_channel: |person, channel, usual| format!(" {person} usually answers on {channel} within {usual}."),
        action_faster_first: |channel, link| format!("Make {channel} the first channel of the link {link}."),
        action_allow_faster: |channel, link| {
            format!("Add {channel} to the channels of the link {link} and try it first.")
        },
        action_unanswered: |lost, role, link| {
            format!(
                "{lost} went on calls nobody answered: set up a group channel (an IM group) that reaches everyone holding {role} at once, or shorten how long the caller on the link {link} waits before moving on."
            )
        },
        action_primary_away: |primary, since, backup, handover, link| {
            format!(
                "{primary} was known to be away from {since}, yet was called first: while a holder is away, let the link {link} call {backup} first, and shorten the {handover} hand-over before a backup is tried."
            )
        },
        action_unanswered_group: |lost, role, group, link| {
            format!(
                "{lost} went on calls nobody answered, though everyone holding {role} is in the group channel {group}: post to {group} first, or shorten how long the caller on the link {link} waits before moving on."
            )
        },
        action_unanswered_plain: |lost, role, link| {
            format!(
                "{lost} went on calls nobody answered, over every channel including the group chat: agree how quickly whoever holds {role} must answer, and shorten how long the caller on the link {link} waits before moving on."
            )
        },
        action_slow_answer: |person, channel, took, link, deadline| {
            format!(
                "{person} took {took} to answer on {channel}: agree how quickly call-tree calls are answered, or set the deadline of the link {link} (now {deadline}) to one that can be met."
            )
        },
    },
    stakeholder_late: StakeholderLate {
        title: |stakeholder, deadline| format!("{stakeholder} were not notified within {deadline}"),
        detail: |when, deadline, began| format!("{when}, against a deadline of {deadline}; {began}."),
        notified_after: |after, channel| format!("Notified after {after} over {channel}"),
        not_notified_by_end: |end| format!("Not notified by the end ({end})"),
        owner_began: |person, at| format!("{person} began the notice at {at}"),
        nobody_began: |role| format!("nobody acting for {role} began the notice"),
        action_owner_not_reached: |stakeholder, role, deadline| {
            format!(
                "Nobody acting for {role} began the notice to {stakeholder}: make sure {role} is reached well within {deadline} of a disruption (a call-tree link to it), or name a backup who sends the notice."
            )
        },
        action_template: |stakeholder, role, took| {
            format!(
                "Writing and sending the notice to {stakeholder} took {took}: keep it as a template that {role} or a named backup can send as soon as they are reached."
            )
        },
        action_delegate: |stakeholder, owner, owner_at, early, early_at| {
            format!(
                "The notice to {stakeholder} waited for {owner}, reached only at {owner_at}: let {early}, who knew of it at {early_at}, send it when {owner} cannot be reached in time."
            )
        },
        action_delegate_unreached: |stakeholder, owner, early, early_at| {
            format!(
                "Nobody acting for {owner}, who sends the notice to {stakeholder}, was reached: let {early}, who knew of it at {early_at}, send it when {owner} cannot be reached in time."
            )
        },
        action_link_from_reached: |stakeholder, owner, caller, reached| {
            format!(
                "{owner} is called only by {caller}, who was never reached: add a call-tree link from {reached} to {owner}, or let {reached} send the notice to {stakeholder}."
            )
        },
        action_begin_sooner: |stakeholder, role, wait| {
            format!(
                "The notice to {stakeholder} was begun only {wait} after the disruption: make it one of the first things {role} does once reached, and reach {role} sooner in the call tree."
            )
        },
    },
    decision_default: DecisionDefault {
        title: |prompt, deadline| format!("No answer to \"{prompt}\" within {deadline}"),
        detail: |person, asked, option, at| {
            format!("{person} was asked at {asked} and did not answer; the default, \"{option}\", applied at {at}.")
        },
        detail_nobody_asked: |role, option, at| {
            format!("Nobody acting for {role} could be asked; the default, \"{option}\", applied at {at}.")
        },
        action_backup_answers: |role, person, backup, deadline| {
            format!(
                "Agree that {backup} decides for {role} when {person} has not answered within {deadline}, and write the decision's criteria into the plan so that either can answer."
            )
        },
        action_name_backup: |role, person| {
            format!(
                "Name a backup for {role} who may take this decision, and write its criteria into the plan so that it does not wait for {person}."
            )
        },
        action_nobody_asked: |role| {
            format!(
                "Nobody acting for {role} knew of the decision: make sure its holders are reached before it falls due, or pre-authorise the answer in the plan."
            )
        },
        declared_the_disaster: |functions| {
            format!(" This default declared the disaster, so the recovery of {functions} began only then.")
        },
    },
    not_declared: NotDeclared {
        title: "No disaster was declared: recovery never started",
        detail: |end, functions| {
            format!(
                "By the end of the exercise ({end}) nobody had declared a disaster. Recovery procedures start only on a declaration, so none started, and these functions were still down after their RTO: {}.",
                functions.join(", ")
            )
        },
        corrective_action: |role| {
            format!(
                "Write into the plan when {role} must declare (which outages, after how long) and who declares when {role} cannot; rehearse the declaration."
            )
        },
    },
};
