package io.crmrecon.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.crmrecon.demo.CompanyNames.City;

/** The demo's customers: fixed identities (so the demo tells the same story), seeded details. */
final class DemoCustomers {

    private DemoCustomers() {
    }

    private static final City SHANGHAI = CompanyNames.city("上海");
    private static final City SHENZHEN = CompanyNames.city("深圳");
    private static final City BEIJING = CompanyNames.city("北京");
    private static final City GUANGZHOU = CompanyNames.city("广州");
    private static final City HANGZHOU = CompanyNames.city("杭州");
    private static final City SUZHOU = CompanyNames.city("苏州");
    private static final City CHENGDU = CompanyNames.city("成都");
    private static final City WUHAN = CompanyNames.city("武汉");
    private static final City NANJING = CompanyNames.city("南京");
    private static final City TIANJIN = CompanyNames.city("天津");
    private static final City CHONGQING = CompanyNames.city("重庆");
    private static final City QINGDAO = CompanyNames.city("青岛");
    private static final City NINGBO = CompanyNames.city("宁波");
    private static final City XIAMEN = CompanyNames.city("厦门");
    private static final City XIAN = CompanyNames.city("西安");
    private static final City DONGGUAN = CompanyNames.city("东莞");
    private static final City HEFEI = CompanyNames.city("合肥");
    private static final City CHANGSHA = CompanyNames.city("长沙");
    private static final City FOSHAN = CompanyNames.city("佛山");
    private static final City WUXI = CompanyNames.city("无锡");
    private static final City ZHENGZHOU = CompanyNames.city("郑州");
    private static final City KUNMING = CompanyNames.city("昆明");

    static List<DemoCustomer> generate(long seed) {
        Rng rng = Rng.of(seed, 1);
        List<DemoCustomer> list = new ArrayList<>();
        // code, name, city, segment, terms, confirmation days, deemed confirmed, manager, contact, address, e-mail
        list.add(zh(rng, "C0001", "上海华东机电设备有限公司", SHANGHAI, "key-account", 60, 15, false, "manager",
                "王建国", "上海市浦东新区张江路1288号", "caiwu.hdjd", "wang.jianguo@example.cn;ap.hdjd@example.cn"));
        list.add(zh(rng, "C0002", "深圳市星河电子科技有限公司", SHENZHEN, "A", 45, 15, true, "clerk",
                "李晓燕", "深圳市南山区高新南一道18号星河大厦9楼", "ar.xinghe", null));
        list.add(zh(rng, "C0003", "北京中科软件有限责任公司", BEIJING, "A", 30, 10, false, "clerk",
                "张伟", "北京市海淀区中关村大街27号中关村大厦1106室", "finance.zkrj", "zhang.wei.zkrj@example.cn"));
        list.add(zh(rng, "C0004", "广州南方精密制造有限公司", GUANGZHOU, "key-account", 60, 15, false, "manager",
                "陈志强", "广州市黄埔区科学大道99号", "cw.nfjm", "chen.zhiqiang@example.cn"));
        list.add(zh(rng, "C0005", "杭州西湖智能装备有限公司", HANGZHOU, "A", 45, 15, true, "clerk",
                "刘芳", "杭州市西湖区文三路478号", "finance.xhzn", null));
        list.add(zh(rng, "C0006", "苏州工业园区恒达自动化有限公司", SUZHOU, "B", 30, 15, false, "clerk",
                "周明", "苏州工业园区星湖街328号", "caiwu.hengda", null));
        list.add(zh(rng, "C0007", "成都天府数据服务有限公司", CHENGDU, "B", 30, 10, true, "clerk",
                "吴静", "成都市武侯区天府大道北段1700号", "ap.tfsj", null));
        list.add(zh(rng, "C0008", "武汉光谷激光技术有限公司", WUHAN, "A", 45, 15, false, "clerk",
                "黄磊", "武汉市东湖新技术开发区光谷大道77号", "finance.ggjg", null));
        list.add(zh(rng, "C0009", "南京金陵化工材料有限公司", NANJING, "B", 30, 15, false, "clerk",
                "孙丽", "南京市江北新区浦滨路150号", "caiwu.jlhg", null));
        list.add(zh(rng, "C0010", "天津滨海物流有限公司", TIANJIN, "B", 30, 15, true, "clerk",
                "马超", "天津市滨海新区新港二号路36号", "cw.bhwl", null));
        list.add(zh(rng, "C0011", "重庆两江汽车零部件有限公司", CHONGQING, "key-account", 60, 15, false, "manager",
                "郑海涛", "重庆市渝北区两江大道618号", "finance.ljqp", "zheng.haitao@example.cn"));
        list.add(zh(rng, "C0012", "青岛海润食品机械有限公司", QINGDAO, "B", 30, 15, false, "clerk",
                "王丽娟", "青岛市崂山区海尔路180号", "cw.hrsj", null));
        list.add(zh(rng, "C0013", "宁波港城塑胶制品有限公司", NINGBO, "B", 30, 15, false, "clerk",
                "徐斌", "宁波市北仑区明州路505号", "caiwu.gcsj", null));
        list.add(zh(rng, "C0014", "厦门鹭岛贸易有限公司", XIAMEN, "B", 45, 15, true, "clerk",
                "林晓东", "厦门市湖里区枋湖北二路1501号", "finance.ludao", null));
        list.add(zh(rng, "C0015", "西安秦川电气有限公司", XIAN, "A", 45, 15, false, "clerk",
                "杨帆", "西安市高新区锦业路69号", "cw.qcdq", null));
        list.add(zh(rng, "C0016", "东莞市长安五金模具有限公司", DONGGUAN, "B", 30, 10, true, "clerk",
                "何志明", "东莞市长安镇振安中路213号", "caiwu.cawj", null));
        list.add(zh(rng, "C0017", "合肥星联通信设备有限公司", HEFEI, "B", 30, 15, false, "clerk",
                "高翔", "合肥市高新区望江西路800号", "finance.xltx", null));
        list.add(zh(rng, "C0018", "长沙湘江工程机械有限公司", CHANGSHA, "A", 60, 15, false, "manager",
                "罗刚", "长沙市岳麓区麓谷大道658号", "cw.xjgc", "luo.gang@example.cn"));
        list.add(zh(rng, "C0019", "佛山市顺德区美家电器有限公司", FOSHAN, "A", 45, 15, false, "clerk",
                "梁嘉欣", "佛山市顺德区北滘镇美的大道6号", "caiwu.meijia", null));
        list.add(zh(rng, "C0020", "无锡太湖半导体有限公司", WUXI, "A", 60, 15, false, "manager",
                "钱晓峰", "无锡市新吴区长江路21号", "finance.thbdt", "qian.xiaofeng@example.cn"));
        list.add(zh(rng, "C0021", "郑州中原农业机械有限公司", ZHENGZHOU, "B", 45, 15, false, "clerk",
                "赵国庆", "郑州市经济技术开发区第九大街88号", "cw.zyny", null));
        list.add(zh(rng, "C0022", "昆明云岭茶业有限公司", KUNMING, "B", 30, 15, true, "clerk",
                "李云", "昆明市官渡区春城路219号", "caiwu.ylcy", null));

        list.add(en(rng, "C0023", "Pacific Trading Co., Ltd.", "CNY", "B", 30, 15, false, "clerk", "David Chan",
                "Unit 1205, 12/F, Harbour Centre, 25 Harbour Road, Wan Chai, Hong Kong", "+852 2" + rng.digits(7),
                "accounts.pacific", null));
        list.add(en(rng, "C0024", "Nordic Components GmbH", "CNY", "A", 45, 15, false, "clerk", "Lena Schmidt",
                "Spaldingstraße 110, 20097 Hamburg, Germany", "+49 40 " + rng.between(2, 8) + rng.digits(7),
                "ap.nordic", "lena.schmidt@example.com"));
        list.add(en(rng, "C0025", "Eastbridge Logistics Pte. Ltd.", "CNY", "B", 30, 10, true, "clerk",
                "Tan Wei Ming", "10 Anson Road, #22-02 International Plaza, Singapore 079903",
                "+65 6" + rng.digits(7), "finance.eastbridge", null));
        list.add(en(rng, "C0026", "Harbor Instruments Inc.", "USD", "B", 30, 15, false, "manager", "Michael Brown",
                "2200 Mission College Blvd, Santa Clara, CA 95054, USA", "+1 408 " + rng.digits(3) + "-" + rng.digits(4),
                "ar.harbor", null));

        // suppliers (they also have BILLs): netting allowed
        supplier(list.get(0), "电机轴承", 18, 260);
        supplier(list.get(12), "注塑外壳", 6, 85);
        supplier(list.get(14), "低压断路器", 45, 680);
        supplier(list.get(18), "散热风扇", 12, 96);
        supplier(list.get(19), "IGBT功率模块", 180, 1450);

        // monthly fees of the same amount: twins the matching engine cannot tell apart by amount
        list.get(2).recurringFee = new DemoCustomer.RecurringFee("MES软件维护服务费", new BigDecimal("12000.00"), 1);
        list.get(6).recurringFee = new DemoCustomer.RecurringFee("设备维保服务费", new BigDecimal("6800.00"), 5);
        list.get(9).recurringFee = new DemoCustomer.RecurringFee("AGV设备租赁费", new BigDecimal("15600.00"), 1);
        list.get(13).recurringFee = new DemoCustomer.RecurringFee("设备维保服务费", new BigDecimal("4500.00"), 5);

        // 月结: key accounts count their terms from the end of the month
        for (DemoCustomer c : list) {
            c.monthEndTerms = "key-account".equals(c.segment);
        }

        // how some payers appear at the bank
        list.get(0).nameAsPayer = "华东机电设备公司";
        list.get(22).nameAsPayer = "PACIFIC TRADING CO LTD";

        // English customers' accounts: Pacific Trading has none registered
        DemoCustomer nordic = list.get(23);
        nordic.accounts = List.of(new DemoCustomer.Account(Identifiers.germanIban(rng), "Hamburger Sparkasse", true));
        nordic.taxId = "DE" + rng.between(1, 9) + rng.digits(8);
        DemoCustomer eastbridge = list.get(24);
        eastbridge.accounts = List.of(new DemoCustomer.Account("072" + rng.digits(7), "DBS Bank Ltd", false));
        eastbridge.taxId = "20" + rng.digits(7) + "K";
        DemoCustomer harbor = list.get(25);
        harbor.accounts = List.of(new DemoCustomer.Account(rng.between(1, 9) + rng.digits(11), "Silicon Valley Bank", false));
        harbor.creditLimit = new BigDecimal("150000.00");
        return list;
    }

    private static DemoCustomer zh(Rng rng, String code, String name, City city, String segment, int terms,
                                   int confirmationDays, boolean deemed, String manager, String contact,
                                   String address, String emailLocal, String cc) {
        DemoCustomer c = base(rng, code, name, "zh-CN", "CNY", segment, terms, confirmationDays, deemed, manager,
                contact, address, emailLocal + "@example.cn", cc);
        c.city = city.name();
        c.region = city.region();
        c.areaCode = city.areaCode();
        c.taxId = Identifiers.creditCode(rng, city.region());
        c.phone = Identifiers.landline(rng, city.areaCode());
        int n = rng.percent(35) ? 2 : 1;
        List<DemoCustomer.Account> accounts = new ArrayList<>();
        List<Identifiers.Bank> banks = new ArrayList<>(List.of(Identifiers.Bank.values()));
        rng.shuffle(banks);
        for (int i = 0; i < n; i++) {
            Identifiers.Bank bank = banks.get(i);
            accounts.add(new DemoCustomer.Account(bank.account(rng), bank.chineseName + city.name() + "分行", false));
        }
        c.accounts = List.copyOf(accounts);
        return c;
    }

    private static DemoCustomer en(Rng rng, String code, String name, String currency, String segment, int terms,
                                   int confirmationDays, boolean deemed, String manager, String contact,
                                   String address, String phone, String emailLocal, String cc) {
        DemoCustomer c = base(rng, code, name, "en", currency, segment, terms, confirmationDays, deemed, manager,
                contact, address, emailLocal + "@example.com", cc);
        c.phone = phone;
        return c;
    }

    private static DemoCustomer base(Rng rng, String code, String name, String language, String currency,
                                     String segment, int terms, int confirmationDays, boolean deemed,
                                     String manager, String contact, String address, String email, String cc) {
        DemoCustomer c = new DemoCustomer();
        c.code = code;
        c.name = name;
        c.language = language;
        c.currency = currency;
        c.segment = segment;
        c.paymentTermsDays = terms;
        c.confirmationDays = confirmationDays;
        c.deemedConfirmed = deemed;
        c.accountManager = manager;
        c.contactName = contact;
        c.address = address;
        c.email = email;
        c.ccEmails = cc;
        long limitUnits = switch (segment) {
            case "key-account" -> rng.between(40, 60); // × 50,000
            case "A" -> rng.between(16, 30);
            default -> rng.between(4, 10);
        };
        c.creditLimit = BigDecimal.valueOf(limitUnits * 50_000L).setScale(2);
        return c;
    }

    private static void supplier(DemoCustomer c, String supplies, int priceLo, int priceHi) {
        c.supplier = true;
        c.nettingAllowed = true;
        c.supplies = supplies;
        c.suppliesPriceLo = priceLo;
        c.suppliesPriceHi = priceHi;
    }
}
