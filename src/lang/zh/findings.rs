//! Simplified Chinese: the findings' phrases (titles, details, corrective actions).

use crate::lang::catalogue::*;

pub(super) const FINDINGS: FindingPhrases = FindingPhrases {
    plan_owner: "预案负责人",
    attempts: AttemptPhrases {
        answered: |person, channel, took| format!("{person}经{channel}于{took}后应答"),
        no_answer: |person, channel, waited| format!("{person}：{channel}等待{waited}无人应答"),
        channel_down: |person, channel| format!("{person}：{channel}已中断"),
        pending: |person, channel, at| format!("{person}：{at}经{channel}联系，至演练结束未应答"),
        gap: |from, to| format!("{from}至{to}之间没有再联系"),
    },
    runbooks_at_site: RunbooksAtSite {
        title: |site, steps| {
            if steps == 1 {
                format!("操作手册存放在已中断的{site}")
            } else {
                format!("{steps}个恢复步骤的操作手册均存放在已中断的{site}")
            }
        },
        detail: |site, at, steps| format!("{site}于{at}中断，以下步骤的操作手册随之无法取用：{}。", steps.join("；")),
        step_slowed: |step, function, lost| format!("“{step}”（{function}），因缺少手册多用了{lost}"),
        step_not_reached: |step, function| format!("“{step}”（{function}），站点中断期间尚未开始"),
        corrective_action: |site, steps| {
            format!(
                "将{}的操作手册另存副本于不受{site}中断影响的位置（灾备站点或云盘，另备纸质版），并在每次预案评审时核查。",
                steps.iter().map(|s| format!("“{s}”")).collect::<Vec<_>>().join("、")
            )
        },
    },
    channels_on_system: ChannelsOnSystem {
        title: |channels, system| format!("{}随{system}一同中断", channels.join("和")),
        detail: |system, at, counts| format!("{system}于{at}中断，依赖它的通讯渠道随之中断：{}。", counts.join("；")),
        attempts_down: |channel, n| format!("经{channel}的联系尝试中有{n}次遇到渠道中断"),
        action_other_channels: |channels, system, others| {
            format!(
                "在呼叫树和联系人列表中将{}排在{}之前，避免{system}中断时呼叫卡在{}上。",
                others.join("或"),
                channels.join("和"),
                channels.join("或")
            )
        },
        action_no_other_channel: |channels, system| {
            format!(
                "预案中所有渠道都依赖{system}：增设一种不依赖它的渠道（手机或短信），并使{}不再依赖{system}。",
                channels.join("和")
            )
        },
    },
    role_unreachable: RoleUnreachable {
        title: |role| format!("未能联系上担任{role}的任何人员"),
        title_reached_later: |role, after, person, at| format!("{after}内无法联系上{role}（{at}才联系上{person}）"),
        detail: |tried| format!("已尝试主要负责人及所有备援人：{}。", tried.join("；")),
        detail_no_backup: |tried| format!("该角色未设备援人，唯一的负责人已尝试联系：{}。", tried.join("；")),
        reached_later: |at, after, deadline| {
            format!("直到后续一轮于{at}才联系上，距开始通知{after}，时限为{deadline}。")
        },
        corrective_action: |role, holders| {
            format!(
                "为{role}增设备援人（现为{}），核实所有人员的联系方式，并确保他们不会同时缺席。",
                holders.join("、")
            )
        },
        action_channels_down: |role, holders, channels| {
            format!(
                "联系{role}的每次尝试都遇到渠道中断（{}）：请为{}增设一种不依赖相同系统的渠道，并让呼叫树使用该渠道。",
                channels.join("、"),
                holders.join("、")
            )
        },
    },
    rto_missed: RtoMissed {
        title: |function, rto, state| format!("{function}未达成 {rto} 的 RTO：{state}"),
        names: |names| match names {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{}和{last}", rest.join("、")),
        },
        detail_step_never_started: |step, ready, why| {
            format!("步骤“{step}”自{ready}起已具备开始条件，但始终未开始：{why}。")
        },
        detail_step_held_up: |step, wait, held, why| {
            format!("等待最久的是步骤“{step}”：等了{wait}才开始，其中{held}是因为{why}。")
        },
        detail_not_completed: "各步骤具备条件后均未等待：时间都花在步骤本身。",
        hold_system: |system| format!("其所需的{system}处于停机状态"),
        hold_channel: |channel| format!("其所需的{channel}处于中断状态"),
        hold_role_unreachable: |role| format!("联系不上任何可代行{role}的人"),
        hold_handover: |role| format!("{role}仍在向备援人移交"),
        hold_busy: |role| format!("代行{role}的人正忙于另一步骤"),
        hold_more_urgent: |role| format!("{role}被留给更紧急业务功能的恢复"),
        action_hold_system: |step, system| {
            format!("让“{step}”在没有{system}时也能进行（书面的替代做法），或让{system}更早恢复。")
        },
        action_hold_channel: |step, channel| format!("让“{step}”在没有{channel}时也能进行，或为其配备不会中断的渠道。"),
        action_hold_role_unreachable: |step, role| {
            format!("确保能联系上代行{role}的人来开始“{step}”（增设备援人，核实联系方式）。")
        },
        action_hold_handover: |step, role| {
            format!("缩短{role}向备援人的移交时间（书面交接说明、事先开通权限），使“{step}”能更早开始。")
        },
        action_hold_busy: |step, role| {
            format!("为{role}增设一名人选，在前一人忙于其他步骤时承担“{step}”，或改由其他角色执行。")
        },
        action_procedure_too_long: |function, rto| {
            format!(
                "缩短{function}的恢复程序（并行执行步骤、预先准备灾备站点），或在业务影响分析中重新评估 {rto} 的 RTO。"
            )
        },
        detail_waited_for_dependency: |done, waits| {
            format!("恢复程序已于{done}完成，但该业务功能又等待了{}。", waits.join("，随后"))
        },
        wait_first: |wait, what, how| format!("{wait}，等{what}（{how}）"),
        wait_then: |until, what, how| format!("直到{until}，等{what}（{how}）"),
        ended_back: |what, at| format!("{what}于{at}恢复"),
        ended_replaced: |alternate, supplier, at, lead| {
            format!("{at}起由{alternate}替代{supplier}，其切换准备期为{lead}")
        },
        ended_not: |end| format!("至演练结束（{end}）仍未到位"),
        action_wait_for_dependency: |function, what| {
            format!(
                "让{function}在{what}不可用时也能运行（及时到位的备用或替代方案，或绕开它的恢复程序），或在业务影响分析中重新评估其 RTO。"
            )
        },
    },
    declared_late: DeclaredLate {
        title: |wait| format!("灾难在中断后{wait}才宣布"),
        because_default: |wait, prompt, at| {
            format!(
                "恢复步骤须在宣布灾难后才能开始，而宣布发生在中断后{wait}：无人答复决策“{prompt}”，直到{at}按默认选项处理时才宣布。"
            )
        },
        because_unreached: |wait, role, at| {
            format!("恢复步骤须在宣布灾难后才能开始，而宣布发生在中断后{wait}：负责宣布的{role}直到{at}才联系上。")
        },
        because_slow: |wait| format!("恢复步骤须在宣布灾难后才能开始，而宣布发生在中断后{wait}。"),
        held: |functions| format!("因等待宣布而未达成 RTO 的业务功能：{functions}。"),
        action_name_declarer: |role, within| {
            format!("在预案中写明：{within}内联系不上{role}的任何人选时由谁宣布灾难，并加以演练。")
        },
        action_trigger: |functions, wait| {
            format!("约定宣布灾难的触发条件，使{functions}中断时能在 RTO 内尽早宣布（本次宣布用了{wait}）。")
        },
    },
    rpo_missed: RpoMissed {
        title: |function, lost, rpo| format!("{function}丢失{lost}数据，RPO 为{rpo}"),
        all_data_lost: "全部数据（无可用副本）",
        detail: |protection| format!("其数据保护无法满足 RPO：{}。", protection.join("；")),
        backup_every: |system, interval| format!("{system}: 备份间隔 {interval}"),
        replica_lag: |system, lag| format!("{system}: 复制延迟 {lag}"),
        no_backup: |system| format!("{system}: 无备份"),
        action_back_up_more_often: |system, rpo, now| {
            format!("将{system}的备份间隔缩短到{rpo}以内（现为每{now}一次），并测试恢复。")
        },
        action_cut_replica_lag: |system, rpo, now| format!("将{system}副本的复制延迟控制在{rpo}以内（现为{now}）。"),
        action_start_backups: |system, rpo| format!("{system}目前没有任何副本：至少每{rpo}备份或复制一次。"),
        action_copy_elsewhere: |system, site| {
            format!("{system}的副本存放在随其一同中断的{site}：另存一份于他处，并从该处测试恢复。")
        },
    },
    single_channel: SingleChannel {
        title: |person| format!("{person}只有一种联系渠道"),
        detail: |channel| format!("其唯一的渠道是{channel}：该渠道故障或无人应答时，没有其他方式可以联系到此人。"),
        action_add: |person, channel, others| {
            format!("为{person}登记第二种不与{channel}共用系统的渠道：预案中已有的{}。", others.join("或"))
        },
        action_add_new: |person, channel| {
            format!("预案中所有渠道都与{channel}共用系统：增设一种不共用的渠道，并为{person}登记。")
        },
    },
    single_source: SingleSource {
        title: |supplier| format!("{supplier}断供且没有备用供应商"),
        detail_restored: |at| format!("没有备用供应商可以接替；直到该供应商于{at}恢复供货才恢复。"),
        detail_still_cut_off: |end| format!("没有备用供应商可以接替；演练结束时（{end}）该供应商仍处于断供状态。"),
        corrective_action: |supplier| format!("为{supplier}认证一家备用供应商，并在计划中记录其切换所需时间。"),
    },
    notification_late: NotificationLate {
        title: |role| format!("未能在通知时限内联系上{role}"),
        title_not_reached: |role, end| format!("至演练结束（{end}）仍未联系上担任{role}的任何人员"),
        detail: |when, deadline, tried| format!("实际用时{when}，时限为{deadline}。联系经过：{}。", tried.join("；")),
        detail_not_reached: |end, deadline, tried| {
            format!("截至演练结束（{end}）仍未联系上，时限为{deadline}。联系经过：{}。", tried.join("；"))
        },
        link_allows: |link, channels| format!("通知链路{link}只允许使用{}。", channels.join("、")),
        link_any_channel: |link| format!("通知链路{link}未指定渠道，因此按各人自己的联系方式顺序依次尝试。"),
        faster_channel: |person, channel, usual| format!("{person}在{channel}上通常{usual}内应答。"),
        action_faster_first: |channel, link| format!("将{channel}设为通知链路{link}的首选渠道。"),
        action_allow_faster: |channel, link| format!("将{channel}加入通知链路{link}的渠道，并设为首选。"),
        action_unanswered: |lost, role, link| {
            format!(
                "无人应答的呼叫耗去{lost}：建立能同时通知{role}全体人员的即时通讯群，或缩短通知链路{link}上每次呼叫的等待时间。"
            )
        },
        action_primary_away: |primary, since, backup, handover, link| {
            format!(
                "已知{primary}自{since}起不在岗，却仍被首先呼叫：在有人不在岗期间，让通知链路{link}先呼叫{backup}，并缩短改由备援人接手前{handover}的交接时间。"
            )
        },
        action_unanswered_group: |lost, role, group, link| {
            format!(
                "无人应答的呼叫耗去{lost}，而担任{role}的人员都在{group}群中：先在{group}发出通知，或缩短通知链路{link}上每次呼叫的等待时间。"
            )
        },
        action_unanswered_plain: |lost, role, link| {
            format!(
                "无人应答的呼叫耗去{lost}，所有渠道（包括群聊）都试过了：约定担任{role}的人员须在多长时间内应答，并缩短通知链路{link}上每次呼叫的等待时间。"
            )
        },
        action_slow_answer: |person, channel, took, link, deadline| {
            format!(
                "{person}在{channel}上用了{took}才应答：约定通知流程来电的应答时限，或将通知链路{link}的时限（现为{deadline}）调整为可以达到的值。"
            )
        },
    },
    stakeholder_late: StakeholderLate {
        title: |stakeholder, deadline| format!("未在{deadline}内通知{stakeholder}"),
        detail: |when, deadline, began| format!("{when}，时限为{deadline}；{began}。"),
        notified_after: |after, channel| format!("中断后{after}经{channel}通知"),
        not_notified_by_end: |end| format!("截至演练结束（{end}）仍未通知"),
        owner_began: |person, at| format!("{person}于{at}开始准备通知"),
        nobody_began: |role| format!("{role}无人开始准备通知"),
        action_owner_not_reached: |stakeholder, role, deadline| {
            format!(
                "代行{role}职责的人员均未开始准备致{stakeholder}的通知：请确保中断发生后{deadline}内即联系上{role}（在呼叫树中设置通往该角色的环节），或指定一名可代为发送通知的备援人。"
            )
        },
        action_template: |stakeholder, role, took| {
            format!(
                "撰写并发送致{stakeholder}的通知耗时{took}：请预先准备通知模板，使{role}或指定的备援人一经联系上即可发出。"
            )
        },
        action_delegate: |stakeholder, owner, owner_at, early, early_at| {
            format!(
                "给{stakeholder}的通知一直在等{owner}，而{owner}直到{owner_at}才联系上：在{owner}无法及时联系上时，改由{early_at}就已知情的{early}发出通知。"
            )
        },
        action_delegate_unreached: |stakeholder, owner, early, early_at| {
            format!(
                "负责向{stakeholder}发出通知的{owner}始终未联系上：在{owner}无法及时联系上时，改由{early_at}就已知情的{early}发出通知。"
            )
        },
        action_link_from_reached: |stakeholder, owner, caller, reached| {
            format!(
                "只有{caller}负责通知{owner}，而{caller}始终未联系上：增加一条由{reached}通知{owner}的环节，或由{reached}向{stakeholder}发出通知。"
            )
        },
        action_begin_sooner: |stakeholder, role, wait| {
            format!(
                "中断发生{wait}后才开始准备致{stakeholder}的通知：请将其列为{role}被联系上后的首要事项之一，并在呼叫树中更早联系{role}。"
            )
        },
    },
    decision_default: DecisionDefault {
        title: |prompt, deadline| format!("“{prompt}”未在{deadline}内得到答复"),
        detail: |person, asked, option, at| {
            format!("{asked}已询问{person}，但未获答复；于{at}按默认选项“{option}”执行。")
        },
        detail_nobody_asked: |role, option, at| format!("{role}无人可被询问；于{at}按默认选项“{option}”执行。"),
        action_backup_answers: |role, person, backup, deadline| {
            format!(
                "约定{person}在{deadline}时限前仍未答复时由{backup}代{role}决策，并把决策标准写入预案，使两人都能作答。"
            )
        },
        action_name_backup: |role, person| {
            format!("为{role}指定可作此决策的备援人，并把决策标准写入预案，使决策不必等待{person}。")
        },
        action_nobody_asked: |role| {
            format!("{role}无人知晓此项决策：确保在决策到期前联系上其人员，或在预案中预先授权答复。")
        },
        declared_the_disaster: |functions| format!("灾难直到默认选项生效时才宣布，{functions}的恢复因此才开始。"),
    },
    not_declared: NotDeclared {
        title: "未宣布灾难：恢复从未启动",
        detail: |end, functions| {
            format!(
                "截至演练结束（{end}）无人宣布灾难。恢复程序须在宣布后才能启动，因此均未启动，以下业务超过 RTO 仍处于中断：{}。",
                functions.join("、")
            )
        },
        corrective_action: |role| {
            format!(
                "在计划中写明{role}必须宣布灾难的条件（哪些中断、持续多久），以及{role}无法宣布时由谁宣布；并演练宣布流程。"
            )
        },
    },
};
