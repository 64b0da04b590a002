package io.hotline.app.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every text of the HTML report, in English and Chinese with the same keys; the figures' definitions are
 * docs/figures.md's, shortened. Stateless, thread-safe.
 */
final class ReportTexts {
    private static final Map<String, String[]> TEXTS = new LinkedHashMap<>();

    static {
        put("title", "Service-quality report", "服务质量报告");
        put("period", "Period", "统计期间");
        put("zone", "time zone", "时区");
        put("generated", "Generated", "生成时间");
        put("settled", "First-contact resolution settles at", "首次解决率最终确定于");
        put("totals", "The period", "整个期间");
        put("weeks", "Per ISO week", "按周（ISO 周）");
        put("productLines", "Per product line", "按产品线");
        put("recurring", "Proactive care: the same problem three times in 30 days", "主动关怀：30 天内同一问题出现三次");
        put("licences", "Proactive care: licences expiring within 60 days", "主动关怀：60 天内到期的许可证");
        put("figure", "Figure", "指标");
        put("value", "Value", "数值");
        put("count", "Count", "计数");
        put("definition", "Definition", "定义");
        put("week", "Week", "周");
        put("from", "From", "起始日");
        put("productLine", "Product line", "产品线");
        put("none", "None.", "无。");
        put("truncated", "The first %d of %d rows; the CSV file has them all.", "仅显示前 %d 行（共 %d 行），完整列表见 CSV 文件。");
        put("customer", "Customer", "客户");
        put("category", "Category", "问题类别");
        put("workOrders", "Work orders", "工单");
        put("firstOpened", "First opened", "首次创建");
        put("lastOpened", "Last opened", "最近创建");
        put("version", "Version", "版本");
        put("expiresOn", "Expires on", "到期日");
        put("daysLeft", "Days after the period", "距期末天数");
        put("closure", "Closure rate", "结单率");
        put("closure.def", "Of the work orders opened in the period (not cancelled), the share closed before the"
                + " period's end.", "期间内创建的工单（不含已取消）中，在期末之前关闭的比例。");
        put("handling", "Average handling time (h)", "平均处理时长（小时）");
        put("handling.def", "Mean of resolved_at - created_at over the work orders resolved in the period.",
                "期间内解决的工单，从创建到解决的平均时长。");
        put("slaResolution", "SLA resolution attainment", "SLA 解决达标率");
        put("slaResolution.def", "Of the work orders resolved in the period, the share resolved by their resolution"
                + " due time, per severity.", "期间内解决的工单中，在解决时限之前解决的比例（按严重级别）。");
        put("slaResponse", "SLA response attainment", "SLA 响应达标率");
        put("slaResponse.def", "Of those resolved in the period and responded to, the share responded to by their"
                + " response due time, per severity.", "期间内解决且已响应的工单中，在响应时限之前响应的比例（按严重级别）。");
        put("legAck", "Dispatch send deadline attainment", "派单确认达标率");
        put("legAck.def", "Of the dispatch legs sent in the period, the share acknowledged within the send deadline"
                + " (10 min).", "期间内发出的派单中，在发送时限（10 分钟）内被确认的比例。");
        put("assigned", "Dispatch assignment deadline attainment", "派单指派达标率");
        put("assigned.def", "Of the dispatch orders acknowledged in the period, the share assigned within the"
                + " assignment deadline (4 h).", "期间内被确认的派单中，在指派时限（4 小时）内指派工程师的比例。");
        put("onSite", "On-site share", "上门比例");
        put("onSite.def", "Of the work orders resolved in the period, the share that had a dispatch order.",
                "期间内解决的工单中，有派单（上门）的比例。");
        put("withoutVisit", "Solved without a visit", "无需上门解决率");
        put("withoutVisit.def", "Of the work orders first resolved in the period, the share that never went on site"
                + " (ServiceFiguresQuery).", "期间内首次解决的工单中，从未转为上门服务的比例。");
        put("fcr", "First-contact resolution", "首次联系解决率");
        put("fcr.def", "Of the work orders first resolved in the period, those resolved with one contact and no"
                + " repeat call on the same product line within the reopen window (ServiceFiguresQuery).",
                "期间内首次解决的工单中，一次联系即解决、且在重开窗口内同一产品线没有再次来电的比例。");
        put("satisfaction", "Satisfaction (1-5)", "满意度（1-5）");
        put("satisfaction.def", "Mean score of the surveys answered in the period (IVR survey after a call, the"
                + " follow-up call after on-site work).", "期间内完成的满意度调查（通话后 IVR 调查、上门后回访）的平均分。");
        put("nps", "NPS", "净推荐值（NPS）");
        put("nps.def", "Promoters score 5, detractors 1-3, passives 4; NPS = 100 × (promoters − detractors) /"
                + " answered.", "5 分为推荐者，1-3 分为贬损者，4 分为中立者；NPS = 100 ×（推荐者 − 贬损者）/ 回答数。");
        put("recurring.def", "A customer with three or more work orders (not cancelled) on the same product line"
                + " and category opened within any 30 days ending in the period.",
                "同一客户在同一产品线、同一问题类别上，于截至期间内某日的任意 30 天内创建了三张及以上工单（不含已取消）。");
        put("licences.def", "Customers' products whose licence expires within 60 days after the period's end.",
                "许可证在期末之后 60 天内到期的客户产品。");
        put("chart.rates", "Weekly rates (%)", "每周比率（%）");
        put("chart.satisfaction", "Weekly satisfaction and NPS", "每周满意度与 NPS");
        put("chart.sla", "SLA attainment per severity (%)", "各严重级别 SLA 达标率（%）");
        put("chart.lines", "Per product line (%)", "各产品线比率（%）");
    }

    private ReportTexts() {
    }

    private static void put(String key, String english, String chinese) {
        TEXTS.put(key, new String[] {english, chinese});
    }

    /** The text of {@code key} in {@code language}. */
    static String text(String key, ReportLanguage language) {
        String[] texts = TEXTS.get(key);
        if (texts == null) {
            throw new IllegalArgumentException("no report text " + key);
        }
        return texts[language == ReportLanguage.EN ? 0 : 1];
    }
}
