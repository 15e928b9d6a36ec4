package io.crmrecon.matching.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How payers are compared: bank accounts by their letters and digits, names tolerantly. A name loses case,
 * width (full-width → half-width), spacing and punctuation and its legal form (股份有限公司, 有限公司, 公司,
 * Co., Ltd., Limited, Inc., GmbH, LLC, Corp. …) — the {@link #exactName exact} form; the {@link #tolerantName
 * tolerant} form also loses a leading province or city (上海, 上海市, 广东省深圳市 …).
 */
final class PayerNames {

    private PayerNames() {
    }

    /** Upper case, without spaces, dashes, dots and slashes; null when nothing is left. */
    static String account(String account) {
        if (account == null) {
            return null;
        }
        boolean clean = !account.isEmpty();
        for (int i = 0; i < account.length() && clean; i++) {
            char c = account.charAt(i);
            clean = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
        }
        if (clean) {
            return account; // already upper-case letters and digits only, as most are
        }
        String s = ReferenceKeys.nfkc(account);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '-' || c == '.' || c == '/' || c == '_') {
                continue;
            }
            b.append(Character.toUpperCase(c));
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static final Set<String> LEGAL_WORDS = Set.of("CO", "COMPANY", "LTD", "LIMITED", "INC", "INCORPORATED",
            "CORP", "CORPORATION", "GMBH", "LLC", "LLP", "PLC", "AG", "SA", "BV", "NV", "PTE", "PTY", "KG", "SARL",
            "SRL", "SPA", "OY", "AB", "AS", "KK");

    /** Longest first. */
    private static final List<String> LEGAL_SUFFIXES = List.of("股份有限公司", "有限责任公司", "股份公司", "有限公司", "公司");

    private static final List<String> PLACES = sortedLongestFirst(List.of(
            "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
            "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古",
            "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
            "深圳", "广州", "杭州", "苏州", "成都", "武汉", "南京", "青岛", "宁波", "厦门", "西安", "东莞", "合肥", "长沙",
            "佛山", "无锡", "郑州", "昆明", "大连", "沈阳", "济南", "福州", "哈尔滨", "长春", "石家庄", "太原", "南昌", "南宁",
            "贵阳", "兰州", "海口", "珠海", "中山", "惠州", "温州", "绍兴", "嘉兴", "常州", "南通", "徐州", "烟台", "潍坊",
            "泉州", "漳州", "金华", "台州", "扬州", "镇江", "泰州", "盐城", "芜湖", "洛阳", "唐山", "保定", "呼和浩特",
            "乌鲁木齐", "银川", "西宁", "拉萨", "三亚", "汕头", "江门", "湛江", "肇庆", "昆山", "江阴", "义乌", "慈溪"));

    /** Only the first of these after a place name goes with it: 广东省, 上海市, 广西壮族自治区. */
    private static final List<String> PLACE_SUFFIXES = List.of("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区",
            "省", "市");

    private static List<String> sortedLongestFirst(List<String> list) {
        List<String> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return List.copyOf(sorted);
    }

    /** The name without case, width, spacing, punctuation and legal form; null when nothing is left. */
    static String exactName(String name) {
        if (name == null) {
            return null;
        }
        // dots go first, so that abbreviations stay words: B.V. → BV, S.A. → SA, CO.,LTD. → CO LTD
        String s = ReferenceKeys.nfkc(name).toUpperCase(Locale.ROOT).replace(".", "");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        // trailing legal-form words, but never the whole name
        while (words.size() > 1 && LEGAL_WORDS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        String joined = String.join("", words);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : LEGAL_SUFFIXES) {
                if (joined.endsWith(suffix) && joined.length() - suffix.length() >= 2) {
                    joined = joined.substring(0, joined.length() - suffix.length());
                    changed = true;
                    break;
                }
            }
        }
        return joined.isEmpty() ? null : joined;
    }

    /** {@link #exactName} without a leading province and city (at most two of them). */
    static String tolerantName(String name) {
        return tolerantOfExact(exactName(name));
    }

    /** {@link #tolerantName} of a name already made {@link #exactName exact}. */
    static String tolerantOfExact(String exact) {
        String s = exact;
        if (s == null) {
            return null;
        }
        for (int round = 0; round < 2; round++) {
            String shorter = dropPlace(s);
            if (shorter == null) {
                break;
            }
            s = shorter;
        }
        return s;
    }

    private static String dropPlace(String s) {
        for (String place : PLACES) {
            if (s.startsWith(place)) {
                int end = place.length();
                for (String suffix : PLACE_SUFFIXES) {
                    if (s.startsWith(suffix, end)) {
                        end += suffix.length();
                        break;
                    }
                }
                return s.length() - end >= 2 ? s.substring(end) : null;
            }
        }
        return null;
    }
}
