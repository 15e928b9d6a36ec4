package io.crmrecon.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's documents: invoices, debit and credit notes, bills, over the three calendar months before
 * today's month and the current month up to today.
 */
final class DemoDocuments {

    static final BigDecimal MIN_INVOICE = new BigDecimal("1280.00");
    static final BigDecimal MAX_INVOICE = new BigDecimal("380000.00");

    private record Product(String name, int priceLo, int priceHi, int qtyLo, int qtyHi) {
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product("伺服电机", 1280, 6800, 2, 40),
            new Product("变频器", 980, 12500, 2, 30),
            new Product("PLC控制器", 3200, 28000, 1, 12),
            new Product("工业触摸屏", 1650, 8900, 1, 20),
            new Product("精密减速机", 860, 5400, 2, 40),
            new Product("光电传感器", 88, 620, 20, 300),
            new Product("直线导轨", 320, 2800, 4, 60),
            new Product("气缸", 120, 1850, 10, 120),
            new Product("工控机", 4800, 16500, 1, 10),
            new Product("编码器", 260, 1980, 5, 80),
            new Product("步进电机驱动器", 180, 960, 10, 150),
            new Product("机器人夹爪", 6500, 32000, 1, 6),
            new Product("视觉检测系统", 38000, 126000, 1, 2),
            new Product("电气控制柜", 18000, 95000, 1, 3));

    private static final List<String> PROJECTS = List.of(
            "自动化产线改造项目", "包装线升级项目", "仓储输送系统项目", "焊接工作站集成项目", "设备联网改造项目");

    static final List<String> DEBIT_REASONS = List.of(
            "补收运费", "包装木箱费用", "加急发货费用", "现场安装调试费", "延期交货仓储费");

    /** A credit note's description: a discount of the invoice's amount. */
    static String discount(int percent) {
        return "价格折让 " + percent + "%";
    }

    /** One product sold in some quantity: an invoice's content. */
    record ProductLine(String product, BigDecimal unitPrice, int quantity, BigDecimal amount) {
    }

    /** A product line of a realistic amount, between {@link #MIN_INVOICE} and {@link #MAX_INVOICE}. */
    static ProductLine productLine(Rng rng, boolean large) {
        Product p = rng.pick(PRODUCTS);
        BigDecimal price = BigDecimal.valueOf(rng.between(p.priceLo(), p.priceHi()));
        if (rng.percent(40)) {
            price = price.add(BigDecimal.valueOf(rng.percent(50) ? 50 : rng.between(1, 99), 2));
        }
        price = price.setScale(2, RoundingMode.UNNECESSARY);
        int qty = rng.between(p.qtyLo(), p.qtyHi());
        if (large) {
            qty = qty * 2;
        }
        while (price.multiply(BigDecimal.valueOf(qty)).compareTo(MIN_INVOICE) < 0) {
            qty++;
        }
        while (qty > 1 && price.multiply(BigDecimal.valueOf(qty)).compareTo(MAX_INVOICE) > 0) {
            qty--;
        }
        return new ProductLine(p.name(), price, qty,
                price.multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.UNNECESSARY));
    }

    private final long seed;
    private final LocalDate today;
    private final List<DemoCustomer> customers;
    private final List<DemoDocument> documents = new ArrayList<>();

    private DemoDocuments(long seed, LocalDate today, List<DemoCustomer> customers) {
        this.seed = seed;
        this.today = today;
        this.customers = customers;
    }

    static YearMonth firstMonth(LocalDate today) {
        return YearMonth.from(today).minusMonths(3);
    }

    static List<DemoDocument> generate(long seed, LocalDate today, List<DemoCustomer> customers) {
        DemoDocuments g = new DemoDocuments(seed, today, customers);
        g.run();
        return g.documents;
    }

    private void run() {
        YearMonth current = YearMonth.from(today);
        for (YearMonth month = firstMonth(today); !month.isAfter(current); month = month.plusMonths(1)) {
            Rng rng = Rng.of(seed, 2, month.getYear() * 12L + month.getMonthValue());
            int lastDay = month.equals(current) ? today.getDayOfMonth() : month.lengthOfMonth();
            List<DemoDocument> monthInvoices = new ArrayList<>();
            for (DemoCustomer c : customers) {
                int n = scaled(rng, rng.between(c.invoicesPerMonthLo(), c.invoicesPerMonthHi()), lastDay, month);
                for (int i = 0; i < n; i++) {
                    monthInvoices.add(invoice(rng, c, month.atDay(rng.between(1, lastDay))));
                }
                if (c.recurringFee != null && c.recurringFee.dayOfMonth() <= lastDay) {
                    documents.add(fee(c, month));
                }
                if (c.supplier) {
                    int bills = scaled(rng, 2, lastDay, month);
                    for (int i = 0; i < bills; i++) {
                        bill(rng, c, month.atDay(rng.between(1, lastDay)));
                    }
                }
            }
            List<DemoDocument> candidates = new ArrayList<>(monthInvoices);
            rng.shuffle(candidates);
            int notes = scaled(rng, 2, lastDay, month);
            for (int i = 0; i < notes && candidates.size() >= 2; i++) {
                debitNote(rng, candidates.remove(candidates.size() - 1));
                DemoDocument corrected = candidates.remove(candidates.size() - 1);
                if (corrected.product != null || rng.percent(50)) {
                    documents.add(creditNote(documents.size(), rng, corrected,
                            corrected.issueDate.plusDays(rng.between(4, 25)), today));
                }
            }
        }
    }

    /** Full months get n; the current month the share of n that its elapsed days stand for. */
    private int scaled(Rng rng, int n, int lastDay, YearMonth month) {
        if (lastDay == month.lengthOfMonth()) {
            return n;
        }
        int numerator = n * lastDay;
        int whole = numerator / month.lengthOfMonth();
        return whole + (rng.nextInt(month.lengthOfMonth()) < numerator % month.lengthOfMonth() ? 1 : 0);
    }

    private DemoDocument add(DemoDocument.Type type, DemoCustomer c, LocalDate issueDate) {
        DemoDocument d = new DemoDocument(documents.size(), type, c, issueDate);
        documents.add(d);
        return d;
    }

    private DemoDocument invoice(Rng rng, DemoCustomer c, LocalDate issueDate) {
        DemoDocument d = add(DemoDocument.Type.INVOICE, c, issueDate);
        String month = issueDate.getMonthValue() + "月";
        if ("USD".equals(c.currency)) {
            Product p = rng.pick(PRODUCTS.subList(0, 5));
            d.product = p.name();
            d.unitPrice = BigDecimal.valueOf(rng.between(p.priceLo() / 7, p.priceHi() / 7)).setScale(2);
            d.quantity = rng.between(p.qtyLo(), p.qtyHi());
            d.amount = d.unitPrice.multiply(BigDecimal.valueOf(d.quantity));
            d.description = month + "货款 - " + p.name() + " x" + d.quantity;
        } else if (rng.percent(12)) {
            // a project or service billed in round thousands
            d.amount = BigDecimal.valueOf(rng.between(3, 260) * 1000L).setScale(2);
            d.description = month + "货款 - " + rng.pick(PROJECTS) + "(第" + rng.between(1, 3) + "期)";
        } else {
            ProductLine line = productLine(rng, "key-account".equals(c.segment));
            d.product = line.product();
            d.unitPrice = line.unitPrice();
            d.quantity = line.quantity();
            d.amount = line.amount();
            d.description = month + "货款 - " + line.product() + " x" + line.quantity();
        }
        d.wantsTaxInvoice = rng.percent(90);
        d.dueDate = dueDate(rng, c, issueDate);
        return d;
    }

    private DemoDocument fee(DemoCustomer c, YearMonth month) {
        LocalDate issueDate = month.atDay(c.recurringFee.dayOfMonth());
        DemoDocument d = new DemoDocument(documents.size(), DemoDocument.Type.INVOICE, c, issueDate);
        d.amount = c.recurringFee.amount();
        d.description = c.recurringFee.description() + " " + month.getYear() + "年" + month.getMonthValue() + "月";
        d.recurringFee = true;
        d.wantsTaxInvoice = true;
        d.fixedReference = "HT-" + c.code.substring(1) + "-FW";
        d.dueDate = null; // always the default: issue date + terms
        return d;
    }

    private void bill(Rng rng, DemoCustomer c, LocalDate issueDate) {
        DemoDocument d = add(DemoDocument.Type.BILL, c, issueDate);
        BigDecimal price = BigDecimal.valueOf(rng.between(c.suppliesPriceLo, c.suppliesPriceHi));
        if (rng.percent(50)) {
            price = price.add(BigDecimal.valueOf(rng.between(1, 99), 2));
        }
        int qty = rng.between(2, 40) * 25;
        while (qty > 25 && price.multiply(BigDecimal.valueOf(qty)).compareTo(new BigDecimal("180000")) > 0) {
            qty -= 25;
        }
        d.amount = price.multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.UNNECESSARY);
        d.description = "采购 - " + c.supplies + " x" + qty;
        d.fixedReference = String.format("PO-%02d%02d-%04d", issueDate.getYear() % 100, issueDate.getMonthValue(),
                rng.between(100, 9999));
        d.supplierTaxInvoiceNo = rng.between(1, 3) + rng.digits(7);
        d.dueDate = rng.percent(50) ? issueDate.plusDays(c.paymentTermsDays) : null;
    }

    private void debitNote(Rng rng, DemoDocument invoice) {
        LocalDate date = min(invoice.issueDate.plusDays(rng.between(2, 15)), today);
        DemoDocument d = add(DemoDocument.Type.DEBIT_NOTE, invoice.customer, date);
        d.corrects = invoice;
        d.amount = rng.money(20_000, 600_000);
        if (rng.percent(40)) {
            d.amount = d.amount.setScale(-2, RoundingMode.HALF_UP).setScale(2);
        }
        d.description = rng.pick(DEBIT_REASONS);
        d.wantsTaxInvoice = rng.percent(60);
        d.dueDate = dueDate(rng, invoice.customer, date);
    }

    /**
     * A credit note correcting the invoice, for less than the invoice: goods returned or a price allowance. Dated
     * {@code date}, or today when that is later.
     */
    static DemoDocument creditNote(int creationOrder, Rng rng, DemoDocument invoice, LocalDate date,
                                   LocalDate today) {
        DemoDocument d = new DemoDocument(creationOrder, DemoDocument.Type.CREDIT_NOTE, invoice.customer,
                min(date, today));
        d.corrects = invoice;
        invoice.correctedBy = d;
        if (invoice.product != null && invoice.quantity >= 2) {
            int returned = rng.between(1, Math.max(1, invoice.quantity / 3));
            d.amount = invoice.unitPrice.multiply(BigDecimal.valueOf(returned)).setScale(2, RoundingMode.UNNECESSARY);
            d.description = "退货 - " + invoice.product + " x" + returned;
        } else {
            int percent = rng.between(3, 15);
            d.amount = invoice.amount.multiply(BigDecimal.valueOf(percent)).movePointLeft(2)
                    .setScale(2, RoundingMode.HALF_UP);
            d.description = discount(percent);
        }
        d.dueDate = null;
        return d;
    }

    private static LocalDate dueDate(Rng rng, DemoCustomer c, LocalDate issueDate) {
        if (c.monthEndTerms) {
            return YearMonth.from(issueDate).atEndOfMonth().plusDays(c.paymentTermsDays);
        }
        return rng.percent(60) ? issueDate.plusDays(c.paymentTermsDays) : null;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Gives every document its number, in issue-date order: per type and year a running sequence (document_no
     * like INV-2026-000123), order numbers for invoices, tax invoice numbers for most invoices and some debit
     * notes. Numbers of one type do not depend on documents of other types, so adding credit notes later and
     * numbering again leaves invoice numbers as they were.
     */
    static void number(List<DemoDocument> documents, long seed, LocalDate today) {
        documents.sort(Comparator.comparing((DemoDocument d) -> d.issueDate).thenComparingInt(d -> d.creationOrder));
        Rng rng = Rng.of(seed, 3);
        int firstYear = firstMonth(today).getYear();
        int monthsBefore = firstMonth(today).getMonthValue() - 1;
        Map<String, Integer> next = new HashMap<>();
        Map<DemoDocument.Type, Integer> start = Map.of(
                DemoDocument.Type.INVOICE, monthsBefore * 96 + rng.between(1, 20),
                DemoDocument.Type.DEBIT_NOTE, monthsBefore * 2 + rng.between(1, 3),
                DemoDocument.Type.CREDIT_NOTE, monthsBefore * 2 + rng.between(1, 3),
                DemoDocument.Type.BILL, monthsBefore * 10 + rng.between(1, 5));
        int taxInvoice = 4_410_000 + rng.nextInt(80_000);
        Map<YearMonth, Integer> orders = new HashMap<>();
        for (DemoDocument d : documents) {
            int year = d.issueDate.getYear();
            String key = d.type.prefix + year;
            int seq = next.computeIfAbsent(key, k -> year == firstYear ? start.get(d.type) : 1);
            next.put(key, seq + 1);
            d.sequence = seq;
            d.documentNo = String.format("%s-%d-%06d", d.type.prefix, year, seq);
            if (d.type == DemoDocument.Type.INVOICE || d.type == DemoDocument.Type.DEBIT_NOTE) {
                d.taxInvoiceNo = d.wantsTaxInvoice ? String.format("%08d", taxInvoice++) : null;
            } else if (d.type == DemoDocument.Type.BILL) {
                d.taxInvoiceNo = d.supplierTaxInvoiceNo;
            }
        }
        for (DemoDocument d : documents) {
            if (d.corrects != null) {
                d.reference = d.corrects.documentNo;
            } else if (d.fixedReference != null) {
                d.reference = d.fixedReference;
            } else if (d.type == DemoDocument.Type.INVOICE) {
                YearMonth m = YearMonth.from(d.issueDate);
                int order = orders.merge(m, 1, Integer::sum) + 100 + (m.getMonthValue() * 37) % 200;
                d.reference = String.format("SO-%02d%02d-%04d", m.getYear() % 100, m.getMonthValue(), order);
            }
        }
    }
}
