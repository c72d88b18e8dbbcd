import Foundation

/// Asset disposals for `bylaw audit` tests, taken from the shipped asset-management examples, as CSV rows
/// (with the dotted-path header) or JSON objects.
struct Disposal {
    static let columns = [
        "kind", "id", "date", "unit", "owner_level", "unit_type", "action", "method", "asset.name", "asset.category",
        "asset.book_value", "asset.acquired", "action_date", "collective_decision", "approval.body", "approval.date",
        "appraisal.value", "appraisal.date", "appraisal.agency", "sale.channel", "sale.agreement_approved",
        "sale.price", "sale.reapproved", "sale.buyer", "sale.buyer_related", "proceeds.remitted", "proceeds.account",
        "proceeds.date", "ledger_writeoff", "counterparty.name", "counterparty.kind", "counterparty.related",
    ]
    static let header = columns.joined(separator: ",")
    static let decimals: Set<String> = ["asset.book_value", "appraisal.value", "sale.price", "proceeds.remitted"]

    /// Headers an export in Chinese might use, by field path.
    static let chinese = [
        "unit": "单位", "asset.name": "资产名称", "asset.category": "资产类别", "asset.book_value": "账面原值",
        "asset.acquired": "取得日期", "action_date": "实施日期", "collective_decision": "集体决策日期",
        "approval.body": "审批机关", "approval.date": "审批日期", "appraisal.value": "评估价值", "sale.price": "成交价",
    ]

    var fields: [String: String]

    /// Compliant: a provincial palace auctions an old car (examples/compliant-vehicle-auction.yaml).
    static func auction(id: String, name: String = "别克GL8商务车（川A·3K571）") -> Disposal {
        Disposal(fields: [
            "kind": "asset_disposal", "id": id, "date": "2022-03-01", "unit": "acftu/sichuan/workers-cultural-palace",
            "owner_level": "省级工会", "unit_type": "事业单位", "action": "处置", "method": "出售", "asset.name": name,
            "asset.category": "车辆", "asset.book_value": "328000.00", "asset.acquired": "2012-06-18",
            "action_date": "2022-04-26", "collective_decision": "2022-03-08", "approval.body": "省级工会",
            "approval.date": "2022-03-22", "appraisal.value": "56000.00", "appraisal.date": "2022-02-24",
            "appraisal.agency": "四川天府资产评估有限公司", "sale.channel": "公开拍卖", "sale.agreement_approved": "false",
            "sale.price": "61500.00", "sale.reapproved": "false", "sale.buyer": "成都蓉兴二手车经营有限公司",
            "sale.buyer_related": "false", "proceeds.remitted": "61500.00", "proceeds.account": "工会预算账户",
            "proceeds.date": "2022-04-29", "ledger_writeoff": "2022-05-10",
        ])
    }

    /// AM-01, AM-07, AM-08, AM-11 fail (examples/non-compliant-building-agreement-sale.yaml).
    static func agreementSale(id: String) -> Disposal {
        Disposal(fields: [
            "kind": "asset_disposal", "id": id, "date": "2023-05-08", "unit": "acftu/hebei/baoding-ftu",
            "owner_level": "市级工会", "unit_type": "事业单位", "action": "处置", "method": "转让",
            "asset.name": "保定市职工疗休养中心3号楼", "asset.category": "房屋土地", "asset.book_value": "8600000.00",
            "asset.acquired": "2004-09-30", "action_date": "2023-07-14", "collective_decision": "2023-05-16",
            "approval.body": "市级工会", "approval.date": "2023-06-02", "appraisal.value": "8200000.00",
            "appraisal.date": "2023-04-20", "appraisal.agency": "河北华信资产评估事务所", "sale.channel": "协议转让",
            "sale.agreement_approved": "false", "sale.price": "6970000.00", "sale.reapproved": "false",
            "sale.buyer": "保定工建实业有限公司", "sale.buyer_related": "true", "proceeds.remitted": "6970000.00",
            "proceeds.account": "工会预算账户", "proceeds.date": "2023-07-20", "ledger_writeoff": "2023-07-31",
        ])
    }

    /// AM-06, AM-14 fail (examples/non-compliant-organ-investment.yaml).
    static func investment(id: String) -> Disposal {
        Disposal(fields: [
            "kind": "asset_disposal", "id": id, "date": "2021-09-06", "unit": "acftu/henan/lankao-ftu",
            "owner_level": "县级工会", "unit_type": "参公单位", "action": "对外投资", "asset.name": "县总工会办公楼一层商铺",
            "asset.category": "房屋土地", "asset.book_value": "1350000.00", "asset.acquired": "2009-12-01",
            "action_date": "2021-10-08", "collective_decision": "2021-09-13", "approval.body": "本单位",
            "approval.date": "2021-09-13", "counterparty.name": "兰考县惠工商贸有限公司", "counterparty.kind": "企业",
            "counterparty.related": "false",
        ])
    }

    /// The record without one field.
    func without(_ path: String) -> Disposal {
        var d = self
        d.fields[path] = nil
        return d
    }

    /// The CSV row under `header`, cells quoted where RFC 4180 needs it.
    var csv: String {
        Self.columns.map { Self.quote(fields[$0] ?? "") }.joined(separator: ",")
    }

    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line of compact JSON: amounts as numbers, true and false as booleans.
    var json: String {
        var groups: [String: [String]] = [:]
        var top: [String] = []
        for path in Self.columns {
            guard let value = fields[path] else { continue }
            let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
            let encoded =
                Self.decimals.contains(path) || value == "true" || value == "false"
                ? value
                : "\""
                    + value.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(
                        of: "\n", with: "\\n") + "\""
            if parts.count == 1 {
                top.append("\"\(path)\":\(encoded)")
            } else {
                if groups[parts[0]] == nil { top.append("@" + parts[0]) }
                groups[parts[0], default: []].append("\"\(parts[1])\":\(encoded)")
            }
        }
        let members = top.map { m in
            m.hasPrefix("@")
                ? "\"\(m.dropFirst())\":{" + (groups[String(m.dropFirst())] ?? []).joined(separator: ",") + "}" : m
        }
        return "{" + members.joined(separator: ",") + "}"
    }
}
