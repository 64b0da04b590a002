package io.hotline.persistence.seed;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fixed material the demo organisation is drawn from: product lines and their modules, the 42 branch
 * cities with real coordinates, area codes and districts, and the words names are made of. Constants only;
 * immutable and thread-safe.
 */
final class DemoCatalog {

    /**
     * A product line with its modules and the versions customers run.
     *
     * @param code      skill code
     * @param name      human-readable name
     * @param weight    how common it is among customers (relative)
     * @param modules   module suffix to module name, in order; the module's code is {@code <code>_<suffix>}
     * @param versions  released versions, oldest first
     */
    record ProductLine(String code, String name, int weight, List<Map.Entry<String, String>> modules,
                       List<String> versions) {

        String moduleCode(int index) {
            return code + "_" + modules.get(index).getKey();
        }
    }

    /**
     * A branch city.
     *
     * @param name       English name
     * @param province   its province-level division, the region string customers use
     * @param latitude   degrees north
     * @param longitude  degrees east
     * @param areaCode   telephone area code without the trunk prefix 0
     * @param district   a real district (its full name), for addresses
     * @param weight     how many customers it has (relative)
     */
    record City(String name, String province, double latitude, double longitude, String areaCode,
                String district, int weight) {

        /** {@code Xi'an} becomes {@code XIAN}. */
        String codeName() {
            return name.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        }
    }

    static final List<ProductLine> PRODUCT_LINES = List.of(
            new ProductLine("ERP_U8", "ERP U8 (mid-market ERP suite)", 35, List.of(
                    Map.entry("GL", "U8 General ledger"),
                    Map.entry("AP_AR", "U8 Accounts payable and receivable"),
                    Map.entry("INVENTORY", "U8 Inventory"),
                    Map.entry("MRP", "U8 Manufacturing and MRP"),
                    Map.entry("SALES", "U8 Sales and distribution"),
                    Map.entry("FIXED_ASSETS", "U8 Fixed assets")),
                    List.of("U8 13.0", "U8 15.0", "U8 15.1", "U8 16.0", "U8 16.1")),
            new ProductLine("ERP_NC", "ERP NC (enterprise group ERP)", 10, List.of(
                    Map.entry("GL", "NC General ledger"),
                    Map.entry("CONSOLIDATION", "NC Group consolidation"),
                    Map.entry("TREASURY", "NC Treasury and cash management"),
                    Map.entry("SCM", "NC Supply chain"),
                    Map.entry("BUDGET", "NC Budgeting")),
                    List.of("NC 6.3", "NC 6.5", "NCC 2105", "NCC 2111", "NCC 2207")),
            new ProductLine("HR", "HR (human resources suite)", 15, List.of(
                    Map.entry("PAYROLL", "HR Payroll"),
                    Map.entry("ATTENDANCE", "HR Time and attendance"),
                    Map.entry("PERSONNEL", "HR Personnel records"),
                    Map.entry("SOCIAL_INSURANCE", "HR Social insurance and housing fund")),
                    List.of("HR 5.0", "HR 5.5", "eHR 6.0", "eHR 6.5")),
            new ProductLine("SMB_T3", "T3 (small-business accounting)", 25, List.of(
                    Map.entry("BOOKKEEPING", "T3 Bookkeeping"),
                    Map.entry("PURCHASE_SALES", "T3 Purchase, sales and stock"),
                    Map.entry("E_INVOICE", "T3 E-invoicing (golden tax interface)"),
                    Map.entry("REPORTS", "T3 Financial statements")),
                    List.of("T3 10.8", "T3 11.0", "T3 12.0", "T3 12.3")),
            new ProductLine("ONLINE", "Online products (cloud services)", 15, List.of(
                    Map.entry("E_INVOICE", "Online E-invoicing"),
                    Map.entry("POS", "Online Retail POS"),
                    Map.entry("EXPENSE", "Online Expense reimbursement"),
                    Map.entry("CRM", "Online CRM")),
                    List.of("Online 2024.2", "Online 2025.1", "Online 2025.3", "Online 2026.1")));

    static final String LANG_ZH = "LANG_ZH";
    static final String LANG_EN = "LANG_EN";

    /** The 42 branch cities, the largest markets first. */
    static final List<City> CITIES = List.of(
            new City("Beijing", "Beijing", 39.9042, 116.4074, "10", "Haidian District", 30),
            new City("Shanghai", "Shanghai", 31.2304, 121.4737, "21", "Pudong New Area", 30),
            new City("Guangzhou", "Guangdong", 23.1291, 113.2644, "20", "Tianhe District", 20),
            new City("Shenzhen", "Guangdong", 22.5431, 114.0579, "755", "Nanshan District", 20),
            new City("Chengdu", "Sichuan", 30.5728, 104.0668, "28", "Wuhou District", 14),
            new City("Chongqing", "Chongqing", 29.5630, 106.5516, "23", "Yubei District", 12),
            new City("Wuhan", "Hubei", 30.5928, 114.3055, "27", "Hongshan District", 12),
            new City("Hangzhou", "Zhejiang", 30.2741, 120.1551, "571", "Xihu District", 14),
            new City("Nanjing", "Jiangsu", 32.0603, 118.7969, "25", "Jianye District", 12),
            new City("Xi'an", "Shaanxi", 34.3416, 108.9398, "29", "Yanta District", 9),
            new City("Tianjin", "Tianjin", 39.3434, 117.3616, "22", "Hexi District", 10),
            new City("Suzhou", "Jiangsu", 31.2990, 120.5853, "512", "Gusu District", 12),
            new City("Shenyang", "Liaoning", 41.8057, 123.4315, "24", "Heping District", 7),
            new City("Dalian", "Liaoning", 38.9140, 121.6147, "411", "Shahekou District", 6),
            new City("Harbin", "Heilongjiang", 45.8038, 126.5349, "451", "Nangang District", 5),
            new City("Changchun", "Jilin", 43.8171, 125.3235, "431", "Chaoyang District", 5),
            new City("Jinan", "Shandong", 36.6512, 117.1201, "531", "Lixia District", 7),
            new City("Qingdao", "Shandong", 36.0671, 120.3826, "532", "Shinan District", 8),
            new City("Zhengzhou", "Henan", 34.7466, 113.6254, "371", "Jinshui District", 8),
            new City("Changsha", "Hunan", 28.2282, 112.9388, "731", "Yuelu District", 8),
            new City("Nanchang", "Jiangxi", 28.6820, 115.8579, "791", "Honggutan District", 5),
            new City("Fuzhou", "Fujian", 26.0745, 119.2965, "591", "Gulou District", 6),
            new City("Xiamen", "Fujian", 24.4798, 118.0894, "592", "Siming District", 6),
            new City("Hefei", "Anhui", 31.8206, 117.2272, "551", "Shushan District", 7),
            new City("Kunming", "Yunnan", 24.8801, 102.8329, "871", "Wuhua District", 5),
            new City("Guiyang", "Guizhou", 26.6470, 106.6302, "851", "Guanshanhu District", 4),
            new City("Nanning", "Guangxi", 22.8170, 108.3665, "771", "Qingxiu District", 4),
            new City("Haikou", "Hainan", 20.0440, 110.1999, "898", "Longhua District", 3),
            new City("Lanzhou", "Gansu", 36.0611, 103.8343, "931", "Chengguan District", 3),
            new City("Xining", "Qinghai", 36.6171, 101.7782, "971", "Chengxi District", 2),
            new City("Yinchuan", "Ningxia", 38.4872, 106.2309, "951", "Jinfeng District", 2),
            new City("Urumqi", "Xinjiang", 43.8256, 87.6168, "991", "Tianshan District", 3),
            new City("Lhasa", "Xizang", 29.6520, 91.1721, "891", "Chengguan District", 2),
            new City("Hohhot", "Inner Mongolia", 40.8424, 111.7490, "471", "Saihan District", 3),
            new City("Taiyuan", "Shanxi", 37.8706, 112.5489, "351", "Xiaodian District", 5),
            new City("Shijiazhuang", "Hebei", 38.0428, 114.5149, "311", "Yuhua District", 5),
            new City("Ningbo", "Zhejiang", 29.8683, 121.5440, "574", "Yinzhou District", 8),
            new City("Wuxi", "Jiangsu", 31.4912, 120.3119, "510", "Binhu District", 8),
            new City("Dongguan", "Guangdong", 23.0207, 113.7518, "769", "Nancheng District", 9),
            new City("Foshan", "Guangdong", 23.0215, 113.1214, "757", "Nanhai District", 9),
            new City("Wenzhou", "Zhejiang", 27.9938, 120.6994, "577", "Lucheng District", 6),
            new City("Xuzhou", "Jiangsu", 34.2044, 117.2859, "516", "Quanshan District", 5));

    static final List<String> SURNAMES = List.of(
            "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu",
            "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng",
            "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Yu", "Du");

    static final List<String> GIVEN_NAMES = List.of(
            "Wei", "Fang", "Na", "Min", "Jing", "Lei", "Jun", "Yang", "Yong", "Yan", "Jie", "Tao", "Ming", "Chao",
            "Xiuying", "Hua", "Ping", "Gang", "Hui", "Qiang", "Lina", "Xin", "Bo", "Yu", "Hao", "Yifan", "Zihan",
            "Haoran", "Xinyi", "Jiahui", "Wenjie", "Shuang", "Lili", "Peng", "Dan", "Xiaoming", "Guoqiang",
            "Yuxuan", "Mengyao", "Zhiwei");

    static final List<String> BRAND_WORDS = List.of(
            "Hengtai", "Huaxin", "Jinlong", "Tianyu", "Xinda", "Ruifeng", "Hongyuan", "Zhongke", "Dingsheng",
            "Longteng", "Fuhua", "Jiahe", "Kaida", "Mingyang", "Yongxin", "Boya", "Chuangyi", "Haitian", "Shengda",
            "Weiye", "Anda", "Baolong", "Changxing", "Dongfang", "Guanghua", "Huamei", "Jinqiao", "Lianchuang",
            "Runze", "Sanhe", "Taihe", "Wanfeng", "Xingchen", "Yida", "Zhenghe", "Jiuzhou", "Qiming", "Shunda");

    static final List<String> INDUSTRIES = List.of(
            "Precision Machinery", "Pharmaceutical", "Food Products", "Textile", "Logistics", "Electronics",
            "Auto Parts", "Chemical", "Building Materials", "Retail Chain", "Trading", "Garment", "Furniture",
            "Packaging", "New Energy", "Medical Devices", "Printing", "Steel Structure", "Agricultural Technology",
            "Environmental Technology", "Hotel Management", "Construction Engineering", "Household Appliances",
            "Optoelectronics", "Paper Products", "Plastics", "Catering", "Real Estate Services");

    static final List<String> ROADS = List.of(
            "Renmin Road", "Jianshe Road", "Zhongshan Road", "Jiefang Road", "Keji Road", "Gaoxin Road",
            "Xinhua Road", "Huanghe Road", "Changjiang Road", "Wenhua Road", "Chaoyang Road", "Yingbin Avenue",
            "Century Avenue", "Heping Road", "Dongfeng Road", "Zhongxing Road", "Chuangye Road", "Jinqiao Road");

    /** Development zones a city's industrial customers sit in (the others are in the city's district). */
    static final List<String> ZONES = List.of(
            "High-tech Zone", "Economic and Technological Development Zone", "Industrial Park");

    private DemoCatalog() {
    }
}
