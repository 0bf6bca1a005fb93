//! 简体中文：分片研究、部分汇总、`merge`、Ctrl-C。

use crate::lang::catalogue::ShardPhrases;

pub const SHARDS: ShardPhrases = ShardPhrases {
    partial: |played, planned| {
        format!("部分结果：计划 {planned} 次推演，中途停止时已完成 {played} 次；以下各项数字只统计已完成的推演。")
    },
    not_k_over_n: |text| {
        format!("--shard {text}：应写作 K/N，即两个整数，K 从 0 开始计数（分成 4 片时为 0/4、1/4、2/4、3/4）")
    },
    no_shards: |text| format!("--shard {text}：分片数 N 至少为 1"),
    more_shards_than_runs: |text, runs| {
        format!("--shard {text}：分片数多于 --runs 的 {runs} 个重复运行，有的分片将无事可做（最多分 {runs} 片）")
    },
    index_too_large: |text, last| format!("--shard {text}：K 从 0 开始计数，必须小于 N，此处最大为 {last}"),
    shard_played: |shard, played, planned, runs| {
        format!(
            "分片 {shard}：本分片共 {planned} 次推演，已完成 {played} 次（整个研究共 {runs} 次）；请用 `sandtable merge` 合并各分片。"
        )
    },
    interrupted: |played, planned| {
        format!("已按 Ctrl-C 停止：计划 {planned} 次推演，已完成 {played} 次；写出的文件已标为部分结果")
    },
    nothing_to_merge: |paths| format!("在 {paths} 中没有找到 montecarlo.partial.json"),
    corrupt: |file, why| format!("{file} 不是可读取的部分汇总文件：{why}"),
    newer: |file, found, reads| {
        format!(
            "{file} 由更新版本的 sandtable 写出（部分汇总格式 {found}，本版本最高只能读取 {reads}）：请用该版本或更新的版本合并"
        )
    },
    mismatch: |file, what, found, first, expected| {
        format!("{file} 与 {first} 不属于同一项研究：前者的 {what} 为 {found}，后者为 {expected}")
    },
    incomplete: |file, shard, played, planned| {
        format!(
            "{file} 中的分片 {shard} 中途停止，本分片 {planned} 次推演只完成了 {played} 次：请重新运行该分片后再合并"
        )
    },
    duplicate: |shard, files| format!("分片 {shard} 出现了不止一次：{files}"),
    missing: |list, count, of| {
        format!("共 {of} 个分片，缺少 {count} 个（K = {list}）：请用 --shard K/{of} 运行这些分片，再全部合并")
    },
    kept_files_changed: |file, roles| {
        format!("{file}：其中保存的文件与记录的 SHA-256 不再一致（{roles}）；该文件写出后被修改过")
    },
    compare_not_sharded: "--shard 不能与 --compare 同时使用：假设分析只能在一台机器上运行（部分汇总结果尚不保存配对数据）",
};
