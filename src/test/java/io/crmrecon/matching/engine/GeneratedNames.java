package io.crmrecon.matching.engine;

import io.crmrecon.demo.CompanyNames;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The matching benchmark's customers' names, from the parts in {@link CompanyNames}: each customer's brand and
 * industry together are unique, so a name still names one customer when the city or the legal form is left out.
 */
final class GeneratedNames {

    private GeneratedNames() {
    }

    /** One customer's name in parts. city and legal form may be empty strings. */
    record Name(boolean english, String city, String brand, String industry, String legalForm) {

        String legal() {
            if (english) {
                return brand + " " + industry + " " + legalForm;
            }
            return city + brand + industry + legalForm;
        }

        /** The same company written differently: no legal form, no city prefix, upper case without punctuation. */
        String tolerant(SplittableRandom rnd) {
            if (english) {
                String upper = legal().toUpperCase(Locale.ROOT).replaceAll("[.,]", "").replaceAll("\\s+", " ").trim();
                return switch (rnd.nextInt(3)) {
                    case 0 -> upper;
                    case 1 -> (brand + " " + industry).toUpperCase(Locale.ROOT);
                    default -> brand + " " + industry;
                };
            }
            while (true) {
                String candidate = switch (rnd.nextInt(4)) {
                    case 0 -> city + brand + industry;
                    case 1 -> brand + industry + legalForm;
                    case 2 -> brand + industry;
                    default -> city.isEmpty() ? brand + industry
                            : (city.endsWith("市") ? city.substring(0, city.length() - 1) : city + "市")
                                    + brand + industry + legalForm;
                };
                if (!candidate.equals(legal())) {
                    return candidate;
                }
            }
        }
    }

    /**
     * {@code count} names with unique (brand, industry): a share {@code englishShare} in English; Chinese brands
     * are one word for up to 40% of the Chinese names, two words for the rest.
     */
    static Name[] customers(int count, double englishShare, SplittableRandom rnd) {
        boolean[] english = new boolean[count];
        int englishCount = 0;
        for (int i = 0; i < count; i++) {
            english[i] = rnd.nextDouble() < englishShare;
            englishCount += english[i] ? 1 : 0;
        }
        int chineseCount = count - englishCount;
        int singles = CompanyNames.BRANDS.size() * CompanyNames.INDUSTRIES.size();
        int doubles = CompanyNames.BRANDS.size() * (CompanyNames.BRANDS.size() - 1) * CompanyNames.INDUSTRIES.size();
        int enSingles = CompanyNames.EN_WORDS.size() * CompanyNames.EN_INDUSTRIES.size();
        int enDoubles = CompanyNames.EN_WORDS.size() * CompanyNames.EN_SECOND.size() * CompanyNames.EN_INDUSTRIES.size();
        int chineseSingles = Math.min(singles, (int) (chineseCount * 0.4));
        int englishSingles = Math.min(enSingles, (int) (englishCount * 0.4));
        if (chineseCount - chineseSingles > doubles || englishCount - englishSingles > enDoubles) {
            throw new IllegalArgumentException("too many customers for unique names: " + count);
        }
        int[] chSingle = sample(singles, chineseSingles, rnd);
        int[] chDouble = sample(doubles, chineseCount - chineseSingles, rnd);
        int[] enSingle = sample(enSingles, englishSingles, rnd);
        int[] enDouble = sample(enDoubles, englishCount - englishSingles, rnd);
        Name[] names = new Name[count];
        int cs = 0;
        int cd = 0;
        int es = 0;
        int ed = 0;
        for (int i = 0; i < count; i++) {
            if (english[i]) {
                String words;
                int industry;
                if (es < enSingle.length) {
                    int v = enSingle[es++];
                    words = CompanyNames.EN_WORDS.get(v / CompanyNames.EN_INDUSTRIES.size());
                    industry = v % CompanyNames.EN_INDUSTRIES.size();
                } else {
                    int v = enDouble[ed++];
                    industry = v % CompanyNames.EN_INDUSTRIES.size();
                    v /= CompanyNames.EN_INDUSTRIES.size();
                    words = CompanyNames.EN_WORDS.get(v / CompanyNames.EN_SECOND.size()) + " " + CompanyNames.EN_SECOND.get(v % CompanyNames.EN_SECOND.size());
                }
                names[i] = new Name(true, "", words, CompanyNames.EN_INDUSTRIES.get(industry),
                        CompanyNames.EN_LEGAL_FORMS.get(rnd.nextInt(CompanyNames.EN_LEGAL_FORMS.size())));
            } else {
                String brand;
                int industry;
                if (cs < chSingle.length) {
                    int v = chSingle[cs++];
                    brand = CompanyNames.BRANDS.get(v / CompanyNames.INDUSTRIES.size());
                    industry = v % CompanyNames.INDUSTRIES.size();
                } else {
                    int v = chDouble[cd++];
                    industry = v % CompanyNames.INDUSTRIES.size();
                    v /= CompanyNames.INDUSTRIES.size();
                    int first = v / (CompanyNames.BRANDS.size() - 1);
                    int second = v % (CompanyNames.BRANDS.size() - 1);
                    if (second >= first) {
                        second++;
                    }
                    brand = CompanyNames.BRANDS.get(first) + CompanyNames.BRANDS.get(second);
                }
                String city = rnd.nextInt(100) < 85 ? CompanyNames.CITIES.get(rnd.nextInt(CompanyNames.CITIES.size())) : "";
                int form = rnd.nextInt(100);
                names[i] = new Name(false, city, brand, CompanyNames.INDUSTRIES.get(industry),
                        CompanyNames.LEGAL_FORMS.get(form < 60 ? 0 : form < 80 ? 1 : 2));
            }
        }
        return names;
    }

    /** A payer that is not a customer: a person or a company with a brand no customer has. */
    static String stranger(SplittableRandom rnd) {
        int kind = rnd.nextInt(100);
        if (kind < 30) {
            return CompanyNames.PERSONS.get(rnd.nextInt(CompanyNames.PERSONS.size()));
        }
        if (kind < 45) {
            return (CompanyNames.OTHER_EN_WORDS.get(rnd.nextInt(CompanyNames.OTHER_EN_WORDS.size())) + " "
                    + CompanyNames.EN_INDUSTRIES.get(rnd.nextInt(CompanyNames.EN_INDUSTRIES.size())) + " "
                    + CompanyNames.EN_LEGAL_FORMS.get(rnd.nextInt(CompanyNames.EN_LEGAL_FORMS.size()))).toUpperCase(Locale.ROOT);
        }
        String city = rnd.nextInt(100) < 80 ? CompanyNames.CITIES.get(rnd.nextInt(CompanyNames.CITIES.size())) : "";
        return city + CompanyNames.OTHER_BRANDS.get(rnd.nextInt(CompanyNames.OTHER_BRANDS.size())) + CompanyNames.INDUSTRIES.get(rnd.nextInt(CompanyNames.INDUSTRIES.size()))
                + CompanyNames.LEGAL_FORMS.get(rnd.nextInt(CompanyNames.LEGAL_FORMS.size()));
    }

    /** {@code k} distinct values of [0, n) in random order (a partial Fisher–Yates shuffle). */
    static int[] sample(int n, int k, SplittableRandom rnd) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, k);
    }
}
