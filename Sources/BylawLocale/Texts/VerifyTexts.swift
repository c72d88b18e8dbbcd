/// Why a verification of the audit trail failed, and its notes: the English each reason is written in by the
/// verifier (BylawAudit), with `{0}`, `{1}` where it names a number, a time or a name, and the Chinese said in
/// its place (`VerifyWording`). The English must stay word for word what the verifier writes.
enum VerifyTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry(
            "verify.reason.missing", zh: "缺少第 {0} 条记录（其后存有的是第 {1} 条）",
            en: "record {0} is missing (the next stored record is {1})"),
        CatalogueEntry("verify.reason.order", zh: "序号 {0} 顺序错乱", en: "sequence number {0} is out of order"),
        CatalogueEntry("verify.reason.leaf", zh: "该记录的叶哈希与其内容不符", en: "its leaf hash does not match its content"),
        CatalogueEntry(
            "verify.reason.chain", zh: "该记录的链哈希不是由上一条记录推得的",
            en: "its chain hash does not follow from the previous record"),
        CatalogueEntry(
            "verify.reason.previous", zh: "该记录未写明上一条记录的链哈希",
            en: "it does not name the previous record's chain hash"),
        CatalogueEntry(
            "verify.reason.not-canonical", zh: "所存记录不是有效的规范 JSON",
            en: "its stored record is not valid canonical JSON"),
        CatalogueEntry("verify.reason.content-seq", zh: "其内容所记序号为 {0}", en: "its content says sequence {0}"),
        CatalogueEntry("verify.reason.column", zh: "其 {0} 列与内容不一致", en: "its {0} column differs from its content"),
        CatalogueEntry(
            "verify.reason.head-removed", zh: "审计库止于第 {0} 条，而另存的链头为第 {1} 条：有记录被删除",
            en: "the store ends at {0} but the kept head is {1}: records were removed"),
        CatalogueEntry(
            "verify.reason.head-rewritten", zh: "链头哈希与另存的链头不同：记录被改写",
            en: "the head hash differs from the kept head: the records were rewritten"),
        CatalogueEntry(
            "verify.reason.kept-head-rewritten", zh: "另存链头处的链哈希不同：记录被改写",
            en: "the chain hash at the kept head differs: the records were rewritten"),
        CatalogueEntry(
            "verify.reason.cut-malformed", zh: "删除第 1–{0} 条记录的截断没有有效的链哈希",
            en: "the cut that removed records 1–{0} has no valid chain hash"),
        CatalogueEntry(
            "verify.reason.cut-unsigned", zh: "删除第 1–{0} 条记录的截断不是由所给公钥签名的",
            en: "the cut that removed records 1–{0} is not signed by the given public key"),
        CatalogueEntry(
            "verify.reason.checkpoint-forged", zh: "第 {0} 条记录处的检查点（签于 {1}）不是由所给公钥签名的：系伪造或出自另一密钥",
            en: "the checkpoint at record {0} (signed {1}) is not signed by the given public key: it is forged or from "
                + "another key"),
        CatalogueEntry(
            "verify.reason.cut-differs", zh: "截断处的链哈希与签于 {0} 的检查点不同",
            en: "the cut's chain hash differs from the checkpoint signed {0}"),
        CatalogueEntry(
            "verify.reason.checkpoint-ahead", zh: "审计库止于第 {0} 条，而签于 {1} 的检查点担保到第 {2} 条：有记录被删除",
            en: "the store ends at {0} but a signed checkpoint of {1} vouches for record {2}: records were removed"),
        CatalogueEntry(
            "verify.reason.checkpoint-differs", zh: "第 {0} 条记录处的链哈希与签于 {1} 的检查点不同：记录被改写",
            en: "the chain hash at record {0} differs from the checkpoint signed {1}: the records were rewritten"),
        CatalogueEntry(
            "verify.reason.receipt-past-head", zh: "已核验的链止于第 {1} 条，其中没有第 {0} 条记录",
            en: "there is no record {0} in the verified chain, which ends at {1}"),
        CatalogueEntry(
            "verify.reason.receipt-missing", zh: "没有第 {0} 条记录：回执所指的记录缺失",
            en: "there is no record {0}: the receipt's record is missing"),
        CatalogueEntry(
            "verify.reason.receipt-differs", zh: "第 {0} 条记录不是开具该回执的那条：哈希不同",
            en: "record {0} is not the one the receipt was given for: its hashes differ"),
        CatalogueEntry(
            "verify.note.receipt-pruned", zh: "第 {0} 条记录已被修剪：只有到第 {1} 条的签名截断为其担保",
            en: "record {0} was pruned: only the signed cut through {1} vouches for it"),
        CatalogueEntry(
            "verify.reason.unreadable", zh: "第 {0} 条记录无法读取：{1}", en: "record {0} cannot be read: {1}"),
    ]
}
