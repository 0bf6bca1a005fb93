//! Simplified Chinese: every phrase sandtable writes in Chinese reports.
//!
//! Size: one file per language is deliberate (a translator reads and fills one file
//! from top to bottom, in the order of the catalogue's groups); it is a table of
//! phrases, not logic.

use super::catalogue::*;

/// The Simplified Chinese catalogue.
pub static CATALOGUE: Catalogue = Catalogue {
    durations: DurationUnits { day: "天", hour: "小时", minute: "分", second: "秒", separator: "" },
    exercise_types: ExerciseTypes {
        seminar: "研讨会",
        workshop: "工作坊",
        tabletop: "桌面推演",
        game: "推演游戏",
        drill: "模拟演练",
        functional: "功能演练",
        full_scale: "实战演练",
    },
    report: ReportText {
        aar: "演练报告与改进计划",
        overview: "演练概况",
        exercise_name: "演练名称",
        organisation: "组织",
        date: "演练日期",
        exercise_type: "演练类型",
        scope: "范围",
        scenario: "情景",
        sponsor: "主办方",
        duration: "情景时长",
        seed: "随机种子",
        unannounced: "不通知演练",
        yes: "是",
        no: "否",
        participants: "参演岗位",
        objectives: "演练目标",
        capability: "能力",
        summary: "结果摘要",
        function: "业务功能",
        priority: "优先级",
        back_after: "恢复用时",
        met: "达成",
        data_lost: "数据丢失",
        declared: "宣布灾难用时",
        declared_by: "宣布人",
        declared_by_default: "因无人答复决策按默认宣布，对应人员",
        not_declared: "未宣布灾难。",
        call_tree: "通知流程",
        from: "通知人",
        to: "被通知岗位",
        reached: "联系上",
        channel: "渠道",
        delay: "用时",
        deadline: "时限",
        attempts: "尝试次数",
        stakeholders: "利益相关方通知",
        stakeholder: "利益相关方",
        decisions: "决策",
        decision: "决策",
        option: "所选方案",
        answered_by: "答复人",
        latency: "用时",
        asked: "询问对象",
        outcome: "结果",
        not_assessed: "无法评估",
        ended_at: "演练结束时间",
        by_default: "按默认",
        by_backup: "备援人",
        recovery_order: "恢复顺序",
        order_kept: "业务按优先级顺序恢复。",
        order_broken: "先于更紧急的",
        timeline_chart: "恢复时间线（对照 RTO 与 MTD）",
        curve_chart: "通知流程完成率",
        analysis: "目标分析",
        rating: "评级",
        strengths: "优点",
        improvements: "待改进之处",
        none: "无。",
        findings: "发现的问题",
        no_findings: "未发现问题。",
        evidence: "证据",
        corrective_action: "纠正措施",
        responsible: "负责人",
        improvement_plan: "改进计划",
        number: "编号",
        issue: "问题",
        capability_element: "能力要素",
        org: "组织",
        start: "开始日期",
        completion: "完成日期",
        appendix: "附录：时间线",
        facilitator_notes: "附录：导调人员记录",
        facilitator_notes_intro: "以下是情景脚本在推演过程中写下的记录，仅供导调人员参考，未向参演人员展示。",
        colon: "：",
        stop: "。",
        lparen: "（",
        rparen: "）",
        comma: "，",
        list: "、",
        time: "时间",
        event: "事件",
        observations: "主持人观察记录",
        rating_p: "顺利完成",
        rating_s: "完成但存在一些问题",
        rating_m: "完成但存在重大问题",
        rating_u: "未能完成",
        rating_none: "未评级",
        planning: "计划",
        organisation_el: "组织",
        equipment: "装备",
        training: "培训",
        exercise: "演练",
        generated: "本报告由 sandtable 根据上述情景、计划和随机种子生成；输入相同则报告相同。",
    },
    labels: ReportLabels {
        rating_p: "P：顺利完成",
        rating_s: "S：完成但存在一些问题",
        rating_m: "M：完成但存在重大问题",
        rating_u: "U：未能完成",
        not_rated: "未评级",
        not_met: "否",
        no_value: "-",
        finding_column: "问题编号",
        curve_axis: "中断后经过的时间",
        chart_rto: "RTO",
        chart_mtd: "MTD",
        chart_time_axis: "自演练开始经过的时间",
        chart_share_reached: "通知流程已联系上的比例",
        chart_within_rto: "在RTO内恢复",
        chart_after_rto: "超过RTO后恢复",
        chart_not_back: "结束时仍未恢复",
        chart_end: "演练结束",
        chart_plan_deadline: |limit| format!("通知流程最后一个环节的时限：{limit}"),
        chart_year: "年",
    },
    scorecard: ScorecardPhrases {
        not_disrupted: "未中断",
        not_back_at_end: |end| format!("演练结束时（{end}）仍未恢复"),
        all_data: "全部",
        not_reached: "未联系上",
        not_notified: "未通知",
        decision_answered: |person, after| format!("由{person}答复，用时{after}"),
        decision_defaulted: |at| format!("无人答复；于{at}按默认选项执行"),
        decision_open_at_end: |end, due| format!("演练结束时（{end}）仍未决定：无人答复，默认选项要到{due}才生效"),
        decision_never_asked: |role, end| format!("从未询问：至演练结束（{end}），{role}无人知悉事件，未作任何决定"),
        order_kept: "所有中断业务均已恢复，且没有任何业务先于更紧急的业务恢复。",
        order_nothing_disrupted: "没有业务中断。",
        order_back_before: |first, later| format!("{first}先于更紧急的{later}恢复。"),
        order_back_while_down: |first, later| format!("{first}已恢复，而更紧急的{later}仍处于中断状态。"),
        order_not_back: |functions, end| format!("演练结束时（{end}）仍未恢复：{}。", functions.join("、")),
    },
    timeline: TimelinePhrases {
        detected: |person, role| format!("发现：{person}（{role}）"),
        reached: |person, role, channel| format!("联系上 {person}（{role}，{channel}）"),
        nobody_reached: |role| format!("无人联系上：{role}"),
        decision_answered: |prompt, option, person| format!("{prompt}：{option}（由{person}答复）"),
        decision_defaulted: |prompt, option| format!("{prompt}：无人答复，按默认选项执行：{option}"),
        declared: |person, role| format!("宣布灾难：{person}（{role}）"),
        function_down: |function| format!("中断：{function}"),
        function_recovered: |function| format!("恢复：{function}"),
        stakeholder_notified: |stakeholder, channel| format!("已通知：{stakeholder}（{channel}）"),
    },
    criteria: CriterionPhrases {
        within_rto: |function, rto| format!("{function}在 RTO（{rto}）内恢复"),
        within_mtd: |function, mtd| format!("{function}在 MTD（{mtd}）内恢复"),
        within_rpo: |function, rpo| format!("{function}数据丢失不超过 RPO（{rpo}）"),
        all_within_rto: "所有中断业务均在 RTO 内恢复",
        stakeholder_notified: |stakeholder, deadline| format!("在{deadline}内通知{stakeholder}"),
        declared_within: |limit| format!("在{limit}内宣布灾难"),
        call_tree_within: |limit| format!("在{limit}内联系上通知流程中的所有人"),
        decision_within: |prompt, limit| format!("“{prompt}”在{limit}内作出决定"),
        not_disrupted: "本次演练中未中断",
        nothing_disrupted: "本次演练中没有业务中断",
        back_after: |back| format!("恢复用时 {back}"),
        not_back: "仍未恢复",
        still_down: |functions| format!("仍处于中断：{}", functions.join("、")),
        window_open: |what, end| format!("演练于{end}结束时{what}，规定时限尚未届满"),
        not_declared: "尚未宣布灾难",
        no_answer: "尚无答复",
        lost: |lost| format!("丢失 {lost}"),
        no_reachable_copy: "无可用副本",
        missed: |functions| format!("未达成：{}", functions.join("、")),
        after: |after| format!("用时 {after}"),
        not_notified: "未通知",
        never_declared: |end| format!("截至演练结束（{end}）未宣布灾难"),
        complete_after: |after| format!("全部联系上用时 {after}"),
        not_everyone_reached: "有人未能联系上",
        not_posed: "本次未提出",
        owner_never_called: |owner, root| format!("{owner}始终未接到通知，因为无人联系上{root}"),
        owner_unreachable: |owner| format!("联系不上{owner}的任何人选"),
    },
    ratings: RatingPhrases {
        root_cause: |causes| {
            let causes = causes.join("；");
            let stop = if causes.ends_with('。') || causes.ends_with('.') { "" } else { "。" };
            format!("根本原因：{causes}{stop}")
        },
        not_rated: |why| format!("没有任何标准可以评估（{}）。", why.join("；")),
        all_met: |met, assessed| format!("{met}/{assessed} 项标准均达成。"),
        narrowly_missed: |met, assessed| format!("{met}/{assessed} 项标准达成；未达成的一项仅小幅超出（不超过 25%）。"),
        some_met: |met, assessed| format!("{met}/{assessed} 项标准达成。"),
        criterion: |text, detail| format!("{text}：{detail}"),
        criterion_caused: |text, detail, cause| format!("{text}：{detail}。{cause}"),
        partly_assessed: |n| format!("另有 {n} 项标准在演练结束时尚无法评估，本评级仅基于部分标准。"),
    },
    findings: FindingPhrases {
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
            detail: |site, at, steps| {
                format!("{site}于{at}中断，以下步骤的操作手册随之无法取用：{}。", steps.join("；"))
            },
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
            detail: |system, at, counts| {
                format!("{system}于{at}中断，依赖它的通讯渠道随之中断：{}。", counts.join("；"))
            },
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
            action_hold_channel: |step, channel| {
                format!("让“{step}”在没有{channel}时也能进行，或为其配备不会中断的渠道。")
            },
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
            action_cut_replica_lag: |system, rpo, now| {
                format!("将{system}副本的复制延迟控制在{rpo}以内（现为{now}）。")
            },
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
            detail: |when, deadline, tried| {
                format!("实际用时{when}，时限为{deadline}。联系经过：{}。", tried.join("；"))
            },
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
    },
    play: PlayPhrases {
        welcome: |title, seed| format!("{title}（随机种子 {seed}）。输入“帮助”查看命令。"),
        help: "\
  下一步（或回车）   推进到下一个事件
  跳到 T+2:00        把时钟拨到某个情景时间（也可写 跳到 两小时）
  状态板             查看状态板：哪些中断、已联系到谁、RTO 计时
  记录 文字          记录一条观察，写入报告
  结束               结束演练并生成报告
  帮助               显示本列表
英文命令同样可用。有待决策时，输入选项编号，可附上团队用时（如“选项编号 8分钟”）；
不写用时，则按提问后经过的时间乘以推演速度计算。输入“默认”表示任由期限过去。
作答超过期限时，须确认（是/否）后才会记录。时长可写作 8分钟、1小时30分、两小时、半小时。",
        decision_prompt: "决策> ",
        resumed: |title, at, journal| format!("已从 {journal} 恢复“{title}”，当前位于 {at}"),
        ended: |at, out| format!("演练结束于 {at}。报告已写入 {out}。"),
        cut_back: |journal| format!("{journal}：已截去最后一条不完整的记录，演练从上一条完整记录处继续。"),
        inject: |number, title| format!("注入 #{number}  {title}"),
        inject_to: "接收方：",
        inject_by: "方式：",
        inject_expected: "预期行动：",
        detected: |person, role| format!("{person}（{role}）发现事件"),
        reached: |person, role| format!("已联系到 {person}（{role}）"),
        reached_by: |person, role, channel| format!("已通过 {channel} 联系到 {person}（{role}）"),
        nobody_reached: |role| format!("{role}：无人联系得上"),
        notification_late: |role| format!("超时：未能按时联系到 {role}"),
        declared: |person, role| format!("{person}（{role}）宣布灾难"),
        function_down: |function| format!("中断：{function}"),
        function_back: |function| format!("恢复：{function}"),
        function_back_cause_gone: |function| format!("恢复：{function}（中断原因已消除）"),
        stakeholder_notified: |stakeholder, channel| format!("已通过 {channel} 通知 {stakeholder}"),
        stakeholder_late: |stakeholder| format!("超时：未能按时通知 {stakeholder}"),
        decided: |option| format!("已决策：{option}"),
        decided_by_default: |option| format!("已决策：{option}（默认选项）"),
        supplier_cut_off: |supplier| format!("供应商断供：{supplier}"),
        supplier_switched: |supplier, to| format!("已由 {supplier} 切换到 {to}"),
        decision_for: |person, role, question| format!("待决策，请 {person}（{role}）决定：{question}"),
        nobody: "无人",
        default_marker: "（默认）",
        deadline_hint: |deadline, example| format!("期限：{deadline}（输入选项编号作答，例如 `{example} 10分钟`）"),
        answer_after_deadline: |deadline, default| format!("已超过 {deadline} 的期限：按默认选项 `{default}` 处理。"),
        clock_forward_only: |at| format!("时钟已在 {at}，只能向前拨。"),
        no_decision_pending: "当前没有待决策事项。",
        answer_first: "有待决策事项：请先作答（或输入“默认”）。",
        noted: "已记录。",
        no_more_events: "没有更多事件：用“跳到”拨动时钟，或输入“结束”结束。",
        jump_where: |why| format!("拨到哪个时间？{why}"),
        note_what: "记录什么？请在“记录”后写上观察内容",
        not_an_option: |typed, options| {
            format!("`{typed}` 不是可选项；请从以下选项中作答：{}（或输入“默认”）", options.join("、"))
        },
        not_a_command: |typed| format!("`{typed}` 不是命令；输入“帮助”查看命令列表"),
        did_you_mean: |typed, meant| format!("`{typed}`：您是想输入 `{meant}` 吗？"),
        confirm_late: |option, latency, deadline, default| {
            format!(
                "`{option}` 用时 {latency}，已超过 {deadline} 的期限：将改按默认选项 `{default}` 处理。确认记录吗？（是/否）"
            )
        },
        confirm_prompt: "确认记录超时作答（是/否）> ",
        yes_or_no: "输入“是”记录这一超时作答，输入“否”重新作答",
        not_recorded: "未记录；该决策仍待作答：请重新作答（或输入“默认”）。",
        board_title: |at| format!("── 状态板 {at} ──"),
        board_down: |what| format!("中断：{what}"),
        board_reached: |who| format!("已联系到：{who}"),
        board_none: "无",
        board_declared: |at, person| format!("{at} 由 {person} 宣布灾难"),
        board_not_declared: "尚未宣布灾难",
        board_back: |function, after, rto| format!("{function}：{after}后恢复（RTO {rto}）"),
        board_down_for: |function, down, clock| format!("{function}：已中断 {down}，{clock}"),
        rto_left: |left, rto| format!("距 RTO {rto} 还剩 {left}"),
        rto_missed: |rto, by| format!("已超出 RTO {rto}，超出 {by}"),
    },
    summary: SummaryPhrases {
        title: |id, title, seed| format!("{id} — {title}（随机种子 {seed}）"),
        function: "业务功能",
        rto: "RTO",
        back_after: "恢复用时",
        met: "达成",
        rpo: "RPO",
        data_lost: "数据丢失",
        yes: "是",
        no: "否",
        not_back_at_end: |at| format!("演练结束（{at}）时仍未恢复"),
        all_data: "全部",
        nothing_disrupted: "没有业务功能中断。",
        declared_after: |after, who| format!("中断后 {after} 由 {who} 宣布灾难。"),
        declared_after_default: |after, who| format!("中断后{after}宣布灾难：{who}未答复决策，按默认选项宣布。"),
        not_declared: "未宣布灾难。",
        call_tree: |reached, total, late| format!("呼叫树：{total} 个岗位中联系到 {reached} 个，超时 {late} 个。"),
        stakeholder: |name, what, status| format!("相关方 {name}：{what}（{status}）。"),
        notified_after: |after| format!("中断后 {after} 通知"),
        not_notified: "未通知",
        within_deadline: "在期限内",
        late: "超时",
        deadline_not_reached: "演练结束时时限未到",
        wrote: |files, dir| format!("已将 {files} 写入 {dir}。"),
        reproduced: |dir, seed| format!("已复现 {dir}：results.json 逐字节一致（随机种子 {seed}）。"),
        not_reproduced: |dir, line, recorded, replayed| {
            format!("未能复现：{dir}/results.json 第 {line} 行不同。\n  记录：{recorded}\n  重放：{replayed}")
        },
        other_release: |then, now| format!("该记录由 sandtable {then} 生成；当前为 sandtable {now}。"),
    },
    msel: MselHeaders {
        event: "序号",
        time: "时间",
        kind: "行类型",
        title: "事件标题",
        description: "描述",
        from: "发送方",
        to: "接收方",
        method: "方式",
        expected_action: "预期行动",
        objectives: "目标 / 能力",
        notes: "备注",
        effects: "效果",
    },
    commands: CommandWords {
        next: &["下一步", "继续"],
        jump: &["跳到", "跳转"],
        board: &["状态板", "看板"],
        note: &["记录", "备注"],
        end: &["结束"],
        help: &["帮助"],
        default: &["默认"],
        yes: &["是", "确认"],
        no: &["否", "取消"],
    },
    typed_time: TypedTimePhrases {
        empty: "没有写时间；请写成 `90秒`、`15分钟`、`1小时50分`、`两小时`、`半小时`、`一天` 或时钟偏移 `T+2:30`",
        bad_clock: |t| format!("`{t}` 不是时钟偏移；应写成 时:分 或 时:分:秒，例如 `T+2:30`"),
        clock_range: |t| format!("`{t}`：分和秒都必须小于 60"),
        too_large: |t| format!("`{t}` 太大"),
        no_number: |t, at| format!("`{t}`：`{at}` 前面缺少数字；请写成 `15分钟`、`两小时` 这样的时长"),
        no_unit: |n| format!("`{n}` 没有单位：请写 `{n}小时`、`{n}分钟` 或 `{n}秒`"),
        last_unit_missing: |t, meant| format!("`{t}` 最后缺少单位：您是想写 `{meant}` 吗？"),
        not_a_unit: |u| format!("`{u}` 不是时间单位；可用 秒、分钟、小时、天、周"),
        not_whole: |p| format!("`{p}` 不是整数秒，或数值太大"),
    },
    cli: CliPhrases {
        ok: "通过",
        counts: |errors, warnings| format!("{errors} 个错误，{warnings} 条警告"),
        invalid: |files| format!("未通过检查：{}", files.join("、")),
        warnings_summary: |n, file| format!("有 {n} 条警告；详见 `sandtable validate {file}`"),
        bad_pace: |pace| {
            format!("--pace {pace}：推演速度必须是有限的正数，即每秒实际时间对应的情景秒数（60 表示一分钟推演一小时）")
        },
        bad_lang_variable: |value| format!("SANDTABLE_LANG={value}：应为 `en` 或 `zh`"),
    },
    evidence: EvidencePhrases {
        runbook_unreachable: |step, site| format!("{step} 的运行手册无法取用（存放于 {site}）"),
        runbook_site_down: |site, step| format!("{site} 中断（{step} 的运行手册存放于此）"),
        attempt_channel_down: |person, channel| format!("经 {channel} 联系 {person}：渠道中断"),
        channel_down: |channel| format!("渠道 {channel} 中断"),
        site_down: |site| format!("站点 {site} 中断"),
        system_down: |system| format!("系统 {system} 中断"),
        runbook_delay: |step, delay| format!("{step} 的运行手册无法取用，延误 {delay}"),
        reached: |role, person| format!("联系上 {role}（{person}）"),
        role_reached: |role| format!("联系上 {role}"),
        declared_by: |person, role| format!("{person}（{role}）宣布灾难"),
        step_held: |step, what, took| format!("步骤 {step} 因{what}受阻 {took}"),
        held_by_system: |id| format!("系统 {id} 停机"),
        held_by_channel: |id| format!("渠道 {id} 中断"),
        held_by_unreachable_role: "岗位无人联系得上",
        held_by_handover: "交接",
        held_by_busy: "负责人正忙",
        held_by_more_urgent: "人员留给更紧急的业务",
        waited_until: |what, from, until, how| format!("等待 {what}：{from} → {until}（{how}）"),
        replaced_by: |alternate| format!("由 {alternate} 替代"),
        came_back: "已恢复",
        still_missing: "仍未恢复",
        unreachable: |role| format!("{role} 无人联系得上"),
        attempt: |person, channel, end| format!("经 {channel} 联系 {person}：{end}"),
        answered: "已应答",
        no_answer: "无应答",
        channel_was_down: "渠道中断",
        pending: "尚无结果",
        function_down: |function| format!("业务功能 {function} 中断"),
        supplier_cut_off: |supplier| format!("供应商 {supplier} 断供"),
        supplier_restored: |supplier| format!("供应商 {supplier} 恢复供货"),
        notification_late: |role| format!("{role} 通知超时"),
        stakeholder_late: |stakeholder| format!("相关方 {stakeholder} 通知超时"),
        stakeholder_notified: |stakeholder, channel| format!("已经 {channel} 通知相关方 {stakeholder}"),
        decision_asked: |decision, person| format!("决策 {decision} 已交由 {person} 决定"),
        decision_posed_nobody: |decision, role| format!("决策 {decision} 已提出（{role} 无人在岗可问）"),
        default_applied: |option| format!("按默认选项 {option} 处理"),
        declared: "宣布灾难",
        step_ready_not_started: |step, end| format!("步骤 {step} 已就绪，至 {end} 仍未开始"),
        step_ready: |step| format!("步骤 {step} 已就绪"),
        step_started: |step| format!("步骤 {step} 开始"),
        procedure_done: "恢复流程完成",
        waited_for: |what, from, until| format!("等待 {what}：{from} → {until}"),
        answer_not_declaring: |decision, option| format!("决策 {decision} 作答：{option}（不宣布灾难）"),
        default_not_declaring: |decision, option| format!("决策 {decision} 按默认：{option}（不宣布灾难）"),
        end_not_declared: "演练结束（未记录宣布灾难）",
    },
    montecarlo: MonteCarloPhrases {
        title: |id, title, runs, seed| format!("{id} — {title}：{runs} 次重复推演（种子 {seed}）"),
        method: "第 i 次推演使用种子 SplitMix64(S, i)，因此无论使用多少线程，结果都相同。每项业务职能按其第一次中断评判。百分位数取自按对数划分的区间（32 秒以下每秒一个区间，之后每翻一倍分 16 个区间）：取区间内的最小值，最多比真实百分位数低 6.25%。",
        functions_heading: "恢复",
        data_heading: "数据丢失",
        people_heading: "灾难宣布与呼叫树",
        findings_heading: "发现的问题",
        objectives_heading: "目标评级",
        function: "业务职能",
        disrupted: "中断次数",
        within_rto: "RTO 内恢复的概率",
        within_mtd: "MTD 内恢复的概率",
        within_rpo: "RPO 内的概率",
        back_after: "恢复用时（p5、p50、p90、p99）",
        not_back: "演练结束仍未恢复的概率",
        data_lost: "数据丢失（p5、p50、p90、p99）",
        no_copy: "无可恢复副本",
        finding: "问题",
        replicas: "推演次数",
        objective: "目标",
        not_rated: "未评级",
        interval: |p, low, high| format!("{p}（95% 区间 {low}–{high}）"),
        quantiles: |p5, p50, p90, p99| format!("{p5}／{p50}／{p90}／{p99}"),
        never: "未发生",
        summary_line: |name, rto, q, not_back| {
            format!(
                "{name}：RTO 内恢复的概率 {rto}；恢复用时（p5、p50、p90、p99）{q}；演练结束仍未恢复的概率 {not_back}"
            )
        },
        declared: |share, q| format!("{share} 的推演中宣布了灾难；宣布用时（p5、p50、p90、p99）：{q}。"),
        call_tree: |share, q| format!("{share} 的推演中呼叫树全部完成；完成用时（p5、p50、p90、p99）：{q}。"),
        no_call_tree: "计划中没有需要完成的呼叫树。",
        no_disruption: "没有任何一次推演发生中断。",
        no_findings: "所有推演中均未发现问题。",
        replica_failed: |index, seed| {
            format!("第 {index} 次推演（种子 {seed}）无法运行；可用 `sandtable run --seed {seed}` 重现")
        },
    },
    compare: ComparePhrases {
        title: "演练对比",
        exercises: "参与对比的演练",
        exercise: "演练",
        date: "日期",
        scenario: "情景",
        seed: "随机种子",
        regressions: "退步项",
        no_regressions: "没有退步：每次演练都不比上一次差。",
        rto_now_missed: |function, before, now| format!("{function}在{before}中达到了 RTO，在{now}中未达到。"),
        rating_dropped: |objective, old, new, exercise| format!("目标 {objective} 在{exercise}中由 {old} 降为 {new}。"),
        recurring_finding: |id, title, exercise| format!("问题 {id} 在{exercise}中再次出现：{title}"),
        delay_grew: |what, old, new, exercise| format!("{what}在{exercise}中延长超过 25%：{old} → {new}。"),
        functions: "各业务功能与目标对比",
        function: "业务功能",
        rto: "恢复时间目标（RTO）",
        mtd: "最大容忍中断时间（MTD）",
        rpo: "恢复点目标（RPO）",
        back_after: "恢复用时",
        data_lost: "数据损失",
        change: "变化",
        met: "达标",
        missed: "未达标",
        not_back: "未恢复",
        not_disrupted: "未中断",
        target_changed: |target, old, new| format!("计划中的目标已修改：{target} {old} → {new}（不算改进）"),
        faster: |by| format!("快了{by}"),
        slower: |by| format!("慢了{by}"),
        unchanged: "无变化",
        response: "响应时间",
        measure: "指标",
        declared: "宣布灾难用时",
        call_tree_complete: "通知树完成用时",
        stakeholder_notice: |name| format!("通知{name}用时"),
        link_delay: |link| format!("通知链 {link} 用时"),
        decision_latency: |id| format!("决策 `{id}` 答复用时"),
        objectives: "目标评级",
        objective: "目标",
        findings: "发现的问题",
        finding: "问题",
        new_finding: "新出现",
        recurring: "再次出现",
        resolved: "已解决",
        no_findings: "各次演练均未发现问题。",
        improvement_items: "改进事项",
        item: "事项",
        due: "完成期限",
        status: "状态",
        closed: "已关闭：对应问题未再出现",
        not_effective: "无效：对应问题再次出现",
        not_yet_due: "尚未到期",
        no_items: "之前的演练没有改进事项。",
        plan_changes: "计划变更",
        plan_changes_between: |old, new| format!("从{old}到{new}"),
        no_plan_changes: "业务功能、角色、人员、通知树、操作手册、系统和供应商均无变化。",
        plan_not_recorded: "两份记录中有一份未保存其计划，无法比较。",
        diff_title: |old, new| format!("计划变更：{old} → {new}"),
        section_functions: "业务功能",
        section_roles: "角色",
        section_people: "人员",
        section_call_tree: "通知树",
        section_runbooks: "操作手册",
        section_systems: "系统",
        section_suppliers: "供应商",
        added: "新增",
        removed: "删除",
        changed: "修改",
        id: "标识",
        field: "字段",
        old: "原值",
        new: "新值",
        none: "无",
    },
};
