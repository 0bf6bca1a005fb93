//! Simplified Chinese: what the command line says (play's read-out and prompts, command words,
//! typed durations, the summary, validate's lines, MSEL headings, evidence lines).

use crate::lang::catalogue::*;

pub(super) const PLAY: PlayPhrases = PlayPhrases {
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
};

pub(super) const SUMMARY: SummaryPhrases = SummaryPhrases {
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
};

pub(super) const MSEL: MselHeaders = MselHeaders {
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
};

pub(super) const COMMANDS: CommandWords = CommandWords {
    next: &["下一步", "继续"],
    jump: &["跳到", "跳转"],
    board: &["状态板", "看板"],
    note: &["记录", "备注"],
    end: &["结束"],
    help: &["帮助"],
    default: &["默认"],
    yes: &["是", "确认"],
    no: &["否", "取消"],
};

pub(super) const TYPED_TIME: TypedTimePhrases = TypedTimePhrases {
    empty: "没有写时间；请写成 `90秒`、`15分钟`、`1小时50分`、`两小时`、`半小时`、`一天` 或时钟偏移 `T+2:30`",
    bad_clock: |t| format!("`{t}` 不是时钟偏移；应写成 时:分 或 时:分:秒，例如 `T+2:30`"),
    clock_range: |t| format!("`{t}`：分和秒都必须小于 60"),
    too_large: |t| format!("`{t}` 太大"),
    no_number: |t, at| format!("`{t}`：`{at}` 前面缺少数字；请写成 `15分钟`、`两小时` 这样的时长"),
    no_unit: |n| format!("`{n}` 没有单位：请写 `{n}小时`、`{n}分钟` 或 `{n}秒`"),
    last_unit_missing: |t, meant| format!("`{t}` 最后缺少单位：您是想写 `{meant}` 吗？"),
    not_a_unit: |u| format!("`{u}` 不是时间单位；可用 秒、分钟、小时、天、周"),
    not_whole: |p| format!("`{p}` 不是整数秒，或数值太大"),
};

pub(super) const CLI: CliPhrases = CliPhrases {
    ok: "通过",
    counts: |errors, warnings| format!("{errors} 个错误，{warnings} 条警告"),
    invalid: |files| format!("未通过检查：{}", files.join("、")),
    warnings_summary: |n, file| format!("有 {n} 条警告；详见 `sandtable validate {file}`"),
    bad_pace: |pace| {
        format!("--pace {pace}：推演速度必须是有限的正数，即每秒实际时间对应的情景秒数（60 表示一分钟推演一小时）")
    },
    bad_lang_variable: |value| format!("SANDTABLE_LANG={value}：应为 `en` 或 `zh`"),
};

pub(super) const EVIDENCE: EvidencePhrases = EvidencePhrases {
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
};
