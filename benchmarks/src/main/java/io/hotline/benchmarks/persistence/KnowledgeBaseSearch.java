package io.hotline.benchmarks.persistence;

import io.hotline.persistence.Database;
import io.hotline.persistence.knowledge.LuceneKnowledgeBase;
import io.hotline.routing.knowledge.ArticleDraft;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base at a large help desk's size: {@code articles} generated articles (default 10,000), half in
 * Chinese and half in English, over four product lines and some for every product. Measures the index build from
 * the database at start, the heap it retains, search and suggestion latency (p50, p99) and the latency of publishing
 * one more (database write and index refresh). Bounded: at most 100,000 articles, {@value #SEARCHES} searches,
 * {@value #SUGGESTIONS} suggestions and {@value #PUBLISHES} publishes. Writes
 * {@code benchmarks/target/knowledge-base-search.txt}. Run: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar
 * io.hotline.benchmarks.persistence.KnowledgeBaseSearch [articles]} (MariaDB at 127.0.0.1:3306, database
 * {@code hotline_bench_kb} recreated).
 */
public final class KnowledgeBaseSearch {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseSearch.class);
    private static final int SEARCHES = 20_000;
    private static final int SUGGESTIONS = 2_000;
    private static final int PUBLISHES = 200;
    private static final List<String> PRODUCTS = List.of("ERP_U8", "ERP_NC", "HR", "SMB_T3");
    private static final String[] CHINESE = ("登录 许可证 凭证 结账 打印机 报表 数据库 备份 网络 服务器 客户端 发票 税控 工资"
            + " 考勤 社保 预算 审批 合并 银行 接口 证书 库存 成本 计算 月末 年度 升级 补丁 权限 用户 密码 错误 提示 失败"
            + " 无法 打开 导入 导出 同步 超时 连接 配置 重新 安装 重启 检查 设置 系统 文件 数据 单据 流程 审核 记账 版本"
            + " 模块 参数 缓存 日志 端口 防火墙 内存 磁盘").split(" ");
    private static final String[] ENGLISH = ("login license voucher closing printer report database backup network"
            + " server client invoice tax payroll attendance insurance budget approval consolidation bank interface"
            + " certificate inventory cost calculation month year upgrade patch permission user password error"
            + " message fails cannot open import export synchronise timeout connection configure again install"
            + " restart check settings system file data document workflow review posting version module parameter"
            + " cache log port firewall memory disk").split(" ");
    private static final List<String> QUERIES = List.of("许可证", "月末结账失败", "打印机无法连接怎么办", "license",
            "backup fails", "cannot connect to the server after upgrade", "U8 登录 timeout", "防火墙端口");

    private KnowledgeBaseSearch() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        int articles = Math.min(100_000, args.length > 0 ? Integer.parseInt(args[0]) : 10_000);
        try (Database database = BenchmarkDatabase.recreate("hotline_bench_kb")) {
            Jdbi jdbi = database.jdbi();
            long generateStart = System.nanoTime();
            generate(jdbi, articles);
            long generated = System.nanoTime() - generateStart;
            String report = measure(jdbi, articles, generated);
            Path out = Path.of("benchmarks", "target", "knowledge-base-search.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            LOG.info("Knowledge base search:\n{}", report);
        }
    }

    private static String measure(Jdbi jdbi, int articles, long generatedNanos) {
        long before = usedAfterGc();
        long buildStarted = System.nanoTime();
        try (LuceneKnowledgeBase knowledgeBase = LuceneKnowledgeBase.open(jdbi, InstantSource.system())) {
            long build = System.nanoTime() - buildStarted;
            long after = usedAfterGc();
            SplittableRandom random = new SplittableRandom(11);
            long[] searches = new long[SEARCHES];
            long hits = 0;
            for (int i = 0; i < searches.length; i++) {
                String query = QUERIES.get(i % QUERIES.size());
                Optional<String> product = i % 2 == 0 ? Optional.empty()
                        : Optional.of(PRODUCTS.get(random.nextInt(PRODUCTS.size())));
                long started = System.nanoTime();
                hits += knowledgeBase.search(query, product, 10).size();
                searches[i] = System.nanoTime() - started;
            }
            long[] suggestions = new long[SUGGESTIONS];
            for (int i = 0; i < suggestions.length; i++) {
                String text = i % 2 == 0 ? sentence(random, CHINESE, "", 40) : sentence(random, ENGLISH, " ", 40);
                long started = System.nanoTime();
                knowledgeBase.suggest(Optional.of(PRODUCTS.get(i % PRODUCTS.size())), text, 5);
                suggestions[i] = System.nanoTime() - started;
            }
            long[] publishes = new long[PUBLISHES];
            for (int i = 0; i < publishes.length; i++) {
                ArticleDraft draft = new ArticleDraft(sentence(random, CHINESE, "", 5), sentence(random, CHINESE,
                        "", 15), sentence(random, CHINESE, "", 60), PRODUCTS.get(i % PRODUCTS.size()), "S-BENCH");
                long started = System.nanoTime();
                knowledgeBase.publish(draft);
                publishes[i] = System.nanoTime() - started;
            }
            Arrays.sort(searches);
            Arrays.sort(suggestions);
            Arrays.sort(publishes);
            return String.format(Locale.ROOT, "articles=%d (generated in %.1f s), %.1f hits per search%n"
                            + "index build at start: %.2f s, retained heap %.1f MB%n"
                            + "search (limit 10, half with a product line): p50 %.2f ms, p99 %.2f ms%n"
                            + "suggest (40-word work order text, limit 5): p50 %.2f ms, p99 %.2f ms%n"
                            + "publish (insert, read back, index, refresh): p50 %.2f ms, p99 %.2f ms%n"
                            + "JDK %s, %d cores%n",
                    articles, generatedNanos / 1e9, (double) hits / SEARCHES, build / 1e9, (after - before) / 1e6,
                    millis(searches, 0.50), millis(searches, 0.99), millis(suggestions, 0.50),
                    millis(suggestions, 0.99), millis(publishes, 0.50), millis(publishes, 0.99),
                    Runtime.version(), Runtime.getRuntime().availableProcessors());
        }
    }

    /** Product lines, then the articles in batches: a fifth for every product, the rest spread over the lines. */
    private static void generate(Jdbi jdbi, int articles) {
        SplittableRandom random = new SplittableRandom(7);
        jdbi.useHandle(handle -> {
            for (String product : PRODUCTS) {
                handle.execute("INSERT INTO skill (code, name, kind) VALUES (?, ?, 'PRODUCT_LINE')", product, product);
            }
            PreparedBatch batch = handle.prepareBatch("INSERT INTO kb_article (code, title, symptoms, body,"
                    + " product_skill_id, author, created_at, updated_at) VALUES (:code, :title, :symptoms, :body,"
                    + " (SELECT id FROM skill WHERE code = :product), 'S-BENCH', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
            for (int index = 1; index <= articles; index++) {
                boolean chinese = index % 2 == 0;
                String[] words = chinese ? CHINESE : ENGLISH;
                String gap = chinese ? "" : " ";
                batch.bind("code", String.format(Locale.ROOT, "KB-%06d", index))
                        .bind("title", sentence(random, words, gap, 4 + random.nextInt(4)))
                        .bind("symptoms", sentence(random, words, gap, 10 + random.nextInt(10)))
                        .bind("body", sentence(random, words, gap, 40 + random.nextInt(80)))
                        .bind("product", index % 5 == 0 ? null : PRODUCTS.get(index % PRODUCTS.size()))
                        .add();
                if (index % 1_000 == 0) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        });
    }

    private static String sentence(SplittableRandom random, String[] words, String gap, int length) {
        StringBuilder sentence = new StringBuilder();
        for (int word = 0; word < length; word++) {
            if (word > 0) {
                sentence.append(gap);
            }
            sentence.append(words[random.nextInt(words.length)]);
        }
        return sentence.append(gap.isEmpty() ? "。" : ".").toString();
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
