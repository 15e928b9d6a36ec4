package io.crmrecon.demo;

import java.util.List;

/**
 * The one source of the words generated data is made of (demo, benchmarks and tests): cities, company names
 * built from parts, persons, bank branches.
 *
 * <p>Company names are built from parts: Chinese (city + brand + industry + legal form) and English (words +
 * industry + legal form). Payers who are not customers take their brands from separate lists.
 */
public final class CompanyNames {

    /** A city: its name, the region code of its companies' credit codes, its telephone area code. */
    public record City(String name, String region, String areaCode) {

        /** How a company name starts with the city: Guangdong's prefecture cities mostly keep 市. */
        public String inCompanyName() {
            return switch (name) {
                case "深圳", "广州", "东莞", "佛山" -> name + "市";
                default -> name;
            };
        }
    }

    public static final List<City> CITY_LIST = List.of(new City("上海", "310115", "021"),
            new City("深圳", "440305", "0755"), new City("北京", "110108", "010"), new City("杭州", "330106", "0571"),
            new City("苏州", "320594", "0512"), new City("广州", "440112", "020"), new City("南京", "320117", "025"),
            new City("成都", "510107", "028"), new City("武汉", "420111", "027"), new City("天津", "120116", "022"),
            new City("宁波", "330206", "0574"), new City("无锡", "320214", "0510"), new City("厦门", "350206", "0592"),
            new City("青岛", "370211", "0532"), new City("东莞", "441900", "0769"), new City("佛山", "440606", "0757"),
            new City("合肥", "340104", "0551"), new City("西安", "610131", "029"), new City("重庆", "500112", "023"),
            new City("长沙", "430104", "0731"), new City("常州", "320412", "0519"), new City("嘉兴", "330402", "0573"),
            new City("郑州", "410122", "0371"), new City("昆明", "530111", "0871"));

    /** The cities as company names start with them. */
    public static final List<String> CITIES = CITY_LIST.stream().map(City::inCompanyName).toList();

    /** The city of that name. */
    public static City city(String name) {
        return CITY_LIST.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such city: " + name));
    }

    public static final List<String> BRANDS = List.of("华东", "星河", "中科", "瑞丰", "恒通", "金桥", "华信", "远航", "东方", "宏达",
        "永昌", "天成", "博远", "鼎盛", "泰和", "华瑞", "安信", "中天", "新源", "长江", "凯瑞", "德润", "联创", "盛世",
        "同方", "华美", "海川", "嘉禾", "信达", "明阳", "银河", "众诚", "高科", "顺通", "润泽", "三维", "宇通", "百川",
        "正泰", "精工", "通达", "华扬", "立信", "卓越", "思源", "启航", "天润", "宝丰", "兴业", "鸿基", "恒信", "华晨",
        "蓝天", "汉邦", "晨光", "盈科", "和信", "国泰", "东升", "瑞康", "锦程", "华辰", "北辰", "美达", "元亨", "金源",
        "丰华", "华兴", "科达", "云帆", "九州", "宏远");

    public static final List<String> INDUSTRIES = List.of("机电设备", "电子科技", "软件", "贸易", "物流", "化工", "精密机械", "新材料",
        "医疗器械", "电气", "汽车零部件", "包装材料", "食品", "纺织", "建材", "信息技术", "环保科技", "光电", "半导体",
        "仪器仪表", "塑胶制品", "五金制品", "供应链管理", "网络科技", "生物科技", "能源科技", "自动化设备", "印刷",
        "家具", "服饰", "照明", "通信技术", "工程技术", "钢铁", "铝业", "装饰工程", "农业科技", "进出口", "实业", "商贸");

    public static final List<String> LEGAL_FORMS = List.of("有限公司", "有限责任公司", "股份有限公司");

    public static final List<String> EN_WORDS = List.of("Pacific", "Nordic", "Atlas", "Orient", "Harbor", "Evergreen", "Summit",
        "Pioneer", "Meridian", "Sterling", "Apex", "Horizon", "Crescent", "Vanguard", "Liberty", "Crown", "Falcon",
        "Phoenix", "Titan", "Zenith", "Aurora", "Granite", "Sapphire", "Cobalt", "Delta", "Everbright", "Bluewater",
        "Redwood", "Silverline", "Goldleaf", "Northstar", "Eastwind", "Westbridge", "Southgate", "Highland", "Lakeside",
        "Riverside", "Oceanic", "Continental", "Global");

    public static final List<String> EN_SECOND = List.of("Star", "Bay", "Peak", "Line", "Point", "Gate", "Ridge", "Way", "Field",
        "Stone");

    public static final List<String> EN_INDUSTRIES = List.of("Trading", "Components", "Logistics", "Electronics", "Chemicals",
        "Machinery", "Software", "Textiles", "Industrial", "Technology", "Medical", "Packaging", "Automotive", "Foods",
        "Materials", "Instruments", "Energy", "Plastics", "Metals", "Systems");

    public static final List<String> EN_LEGAL_FORMS = List.of("Co., Ltd.", "Ltd.", "Limited", "GmbH", "Inc.", "Pte. Ltd.", "LLC",
        "S.A.", "B.V.", "Corp.", "AG", "Pty Ltd");

    /** Brands of payers that are not customers (suppliers refunding, strangers): none is a customer's brand. */
    public static final List<String> OTHER_BRANDS = List.of("佳美", "旭日", "鸿运", "福瑞", "金鹰", "龙腾", "华夏", "腾飞", "鑫达", "恒昌",
        "荣盛", "万通", "金穗", "天宇", "新华", "利民");

    public static final List<String> OTHER_EN_WORDS = List.of("Acme", "Bright", "Vertex", "Kingsway", "Omega", "Lotus", "Jade",
        "Ruby", "Cedar", "Maple");

    public static final List<String> PERSONS = List.of("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄磊", "周杰", "吴刚",
        "徐丽", "孙强", "马超", "朱琳", "胡军", "郭涛", "林峰", "何敏");

    public static final List<String> BANK_BRANCHES = List.of("中国工商银行上海分行", "招商银行深圳分行", "中国建设银行北京分行",
        "BANK OF CHINA SHANGHAI BRANCH", "交通银行苏州分行", "HSBC BANK (CHINA) CO LTD");

    private CompanyNames() {
    }
}
