package io.hotline.persistence.seed;

import io.hotline.persistence.seed.DemoOrganisation.KbArticle;
import io.hotline.persistence.seed.DemoOrganisation.Seat;
import io.hotline.routing.ladder.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo knowledge base: twenty solutions to the problems ERP customers call about most, each written by a
 * tier-2 or expert seat that knows the product line. Stateless and thread-safe.
 */
final class DemoKnowledgeBase {

    /** An article before it has a code, an author and dates. */
    private record Draft(String productCode, String title, String body) {
    }

    private static final List<Draft> DRAFTS = List.of(
            new Draft("ERP_U8", "U8: month-end closing fails with \"unposted vouchers exist\"",
                    "General ledger refuses to close the period while any voucher of the month is unposted or "
                    + "unapproved. Run Voucher > Query with status 'not posted', approve and post them, then "
                    + "rerun the closing check. Vouchers created by the inventory or payables modules must be "
                    + "posted from those modules first."),
            new Draft("ERP_U8", "U8: client cannot connect after the server's IP address changed",
                    "The client caches the application server address. Open the login dialog, choose the server "
                    + "field and enter the new host name or address; on the server, re-register the U8 service "
                    + "in the service manager and check that TCP ports 4630 and 1433 are open in the firewall."),
            new Draft("ERP_U8", "U8: inventory cost calculation leaves negative balances",
                    "Negative stock at period end makes moving-average costing fail. Find the warehouses with "
                    + "negative quantities in the stock balance report, enter the missing receipts or correct the "
                    + "issue dates, then recalculate costs for the period. Do not close inventory until the "
                    + "balance report shows no negative lines."),
            new Draft("ERP_U8", "U8: MRP run produces no planned orders",
                    "Planned orders are only generated for items whose planning attribute is MRP and whose bill of "
                    + "materials is approved. Check the item master, approve the BOM version, make sure the demand "
                    + "source (sales orders or forecast) falls inside the planning horizon, and rerun MRP."),
            new Draft("ERP_U8", "U8: slow login and reports after the database grew past 100 GB",
                    "Rebuild the indexes of the accounting database in a maintenance window, update statistics, "
                    + "archive closed years with the year-end transfer tool, and make sure the SQL Server memory "
                    + "limit leaves at least 4 GB to the operating system."),
            new Draft("ERP_NC", "NC: group consolidation report does not balance",
                    "Unbalanced consolidation almost always comes from intercompany transactions recorded on one "
                    + "side only. Run the intercompany reconciliation for the period, confirm each difference "
                    + "with the subsidiary, post the adjusting entries and regenerate the consolidation."),
            new Draft("ERP_NC", "NC: bank interface returns \"signature verification failed\"",
                    "The bank's certificate has been renewed. Download the new public certificate from the bank "
                    + "portal, import it in Treasury > Bank interface settings, restart the interface service, "
                    + "and resend the pending payment instructions."),
            new Draft("ERP_NC", "NC: budget control blocks an approved expense",
                    "The control rule checks the remaining budget at the moment of submission, including "
                    + "pre-occupied amounts of pending documents. Release expired pre-occupations in Budget > "
                    + "Execution, or have the budget owner adjust the control rule for the cost centre."),
            new Draft("ERP_NC", "NC: supply-chain documents stuck in the approval workflow",
                    "A workflow step whose approver left the company has no one to act on it. Reassign the "
                    + "step to a deputy in the workflow monitor, then resubmit the stuck documents; set deputies "
                    + "for all approvers to prevent it."),
            new Draft("HR", "HR: payroll calculation ignores new individual income tax rules",
                    "Tax tables are versioned by effective date. Import the latest tax rate table, set its "
                    + "effective period, and recalculate payroll for the month. Check the special additional "
                    + "deductions imported from the tax bureau's client before calculating."),
            new Draft("HR", "HR: attendance machine records are not imported",
                    "Check that the attendance terminal's clock is correct and that its IP address is reachable "
                    + "from the HR server. Re-pull records for the missing days in Attendance > Data collection; "
                    + "cards not linked to an employee are listed in the exception report."),
            new Draft("HR", "HR: social insurance base differs from the city's published base",
                    "Each city publishes new minimum and maximum contribution bases every year. Update the "
                    + "city's base limits in the social insurance scheme and run the base adjustment for all "
                    + "employees insured in that city before the monthly calculation."),
            new Draft("HR", "HR: employee self-service portal shows an empty payslip",
                    "Payslips are only visible after payroll is approved and released. Release the approved "
                    + "payroll period in Payroll > Publish, then ask the employee to sign out and in again."),
            new Draft("SMB_T3", "T3: \"license has expired\" at login",
                    "Open the licence manager, check the expiry date and the number of licensed users, and "
                    + "import the renewed licence file sent after renewal. Until it is imported the software "
                    + "opens read-only; no data is lost."),
            new Draft("SMB_T3", "T3: e-invoice cannot be issued, tax disk not found",
                    "The golden tax interface needs the tax control device driver and the device plugged into "
                    + "the same computer. Reinstall the driver, reconnect the device, restart the invoicing "
                    + "client and retry; keep the invoicing client version in step with the tax bureau's."),
            new Draft("SMB_T3", "T3: trial balance does not balance after importing opening balances",
                    "Imported opening balances must balance by account category. Run the opening balance trial "
                    + "check, correct the accounts it lists, and repeat the check before posting any voucher of "
                    + "the first period."),
            new Draft("SMB_T3", "T3: data backup fails with \"disk full\"",
                    "Automatic backups accumulate in the backup folder. Move old backup sets to external "
                    + "storage, set the number of kept backups in System > Backup plan, and run a manual backup "
                    + "to confirm."),
            new Draft("ONLINE", "Online: e-invoices are not delivered to buyers' mailboxes",
                    "Check the buyer's e-mail address on the invoice and the delivery log in E-invoicing > "
                    + "Delivery. Mail rejected by the buyer's server is retried three times; resend from the "
                    + "invoice detail page, or share the download link by SMS."),
            new Draft("ONLINE", "Online: POS terminal works offline but does not synchronise",
                    "Offline sales are kept on the terminal and uploaded when the connection returns. If they "
                    + "stay pending, check the terminal's date and time, sign out and in to refresh the token, "
                    + "and trigger Sync now; never reinstall the app before the queue is empty."),
            new Draft("ONLINE", "Online: expense reports stuck at \"waiting for invoice verification\"",
                    "Invoice verification calls the national tax platform, which is slow at month end. Reports "
                    + "are verified automatically within two hours; if one stays stuck, remove and re-attach "
                    + "the invoice so it is verified again."));

    private DemoKnowledgeBase() {
    }

    /** The articles, authored by tier-2 and expert {@code seats}, dated before the reference date. */
    static List<KbArticle> articles(List<Seat> seats) {
        List<KbArticle> articles = new ArrayList<>(DRAFTS.size());
        for (int index = 0; index < DRAFTS.size(); index++) {
            Draft draft = DRAFTS.get(index);
            Instant created = DemoOrganisation.REFERENCE_INSTANT
                    .minus(Duration.ofDays(400 - 17L * index))
                    .plus(Duration.ofHours(1 + index % 9));
            Instant updated = created.plus(Duration.ofDays(index * 7L % 60));
            articles.add(new KbArticle(String.format(Locale.ROOT, "KB-%04d", index + 1), draft.title(),
                    draft.body(), draft.productCode(), author(seats, draft.productCode(), index), created,
                    updated));
        }
        return articles;
    }

    /** A tier-2 or expert seat that knows the product line, taking turns among them. */
    private static String author(List<Seat> seats, String productCode, int index) {
        List<Seat> candidates = seats.stream()
                .filter(seat -> seat.tier() != Tier.TIER1)
                .filter(seat -> seat.skills().stream().anyMatch(skill -> skill.skillCode().equals(productCode)))
                .toList();
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no tier-2 or expert seat knows " + productCode);
        }
        return candidates.get(index % candidates.size()).code();
    }
}
