import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes the SYNTHETIC victim sample of scamscope: three CSV files of invented person-records.
 *
 * <p>No row describes a real person. Every value, including the names, passport numbers and phone
 * numbers, is drawn from a java.util.Random with a fixed seed, so the output is byte-identical on
 * every run. The identifying fields are fake but are made to look real on purpose: the job must
 * never let them through to any output.
 *
 * <p>Run from the project root with Java 17 and no dependencies:
 * {@code java data/sample/GenerateSampleVictims.java data/sample/victims}
 *
 * <p>Files written (header in {@link #HEADER}):
 * <ul>
 *   <li>hotline_2018_2021.csv: 1,200 rows, source hotline_kh, registration dates 2018 to 2021;</li>
 *   <li>partners_2022_2025.csv: 1,300 rows (+1 duplicate), source partner_ngo_th, 2022 to 2025-10-31,
 *       no identifying fields;</li>
 *   <li>ngo_casework.csv: 900 rows (+3 duplicates), source ngo_casework, 2018 to 2025-10-31.</li>
 * </ul>
 *
 * <p>Distributions drawn from (all invented, shaped after the published picture of the industry):
 * <ul>
 *   <li>victim_type: forced_scam_worker 60 %, defrauded 40 %;</li>
 *   <li>registration year weights 2018..2025 = 1, 1.6, 3, 8, 14, 20, 24, 20 (growth from 2021),
 *       month weights with a February dip and a mid-year peak, day uniform; 2025 stops at 10-31;</li>
 *   <li>gender: forced workers male 65 %, female 31 %, trans_nonconforming 1 %, empty 3 %;
 *       defrauded female 48 %, male 48 %, trans_nonconforming 1 %, empty 3 %;</li>
 *   <li>age: forced workers normal(27, 6) clipped to 18..55 with 4 % minors aged 15..17; defrauded
 *       normal(42, 12) clipped to 18..70 with 1 % aged 14..17; for 20 % of rows only the CTDC-style
 *       age_band is written, and half of the rows with an age also carry the matching band;</li>
 *   <li>citizenship: weighted lists (forced workers from CHN, VNM, IDN, PHL, THA, MMR, MYS, IND, KEN,
 *       UGA, ETH, LKA, BGD, TWN, NPL, PAK, LAO, KHM; defrauded from USA, CHN, GBR, AUS, SGP, MYS, JPN,
 *       KOR, TWN, CAN, DEU, HKG, IND, THA, FRA, NZL); 2 % written as an ISO alpha-2 code or an
 *       English name instead of alpha-3;</li>
 *   <li>exploitation_country: KHM 40, MMR 30, LAO 12, PHL 10, THA 5, MYS 3 (weights); empty for 30 %
 *       of defrauded rows; exploitation_subdivision an ISO 3166-2 code of that country (none for MYS),
 *       empty for about 25 % of rows (12 % of forced workers with a country, 15 % of defrauded), about 1 % written as a place-name alias (Sihanoukville, Myawaddy, Bokeo);</li>
 *   <li>compound_id: for 25 % of forced workers (10 % of defrauded) with a subdivision, one of the
 *       compounds of data/sample/compounds/compounds.csv in that subdivision already reported at the
 *       registration date (table {@link #COMPOUNDS} mirrors that file);</li>
 *   <li>recruitment_channel, means_of_control (1..4 of 9 CTDC means), status, scam_type: weighted
 *       picks, see the tables below;</li>
 *   <li>loss_amount (defrauded only): log-normal, median USD 3,500, sigma 1.5, clipped to
 *       50..2,500,000 USD, converted with fixed rates into USD (always for USA, else 35 %) or the
 *       victim's local currency, 2 decimals;</li>
 *   <li>name, passport_number, phone: on 50 % of rows of the hotline and ngo_casework files, drawn
 *       from small per-citizenship lists of common names (some in their own script) and
 *       per-country number patterns.</li>
 * </ul>
 *
 * <p>Deliberately bad rows (15) are placed at fixed positions by {@link #applyDefects}; they are
 * listed in data/sample/README.md and printed to stdout by this program.
 */
public class GenerateSampleVictims {

    static final long SEED = 20240326L;

    static final String[] HEADER = {
        "victim_id", "source", "victim_type", "registration_date", "gender", "age", "age_band",
        "citizenship", "exploitation_country", "exploitation_subdivision", "compound_id",
        "recruitment_channel", "means_of_control", "status", "loss_amount", "loss_currency",
        "scam_type", "name", "passport_number", "phone"
    };
    static final int ID = 0, SOURCE = 1, TYPE = 2, DATE = 3, GENDER = 4, AGE = 5, BAND = 6, CIT = 7,
            EXC = 8, EXS = 9, CMP = 10, CHANNEL = 11, MEANS = 12, STATUS = 13, LOSS = 14, CUR = 15,
            SCAM = 16, NAME = 17, PASSPORT = 18, PHONE = 19;

    static final LocalDate LAST_DATE = LocalDate.of(2025, 10, 31);

    // ---------------------------------------------------------------- weighted tables

    /** A weighted choice over string values. */
    static final class W {
        final String[] v;
        final double[] cum;

        W(Object... pairs) {
            v = new String[pairs.length / 2];
            cum = new double[pairs.length / 2];
            double s = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = (String) pairs[2 * i];
                s += ((Number) pairs[2 * i + 1]).doubleValue();
                cum[i] = s;
            }
        }

        String pick(Random r) {
            double x = r.nextDouble() * cum[cum.length - 1];
            for (int i = 0; i < cum.length; i++) {
                if (x < cum[i]) {
                    return v[i];
                }
            }
            return v[v.length - 1];
        }
    }

    static final double[] YEAR_WEIGHT = {1, 1.6, 3, 8, 14, 20, 24, 20}; // 2018..2025
    static final double[] MONTH_WEIGHT = {0.85, 0.70, 0.90, 1.00, 1.10, 1.20, 1.25, 1.20, 1.10, 1.00, 0.90, 0.85};

    static final W GENDER_FORCED = new W("male", 65, "female", 31, "trans_nonconforming", 1, "", 3);
    static final W GENDER_DEFRAUDED = new W("female", 48, "male", 48, "trans_nonconforming", 1, "", 3);

    static final W CIT_FORCED = new W(
            "CHN", 20, "VNM", 12, "IDN", 10, "PHL", 8, "THA", 7, "MMR", 7, "MYS", 6, "IND", 6,
            "KEN", 4, "UGA", 3, "ETH", 3, "LKA", 3, "BGD", 2, "TWN", 3, "NPL", 2, "PAK", 1,
            "LAO", 1.5, "KHM", 1.5);
    static final W CIT_DEFRAUDED = new W(
            "USA", 30, "CHN", 14, "GBR", 6, "AUS", 6, "SGP", 6, "MYS", 5, "JPN", 5, "KOR", 4,
            "TWN", 5, "CAN", 5, "DEU", 3, "HKG", 3, "IND", 3, "THA", 2, "FRA", 2, "NZL", 1);

    static final W EXPLOIT_COUNTRY = new W("KHM", 40, "MMR", 30, "LAO", 12, "PHL", 10, "THA", 5, "MYS", 3);
    static final Map<String, W> SUBDIVISIONS = new LinkedHashMap<>();
    static {
        SUBDIVISIONS.put("KHM", new W("KH-18", 35, "KH-12", 15, "KH-8", 8, "KH-9", 8, "KH-1", 12,
                "KH-22", 5, "KH-20", 10, "KH-15", 7));
        SUBDIVISIONS.put("MMR", new W("MM-13", 70, "MM-17", 30));
        SUBDIVISIONS.put("LAO", new W("LA-BK", 100));
        SUBDIVISIONS.put("PHL", new W("PH-TAR", 20, "PH-PAM", 35, "PH-00", 45));
        SUBDIVISIONS.put("THA", new W("TH-63", 65, "TH-10", 35));
    }
    static final Map<String, String> SUBDIVISION_ALIAS = Map.of(
            "KH-18", "Sihanoukville", "MM-13", "Myawaddy", "LA-BK", "Bokeo");

    /** compound_id, ISO 3166-2 subdivision, first_reported: mirrors compounds.csv (valid rows only). */
    static final String[][] COMPOUNDS = {
        {"CMP-0001", "MM-13", "2020-01-01"}, {"CMP-0002", "MM-13", "2019-01-01"},
        {"CMP-0003", "LA-BK", "2018-01-01"}, {"CMP-0004", "KH-18", "2024-03-26"},
        {"CMP-0005", "KH-18", "2024-03-26"}, {"CMP-0006", "PH-TAR", "2024-03-13"},
        {"CMP-0007", "KH-18", "2019-06-01"}, {"CMP-0008", "KH-18", "2020-03-01"},
        {"CMP-0009", "KH-12", "2021-02-01"}, {"CMP-0010", "KH-8", "2021-05-01"},
        {"CMP-0011", "KH-15", "2022-01-01"}, {"CMP-0012", "KH-9", "2020-09-01"},
        {"CMP-0013", "KH-1", "2019-10-01"}, {"CMP-0014", "KH-22", "2021-08-01"},
        {"CMP-0015", "KH-20", "2020-11-01"}, {"CMP-0016", "MM-17", "2019-03-01"},
        {"CMP-0017", "MM-17", "2020-06-01"}, {"CMP-0018", "MM-13", "2021-04-01"},
        {"CMP-0019", "PH-PAM", "2022-06-01"}, {"CMP-0020", "PH-00", "2021-01-01"},
    };

    static final W CHANNEL_FORCED = new W("online_job_ad", 34, "social_media", 24, "messaging_app", 16,
            "acquaintance", 12, "recruitment_agency", 10, "family", 4);
    static final W CHANNEL_DEFRAUDED = new W("dating_app", 18, "social_media", 30, "messaging_app", 20,
            "wrong_number_text", 17, "investment_platform", 15);

    static final String[] MEANS_LIST = {"debt_bondage", "threats", "abuse", "false_promises", "drugs_alcohol",
        "denied_basic_needs", "excessive_hours", "withheld_documents", "confinement"};
    static final double[] MEANS_WEIGHT = {30, 45, 35, 60, 5, 15, 40, 45, 50};
    static final W MEANS_COUNT = new W("1", 25, "2", 35, "3", 25, "4", 15);

    static final W STATUS_W = new W("held", 8, "escaped", 17, "rescued", 35, "repatriated", 25, "deported", 15);
    static final String[] STATUS_ORDER = {"held", "escaped", "rescued", "repatriated", "deported"};

    static final W SCAM_DEFRAUDED = new W("investment", 48, "romance", 20, "job", 10, "impersonation", 14, "other", 8);
    static final W SCAM_FORCED = new W("investment", 40, "romance", 20, "job", 8, "impersonation", 10, "other", 4, "", 18);

    static final Map<String, String> LOCAL_CURRENCY = Map.ofEntries(
            Map.entry("CHN", "CNY"), Map.entry("GBR", "GBP"), Map.entry("AUS", "AUD"), Map.entry("SGP", "SGD"),
            Map.entry("MYS", "MYR"), Map.entry("JPN", "JPY"), Map.entry("KOR", "KRW"), Map.entry("TWN", "TWD"),
            Map.entry("DEU", "EUR"), Map.entry("FRA", "EUR"), Map.entry("THA", "THB"));
    static final Map<String, Double> PER_USD = Map.ofEntries(
            Map.entry("USD", 1.0), Map.entry("CNY", 7.10), Map.entry("GBP", 0.79), Map.entry("AUD", 1.50),
            Map.entry("SGD", 1.34), Map.entry("MYR", 4.60), Map.entry("JPY", 148.0), Map.entry("KRW", 1330.0),
            Map.entry("TWD", 31.5), Map.entry("EUR", 0.92), Map.entry("THB", 35.5));

    /** Non-alpha-3 spellings used for about 2 % of citizenships: {alpha-2, English name}. */
    static final Map<String, String[]> CIT_VARIANTS = Map.ofEntries(
            Map.entry("CHN", new String[]{"CN", "China"}), Map.entry("VNM", new String[]{"VN", "Viet Nam"}),
            Map.entry("IDN", new String[]{"ID", "Indonesia"}), Map.entry("PHL", new String[]{"PH", "Philippines"}),
            Map.entry("THA", new String[]{"TH", "Thailand"}), Map.entry("MMR", new String[]{"MM", "Myanmar"}),
            Map.entry("MYS", new String[]{"MY", "Malaysia"}), Map.entry("IND", new String[]{"IN", "India"}),
            Map.entry("KEN", new String[]{"KE", "Kenya"}), Map.entry("UGA", new String[]{"UG", "Uganda"}),
            Map.entry("ETH", new String[]{"ET", "Ethiopia"}), Map.entry("LKA", new String[]{"LK", "Sri Lanka"}),
            Map.entry("BGD", new String[]{"BD", "Bangladesh"}), Map.entry("TWN", new String[]{"TW", "Taiwan"}),
            Map.entry("NPL", new String[]{"NP", "Nepal"}), Map.entry("PAK", new String[]{"PK", "Pakistan"}),
            Map.entry("LAO", new String[]{"LA", "Lao PDR"}), Map.entry("KHM", new String[]{"KH", "Cambodia"}),
            Map.entry("USA", new String[]{"US", "United States"}), Map.entry("GBR", new String[]{"GB", "United Kingdom"}),
            Map.entry("AUS", new String[]{"AU", "Australia"}), Map.entry("SGP", new String[]{"SG", "Singapore"}),
            Map.entry("JPN", new String[]{"JP", "Japan"}), Map.entry("KOR", new String[]{"KR", "Republic of Korea"}),
            Map.entry("CAN", new String[]{"CA", "Canada"}), Map.entry("DEU", new String[]{"DE", "Germany"}),
            Map.entry("HKG", new String[]{"HK", "Hong Kong"}), Map.entry("FRA", new String[]{"FR", "France"}),
            Map.entry("NZL", new String[]{"NZ", "New Zealand"}));

    // ---------------------------------------------------------------- fake identities

    /** Full names as written (own script or romanised); all common, none refers to anyone. */
    static final Map<String, String[]> NAMES = new LinkedHashMap<>();
    /** Countries whose romanised names are "given family", eligible for a "FAMILY, Given" spelling. */
    static final List<String> GIVEN_FIRST = List.of("USA", "GBR", "AUS", "CAN", "NZL", "DEU", "FRA", "PHL",
            "KEN", "UGA", "IND", "LKA", "NPL", "BGD", "PAK", "IDN", "ETH");
    static {
        NAMES.put("CHN", new String[]{"王伟", "李娜", "张敏", "刘洋", "陈静", "杨磊", "赵军", "黄丽", "周强", "吴芳",
            "Wang Wei", "Li Na", "Zhang Min", "Liu Yang", "Chen Jing"});
        NAMES.put("VNM", new String[]{"Nguyễn Văn An", "Trần Thị Lan", "Lê Văn Hùng", "Phạm Thị Hoa", "Hoàng Minh Tuấn",
            "Vũ Thị Mai", "Đặng Văn Nam", "Nguyen Van Duc", "Tran Thi Thu"});
        NAMES.put("THA", new String[]{"สมชาย ใจดี", "สมศักดิ์ ศรีสุข", "สุดา บุญมา", "มาลี แสงทอง", "วิชัย รุ่งเรือง",
            "Somchai Jaidee", "Suda Boonma", "Wichai Rungrueang"});
        NAMES.put("MMR", new String[]{"အောင်အောင်", "မောင်မောင်", "ကျော်ကျော်", "သီတာ", "ဇော်မင်း", "နီလာ",
            "Aung Aung", "Kyaw Kyaw", "Thida Win", "Zaw Min"});
        NAMES.put("KHM", new String[]{"សុខា", "ដារ៉ា", "សុភាព", "វណ្ណា", "Sok Sokha", "Chan Dara", "Heng Sophea"});
        NAMES.put("LAO", new String[]{"ສົມພອນ", "Souksavanh Phommachanh", "Khamla Vongsa", "Bounmy Keomany"});
        NAMES.put("IDN", new String[]{"Budi Santoso", "Siti Rahayu", "Agus Setiawan", "Dewi Lestari", "Rizky Pratama",
            "Putri Wulandari"});
        NAMES.put("PHL", new String[]{"Jose Santos", "Maria Reyes", "Mark Bautista", "Angelica Cruz", "John Paul Garcia",
            "Kristine Mendoza"});
        NAMES.put("MYS", new String[]{"Ahmad bin Ismail", "Nur Aisyah binti Hassan", "Tan Wei Ming", "Lim Mei Ling",
            "Muthu a/l Raman"});
        NAMES.put("KEN", new String[]{"Brian Otieno", "Faith Wanjiru", "Kevin Kamau", "Mercy Achieng", "Dennis Mwangi"});
        NAMES.put("UGA", new String[]{"Joseph Okello", "Sarah Nakato", "Ivan Mukasa", "Grace Namutebi"});
        NAMES.put("ETH", new String[]{"Abebe Kebede", "Tigist Alemu", "Dawit Tesfaye", "Hana Girma", "Yonas Bekele"});
        NAMES.put("IND", new String[]{"Rahul Sharma", "Priya Singh", "Amit Kumar", "Neha Patel", "Arjun Nair", "Ravi Verma"});
        NAMES.put("LKA", new String[]{"Nuwan Perera", "Chamari Fernando", "Kasun Silva", "Dilini Jayasinghe"});
        NAMES.put("BGD", new String[]{"Mohammad Rahman", "Fatema Akter", "Abdul Karim", "Nusrat Jahan"});
        NAMES.put("TWN", new String[]{"陳志明", "林怡君", "張家豪", "黃雅婷", "Chen Chih-ming", "Lin Yi-chun"});
        NAMES.put("NPL", new String[]{"Ram Thapa", "Sita Gurung", "Bikash Shrestha", "Anita Tamang"});
        NAMES.put("PAK", new String[]{"Muhammad Ali", "Ayesha Khan", "Usman Ahmed"});
        NAMES.put("USA", new String[]{"James Smith", "Mary Johnson", "Robert Williams", "Linda Brown", "Michael Jones",
            "Patricia Garcia", "David Miller", "Jennifer Davis"});
        NAMES.put("GBR", new String[]{"Oliver Taylor", "Emma Wilson", "Harry Evans", "Sophie Thomas", "George Roberts"});
        NAMES.put("AUS", new String[]{"Jack Wilson", "Charlotte Smith", "William Brown", "Olivia Jones"});
        NAMES.put("CAN", new String[]{"Liam Tremblay", "Emily Roy", "Noah Gagnon", "Ava MacDonald"});
        NAMES.put("NZL", new String[]{"Oliver Walker", "Isla Thompson", "Lucas White"});
        NAMES.put("SGP", new String[]{"Tan Wei Jie", "Lim Hui Min", "Nur Hidayah", "Rajesh Kumar"});
        NAMES.put("JPN", new String[]{"佐藤 健", "鈴木 花子", "高橋 大輔", "Sato Hiroshi", "Tanaka Yuki"});
        NAMES.put("KOR", new String[]{"김민준", "이서연", "박지훈", "Kim Min-jun", "Park Ji-woo"});
        NAMES.put("DEU", new String[]{"Thomas Müller", "Anna Schmidt", "Lukas Schneider", "Julia Fischer"});
        NAMES.put("FRA", new String[]{"Pierre Martin", "Camille Bernard", "Julien Dubois"});
        NAMES.put("HKG", new String[]{"陳家明", "黃嘉欣", "Chan Ka Ming", "Wong Ka Yan"});
    }

    /** Passport pattern per country: L = letter A-Z, D = digit, other characters literal. */
    static final Map<String, String> PASSPORT_PATTERN = Map.ofEntries(
            Map.entry("CHN", "EDDDDDDDD"), Map.entry("VNM", "CDDDDDDD"), Map.entry("IDN", "LDDDDDDD"),
            Map.entry("PHL", "PDDDDDDDL"), Map.entry("THA", "AADDDDDDD"), Map.entry("MMR", "MADDDDDD"),
            Map.entry("KHM", "NDDDDDDD"), Map.entry("LAO", "PDDDDDDD"), Map.entry("MYS", "ADDDDDDDD"),
            Map.entry("KEN", "AKDDDDDDD"), Map.entry("UGA", "ADDDDDDDD"), Map.entry("ETH", "EPDDDDDDD"),
            Map.entry("IND", "LDDDDDDD"), Map.entry("LKA", "NDDDDDDD"), Map.entry("BGD", "ADDDDDDDD"),
            Map.entry("TWN", "DDDDDDDDD"), Map.entry("NPL", "DDDDDDDD"), Map.entry("PAK", "LLDDDDDDD"),
            Map.entry("USA", "DDDDDDDDD"), Map.entry("GBR", "DDDDDDDDD"), Map.entry("AUS", "PADDDDDDD"),
            Map.entry("CAN", "LLDDDDDD"), Map.entry("NZL", "LLDDDDDD"), Map.entry("SGP", "KDDDDDDDL"),
            Map.entry("JPN", "TKDDDDDDD"), Map.entry("KOR", "MDDDDDDDD"), Map.entry("DEU", "CDDDDDDDD"),
            Map.entry("FRA", "DDLLDDDDD"), Map.entry("HKG", "KDDDDDDDD"));

    /** Phone pattern per country: D = digit, N = digit 2-9, other characters literal. */
    static final Map<String, String[]> PHONE_PATTERN = Map.ofEntries(
            Map.entry("CHN", new String[]{"+86 138 DDDD DDDD", "+86 159 DDDD DDDD", "+86 186 DDDD DDDD"}),
            Map.entry("VNM", new String[]{"+84 91D DDD DDD", "+84 98D DDD DDD", "+84 90D DDD DDD"}),
            Map.entry("IDN", new String[]{"+62 812 DDDD DDDD", "+62 857 DDDD DDDD"}),
            Map.entry("PHL", new String[]{"+63 917 DDD DDDD", "+63 998 DDD DDDD"}),
            Map.entry("THA", new String[]{"+66 8D DDD DDDD", "+66 9D DDD DDDD"}),
            Map.entry("MMR", new String[]{"+95 9 DDD DDD DDD"}),
            Map.entry("KHM", new String[]{"+855 12 DDD DDD", "+855 97 DDD DDDD"}),
            Map.entry("LAO", new String[]{"+856 20 DDDD DDDD"}),
            Map.entry("MYS", new String[]{"+60 12 DDD DDDD", "+60 17 DDD DDDD"}),
            Map.entry("KEN", new String[]{"+254 7DD DDD DDD"}), Map.entry("UGA", new String[]{"+256 7DD DDD DDD"}),
            Map.entry("ETH", new String[]{"+251 9DD DDD DDD"}), Map.entry("IND", new String[]{"+91 9DDDD DDDDD"}),
            Map.entry("LKA", new String[]{"+94 7D DDD DDDD"}), Map.entry("BGD", new String[]{"+880 17DD DDDDDD"}),
            Map.entry("TWN", new String[]{"+886 9DD DDD DDD"}), Map.entry("NPL", new String[]{"+977 98DD DDDDDD"}),
            Map.entry("PAK", new String[]{"+92 3DD DDDDDDD"}),
            Map.entry("USA", new String[]{"+1 415 NDD DDDD", "+1 212 NDD DDDD", "+1 713 NDD DDDD"}),
            Map.entry("GBR", new String[]{"+44 7DDD DDDDDD"}), Map.entry("AUS", new String[]{"+61 4DD DDD DDD"}),
            Map.entry("CAN", new String[]{"+1 604 NDD DDDD", "+1 416 NDD DDDD"}),
            Map.entry("NZL", new String[]{"+64 21 DDD DDDD"}), Map.entry("SGP", new String[]{"+65 9DDD DDDD"}),
            Map.entry("JPN", new String[]{"+81 90 DDDD DDDD"}), Map.entry("KOR", new String[]{"+82 10 DDDD DDDD"}),
            Map.entry("DEU", new String[]{"+49 151 DDDDDDDD"}), Map.entry("FRA", new String[]{"+33 6 DD DD DD DD"}),
            Map.entry("HKG", new String[]{"+852 9DDD DDDD"}));

    // ---------------------------------------------------------------- generation

    /** One generated row and its registration date (used to order the ids within a file). */
    static final class Rec {
        final String[] f = new String[HEADER.length];
        LocalDate date;
    }

    public static void main(String[] args) throws IOException {
        Path out = Paths.get(args.length > 0 ? args[0] : "data/sample/victims");
        Files.createDirectories(out);
        Random rnd = new Random(SEED);
        int[] next = {1};

        List<String[]> hotline = generate(rnd, next, 1200, "hotline_kh", 2018, 2021, true);
        List<String[]> partners = generate(rnd, next, 1300, "partner_ngo_th", 2022, 2025, false);
        List<String[]> ngo = generate(rnd, next, 900, "ngo_casework", 2018, 2025, true);

        List<String> report = applyDefects(hotline, partners, ngo);

        write(out.resolve("hotline_2018_2021.csv"), hotline);
        write(out.resolve("partners_2022_2025.csv"), partners);
        write(out.resolve("ngo_casework.csv"), ngo);

        System.out.println("hotline_2018_2021.csv  " + hotline.size() + " rows");
        System.out.println("partners_2022_2025.csv " + partners.size() + " rows");
        System.out.println("ngo_casework.csv       " + ngo.size() + " rows");
        System.out.println("deliberately bad rows:");
        report.forEach(s -> System.out.println("  " + s));
    }

    static List<String[]> generate(Random r, int[] next, int n, String source, int y0, int y1, boolean pii) {
        List<Rec> recs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            recs.add(person(r, source, y0, y1, pii));
        }
        // ids follow registration order within a file
        recs.sort(Comparator.comparing((Rec x) -> x.date));
        List<String[]> rows = new ArrayList<>(n);
        for (Rec x : recs) {
            x.f[ID] = String.format(Locale.ROOT, "VIC-%06d", next[0]++);
            rows.add(x.f);
        }
        return rows;
    }

    static Rec person(Random r, String source, int y0, int y1, boolean pii) {
        Rec x = new Rec();
        Arrays.fill(x.f, "");
        boolean forced = r.nextDouble() < 0.60;
        x.f[SOURCE] = source;
        x.f[TYPE] = forced ? "forced_scam_worker" : "defrauded";
        x.date = date(r, y0, y1);
        x.f[DATE] = x.date.toString();
        x.f[GENDER] = (forced ? GENDER_FORCED : GENDER_DEFRAUDED).pick(r);

        int age;
        if (forced) {
            age = r.nextDouble() < 0.04 ? 15 + r.nextInt(3) : clamp((int) Math.round(27 + 6 * r.nextGaussian()), 18, 55);
        } else {
            age = r.nextDouble() < 0.01 ? 14 + r.nextInt(4) : clamp((int) Math.round(42 + 12 * r.nextGaussian()), 18, 70);
        }
        if (r.nextDouble() < 0.20) {
            x.f[BAND] = band(age);
        } else {
            x.f[AGE] = Integer.toString(age);
            if (r.nextBoolean()) {
                x.f[BAND] = band(age);
            }
        }

        String cit = (forced ? CIT_FORCED : CIT_DEFRAUDED).pick(r);
        x.f[CIT] = cit;
        if (r.nextDouble() < 0.02) {
            String[] v = CIT_VARIANTS.get(cit);
            x.f[CIT] = v[r.nextInt(2)];
        }

        String country = (!forced && r.nextDouble() < 0.30) ? "" : EXPLOIT_COUNTRY.pick(r);
        x.f[EXC] = country;
        if (!country.isEmpty() && SUBDIVISIONS.containsKey(country)) {
            double pEmpty = forced ? 0.12 : 0.15;
            if (r.nextDouble() >= pEmpty) {
                String sub = SUBDIVISIONS.get(country).pick(r);
                x.f[EXS] = sub;
                if (SUBDIVISION_ALIAS.containsKey(sub) && r.nextDouble() < 0.03) {
                    x.f[EXS] = SUBDIVISION_ALIAS.get(sub);
                }
                if (r.nextDouble() < (forced ? 0.25 : 0.10)) {
                    List<String> fit = new ArrayList<>();
                    for (String[] c : COMPOUNDS) {
                        if (c[1].equals(sub) && !LocalDate.parse(c[2]).isAfter(x.date)) {
                            fit.add(c[0]);
                        }
                    }
                    if (!fit.isEmpty()) {
                        x.f[CMP] = fit.get(r.nextInt(fit.size()));
                    }
                }
            }
        }

        if (forced) {
            x.f[CHANNEL] = CHANNEL_FORCED.pick(r);
            x.f[MEANS] = means(r);
            x.f[STATUS] = STATUS_W.pick(r);
            x.f[SCAM] = SCAM_FORCED.pick(r);
        } else {
            x.f[CHANNEL] = CHANNEL_DEFRAUDED.pick(r);
            String cur = cit.equals("USA") || !LOCAL_CURRENCY.containsKey(cit) || r.nextDouble() < 0.35
                    ? "USD" : LOCAL_CURRENCY.get(cit);
            double usd = Math.exp(Math.log(3500) + 1.5 * r.nextGaussian());
            usd = Math.max(50, Math.min(2_500_000, usd));
            x.f[LOSS] = BigDecimal.valueOf(usd * PER_USD.get(cur)).setScale(2, RoundingMode.HALF_UP).toPlainString();
            x.f[CUR] = cur;
            String scam = SCAM_DEFRAUDED.pick(r);
            if (x.f[CHANNEL].equals("dating_app") && scam.equals("job")) {
                scam = "romance";
            }
            if (x.f[CHANNEL].equals("investment_platform")) {
                scam = "investment";
            }
            x.f[SCAM] = scam;
        }

        if (pii && r.nextBoolean()) {
            x.f[NAME] = name(r, cit);
            x.f[PASSPORT] = pattern(r, PASSPORT_PATTERN.getOrDefault(cit, "LDDDDDDDD"));
            String[] ph = PHONE_PATTERN.getOrDefault(cit, new String[]{"+1 202 NDD DDDD"});
            x.f[PHONE] = pattern(r, ph[r.nextInt(ph.length)]);
        }
        return x;
    }

    static LocalDate date(Random r, int y0, int y1) {
        while (true) {
            double total = 0;
            for (int y = y0; y <= y1; y++) {
                total += YEAR_WEIGHT[y - 2018];
            }
            double u = r.nextDouble() * total;
            int year = y1;
            for (int y = y0; y <= y1; y++) {
                u -= YEAR_WEIGHT[y - 2018];
                if (u < 0) {
                    year = y;
                    break;
                }
            }
            double mt = 0;
            for (double w : MONTH_WEIGHT) {
                mt += w;
            }
            double v = r.nextDouble() * mt;
            int month = 12;
            for (int m = 1; m <= 12; m++) {
                v -= MONTH_WEIGHT[m - 1];
                if (v < 0) {
                    month = m;
                    break;
                }
            }
            LocalDate first = LocalDate.of(year, month, 1);
            LocalDate d = first.plusDays(r.nextInt(first.lengthOfMonth()));
            if (!d.isAfter(LAST_DATE)) {
                return d;
            }
        }
    }

    static String band(int age) {
        if (age <= 8) return "0-8";
        if (age <= 17) return "9-17";
        if (age <= 20) return "18-20";
        if (age <= 23) return "21-23";
        if (age <= 26) return "24-26";
        if (age <= 29) return "27-29";
        if (age <= 38) return "30-38";
        if (age <= 47) return "39-47";
        return "48+";
    }

    static String means(Random r) {
        int k = Integer.parseInt(MEANS_COUNT.pick(r));
        boolean[] chosen = new boolean[MEANS_LIST.length];
        double total = 0;
        for (double w : MEANS_WEIGHT) {
            total += w;
        }
        int got = 0;
        while (got < k) {
            double u = r.nextDouble() * total;
            for (int i = 0; i < MEANS_LIST.length; i++) {
                u -= MEANS_WEIGHT[i];
                if (u < 0) {
                    if (!chosen[i]) {
                        chosen[i] = true;
                        got++;
                    }
                    break;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < MEANS_LIST.length; i++) {
            if (chosen[i]) {
                if (sb.length() > 0) sb.append(';');
                sb.append(MEANS_LIST[i]);
            }
        }
        return sb.toString();
    }

    static String name(Random r, String cit) {
        String[] list = NAMES.getOrDefault(cit, NAMES.get("USA"));
        String n = list[r.nextInt(list.length)];
        // a few passport-style "FAMILY, Given" spellings (they need RFC 4180 quoting)
        if (GIVEN_FIRST.contains(cit) && n.indexOf(' ') > 0 && r.nextDouble() < 0.05) {
            int sp = n.lastIndexOf(' ');
            n = n.substring(sp + 1).toUpperCase(Locale.ROOT) + ", " + n.substring(0, sp);
        }
        return n;
    }

    static String pattern(Random r, String p) {
        StringBuilder sb = new StringBuilder();
        for (char c : p.toCharArray()) {
            if (c == 'D') sb.append((char) ('0' + r.nextInt(10)));
            else if (c == 'N') sb.append((char) ('2' + r.nextInt(8)));
            else if (c == 'L') sb.append((char) ('A' + r.nextInt(26)));
            else sb.append(c);
        }
        return sb.toString();
    }

    static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    // ---------------------------------------------------------------- deliberate defects

    /** First row index at or after {@code from} satisfying the test and not already used. */
    static int find(List<String[]> rows, int from, java.util.function.Predicate<String[]> ok, List<Integer> used) {
        for (int i = from; i < rows.size(); i++) {
            if (ok.test(rows.get(i)) && !used.contains(i)) {
                used.add(i);
                return i;
            }
        }
        throw new IllegalStateException("no row found from " + from);
    }

    static List<String> applyDefects(List<String[]> hot, List<String[]> par, List<String[]> ngo) {
        List<String> rep = new ArrayList<>();
        List<Integer> uh = new ArrayList<>(), up = new ArrayList<>(), un = new ArrayList<>();
        java.util.function.Predicate<String[]> any = f -> true;
        java.util.function.Predicate<String[]> forced = f -> f[TYPE].equals("forced_scam_worker");
        java.util.function.Predicate<String[]> defrauded = f -> f[TYPE].equals("defrauded");

        // sources of the duplicates are chosen first so that they stay otherwise clean
        String[] d1 = hot.get(find(hot, 400, f -> forced.test(f) && f[NAME].isEmpty(), uh)).clone();
        String[] d2 = hot.get(find(hot, 900, forced, uh)).clone();
        String[] d3 = par.get(find(par, 200, any, up)).clone();
        String[] d4 = par.get(find(par, 1100, forced, up)).clone();

        // hotline_2018_2021.csv
        int i = find(hot, 57, any, uh);
        rep.add("hotline_2018_2021.csv: empty victim_id (was " + hot.get(i)[ID] + ", registered " + hot.get(i)[DATE] + ")");
        hot.get(i)[ID] = "";
        i = find(hot, 311, any, uh);
        hot.get(i)[AGE] = "150";
        hot.get(i)[BAND] = "";
        rep.add("hotline_2018_2021.csv: " + hot.get(i)[ID] + " age 150");
        i = find(hot, 702, any, uh);
        hot.get(i)[CIT] = "ZZZ";
        rep.add("hotline_2018_2021.csv: " + hot.get(i)[ID] + " citizenship ZZZ (unknown code)");

        // partners_2022_2025.csv
        i = find(par, 88, any, up);
        par.get(i)[DATE] = "2031-02-30";
        rep.add("partners_2022_2025.csv: " + par.get(i)[ID] + " registration_date 2031-02-30 (impossible date)");
        i = find(par, 415, any, up);
        par.get(i)[DATE] = "15/03/2023";
        rep.add("partners_2022_2025.csv: " + par.get(i)[ID] + " registration_date 15/03/2023 (wrong format)");
        i = find(par, 640, defrauded, up);
        par.get(i)[LOSS] = "-" + par.get(i)[LOSS];
        rep.add("partners_2022_2025.csv: " + par.get(i)[ID] + " negative loss_amount " + par.get(i)[LOSS]);
        i = find(par, 977, any, up);
        par.get(i)[EXC] = "KHM";
        par.get(i)[EXS] = "KH-99";
        par.get(i)[CMP] = "";
        rep.add("partners_2022_2025.csv: " + par.get(i)[ID] + " exploitation_subdivision KH-99 (no such code)");

        // ngo_casework.csv
        i = find(ngo, 33, any, un);
        ngo.get(i)[DATE] = "2031-01-15";
        rep.add("ngo_casework.csv: " + ngo.get(i)[ID] + " registration_date 2031-01-15 (in the future)");
        i = find(ngo, 250, any, un);
        ngo.get(i)[AGE] = "-3";
        ngo.get(i)[BAND] = "";
        rep.add("ngo_casework.csv: " + ngo.get(i)[ID] + " age -3");
        i = find(ngo, 500, defrauded, un);
        ngo.get(i)[CUR] = "XXQ";
        rep.add("ngo_casework.csv: " + ngo.get(i)[ID] + " loss_currency XXQ (unknown currency)");
        i = find(ngo, 733, any, un);
        ngo.get(i)[TYPE] = "volunteer";
        rep.add("ngo_casework.csv: " + ngo.get(i)[ID] + " victim_type volunteer (not in the domain)");

        // duplicate victim_ids across files, inserted (not appended) so they are spread in the files
        par.add(600, d1);
        rep.add("partners_2022_2025.csv: " + d1[ID] + " exact copy of a row of hotline_2018_2021.csv");
        d2[STATUS] = otherStatus(d2[STATUS]);
        ngo.add(120, d2);
        rep.add("ngo_casework.csv: " + d2[ID] + " copy of a row of hotline_2018_2021.csv with status changed to " + d2[STATUS]);
        ngo.add(450, d3);
        rep.add("ngo_casework.csv: " + d3[ID] + " exact copy of a row of partners_2022_2025.csv");
        d4[STATUS] = otherStatus(d4[STATUS]);
        ngo.add(800, d4);
        rep.add("ngo_casework.csv: " + d4[ID] + " copy of a row of partners_2022_2025.csv with status changed to " + d4[STATUS]);
        return rep;
    }

    static String otherStatus(String s) {
        for (int k = 0; k < STATUS_ORDER.length; k++) {
            if (STATUS_ORDER[k].equals(s)) {
                return STATUS_ORDER[(k + 1) % STATUS_ORDER.length];
            }
        }
        return "rescued";
    }

    // ---------------------------------------------------------------- CSV output (RFC 4180 quoting)

    static void write(Path file, List<String[]> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(line(HEADER));
            for (String[] row : rows) {
                w.write(line(row));
            }
        }
    }

    static String line(String[] f) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.length; i++) {
            if (i > 0) sb.append(',');
            String v = f[i] == null ? "" : f[i];
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.append('\n').toString();
    }
}
