package io.crmrecon.bankfile;

import java.util.List;

/**
 * What wolph/mt940 reads from {@code wolph-mt940/betterplace/sepa_mt9401.sta}, copied once from
 * {@code sepa_mt9401.expected.yml} (Python-tagged YAML that SnakeYAML refuses), one row per transaction in file
 * order, with wolph's field names.
 */
final class BetterplaceExpected {

    private BetterplaceExpected() {
    }

    /** wolph's fields: status, amount, date (value date), entry_date, customer_reference, bank_reference,
     *  purpose (SVWZ+ or the whole ?20-?29 text), additional_purpose (?60-?63), applicant_name (?32?33),
     *  applicant_iban (?31), end_to_end_reference (EREF+). */
    record Row(String status, String amount, String date, String entryDate, String customerReference,
            String bankReference, String purpose, String additionalPurpose, String applicantName,
            String applicantIban, String endToEndReference) {
    }

    private static Row sepa(String status, String amount, String date, String entryDate, String customerReference,
            String bankReference, String purpose, String additionalPurpose, String applicantName,
            String applicantIban, String endToEndReference) {
        return new Row(status, amount, date, entryDate, customerReference, bankReference, purpose, additionalPurpose,
                applicantName, applicantIban, endToEndReference);
    }

    static final List<Row> TRANSACTIONS = List.of(
            sepa("C", "300", "2007-09-04", "2007-09-04", null, "0724710345313905", null, null, null, null, "TFNR 40005 00005MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag"),
            sepa("C", "335.33", "2007-09-04", "2007-09-04", null, "0724710351061491", null, null, null, null, "TFNR 44003 00001MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag"),
            sepa("C", "15000", "2007-09-04", "2007-09-04", null, "0724710345313900", null, null, null, null, "TFNR 40005 00002MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag"),
            sepa("C", "66295.08", "2007-09-04", "2007-09-04", "NONREF", null, "0904059001", null, null, null, null),
            sepa("C", "915311.55", "2007-09-04", "2007-09-04", null, "R724710351061495", null, null, null, null, "TFNR 44003 00002MTLG:Konto gesperrt Rueckueberweisung aus SEPA-Ueberweisungsauftrag"),
            sepa("RC", "204.88", "2007-09-04", "2007-09-04", "NONREF", null, "0904059003", null, null, null, null),
            sepa("D", "-999946.95", "2007-09-04", "2007-09-04", "NONREF", null, "0904059002", null, null, null, null),
            sepa("C", "15000.05", "2007-09-04", "2007-09-04", null, "0724710290621954", "TO 13 TFNr 20004 Eingangskanal Mint ..........................................  ...........................................................MTLG:SEPA-Ueberweisungseingang Auftraggeber: Richter R", "enat", "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx", "DE42100100100043921105", "EndToEndIdTFNR2000400001"),
            sepa("D", "-500250", "2007-09-04", "2007-09-04", "KREF+\nTFNr 01005 PayId CTSc-01 EBBMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000005 Zahlungen", "BD7CFA74485E7E69", null, null, null, null, null),
            sepa("C", "50.05", "2007-09-04", "2007-09-04", null, "0724710290658244", "Keine Buchung zu: TO13 TF52001 MINT", null, "Richter Renate 70 Zeichen Beginn Fuellzeichenxxxxxxxx", "DE42100100100043921105", "EndToEndIdTFNR5200100001"),
            sepa("C", "125.88", "2007-09-04", "2007-09-04", null, "0724710290635078", "TO13 TF20018 MINT", null, "Cornelia Prochownik 70 Zeichen BeginnFuellzeichen xxx", "CH8500779014054431109", null),
            sepa("C", "125004.88", "2007-09-04", "2007-09-04", null, "0724710290626371", "TO13 TF20008 MINTMTLG:Ggf.Meldevorschriften beachten", null, "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx", "CH6500279279C31180700", null),
            sepa("D", "-326609.66", "2007-09-04", "2007-09-04", "KREF+\nTFNr 01007 PayId CTSc-01 EBBMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000006 Zahlungen", "DE85920B84F8E98D", null, null, null, null, null),
            sepa("D", "-326609.66", "2007-09-04", "2007-09-04", "KREF+\nTFNr 01024 PayId CTSc-01 EBBMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000006 Zahlungen", "D1C08A4EB4664146", null, null, null, null, null),
            sepa("C", "250000", "2007-09-04", "2007-09-04", null, "0724710290628244", "TO13 TF20010 MINT 20010 2007-08.30", null, "Daniel Severidt 70 ZeichenBeginn Fuellzeichen xxxxxxx", "DE40250100300325207300", null),
            sepa("C", "300000", "2007-09-04", "2007-09-04", null, "0724710290631813", "TO13 TF20014 MINT", null, "Cornelia Prochownik 70 Zeichen Beginn Fuellzeichen xxx", "DE40100100100000214105", null),
            sepa("C", "500000", "2007-09-04", "2007-09-04", null, "0724710290630146", "TO13 TF20011 MINT", null, "Dirk Leunig 70 Zeichen Beginn Fuellzeichen xxxxxxxxxxx", "DE39250100300172064300", null),
            sepa("C", "204.88", "2007-09-04", "2007-09-04", "NONREF", null, "0904059001", null, null, null, null),
            sepa("RC", "204.88", "2007-09-04", "2007-09-04", "MSGIDCTSc03MintT", "R724710290656678", null, null, null, null, null),
            sepa("D", "-50990.05", "2007-09-04", "2007-09-04", "KREF+\nTFNR 21005 Instruction Id 00001", "0724710352954937", "Verwend CTSc-01 eBB TFNr 21005", null, "Empfaenger Florian Frech UK 01", "DE76508800500194780101", "TFNR 21005 EndToEndId 00001"),
            sepa("D", "-175454.22", "2007-09-04", "2007-09-04", "KREF+\nTFNr 01009 MSGID CTSc-01 EBBMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000005 Zahlungen", "8AE3169901918BD3", null, null, null, null, null),
            sepa("D", "-500250", "2007-09-04", "2007-09-04", "TFNr 01006 PayId", "E87048E11B394C1E", "MTLG:SEPA-Ueberweisungsauftrag Datei mit 0000005 Zahlungen", null, null, null, null),
            sepa("C", "50990.05", "2007-09-04", "2007-09-04", null, "0724710352954937", "Verwend CTSc-01 eBB TFNr 21005", null, "Florian Frech", "DE06508800500194780100", "TFNR 21005 EndToEndId 00001"),
            sepa("C", "19990.05", "2007-09-04", "2007-09-04", null, "0724710333377198", "Verwend CTSc-01 PPP TFNr 22 001MTLG:SEPA-Ueberweisungseingang Auftraggeber: JOSEF", null, "JOSEF        JAEGER", "DE95508800500194784900", "EndToEndId TFNR 22 001 00001"),
            sepa("D", "-57.34", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01011 Instruction Id  00001", "0724710352996674", "Unstrukturierter Verwendungszweck mit140 Stellen fu/r SEPA COR Buchungsschema /A-CT-DTE-S01 undA-CT-NUD-/S01 CTSc-01 EBB TFNr 01011/ 0001", null, "Empfaenger 1 mit 70 Zeichen Empfaenger 1 mit 70 Zeiche", "FR1420041010050500013M02606", "NONREF"),
            sepa("D", "-5002.17", "2007-09-04", "2007-09-04", null, "0724710353006393", "Unstrukturierter Verwendungszweck mit 140 Stellen fu/r SEPA COR Buchungsschema /A-CT-DTE-S01 und A-CT-NUD-/S01 CTSc-01 EBB TFNr 01011/ 0006", null, "Empfaenger 6mit 70 Zeichen Empfaenger 6 mit 70 Zeiche", "FR1420041010050500013M02606", "NONREF"),
            sepa("D", "-5002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01011 Instruction Id  00002", "0724710352998444", "Unstrukturierter Verwendungszweck mit140 Stellen fu/r SEPA COR Buchungsschema /A-CT-DTE-S01 undA-CT-NUD-/S01 CTSc-01 EBB TFNr 01011/ 0002", null, "Empfaenger 2 mit 70 Zeichen Empfaenger 2 mit 70 Zeiche", "FR1420041010050500013M02606", "NONREF"),
            sepa("D", "-5002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01011 Instruction Id  00004", "0724710353002818", "Unstrukturierter Verwendungszweck mit140 Stellen fu/r SEPA COR Buchungsschema /A-CT-DTE-S01 undA-CT-NUD-/S01 CTSc-01 EBB TFNr 01011/ 0004", null, "Empfaenger 4 mit 70 Zeichen Empfaenger 4 mit 70 Zeiche", "FR1420041010050500013M02606", "NONREF"),
            sepa("D", "-5002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01011 Instruction Id  00003", "0724710353000284", "Unstrukturierter Verwendungszweck mit140 Stellen fu/r SEPA COR Buchungsschema /A-CT-DTE-S01 undA-CT-NUD-/S01 CTSc-01 EBB TFNr 01011/ 0003", null, "Empfaenger 3 mit 70 Zeichen Empfaenger 3 mit 70 Zeiche", "FR1420041010050500013M02606", "NONREF"),
            sepa("D", "-5002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01011 Instruction Id  00005", "0724710353004695", "Unstrukturierter Verwendungszweck mit140 Stellen fu/r SEPA COR Buchungsschema /A-CT-DTE-S01 undA-CT-NUD-/S01 CTSc-01 EBB TFNr 01011/ 0005", null, "Empfaenger 5 mit 70 Zeichen Empfaenger 5 mit 70 Zeiche", "FR1420041010050500013M02606", "NONREF"),
            sepa("D", "-55344.11", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01011 Instruction Id  00007", "0724710353008994", "Unstrukturierter Verwendungszweck mit140 Stellen fu/r SEPA COR Buchungsschema /A-CT-DTE-S01 undA-CT-NUD-/S01 CTSc-01 EBB TFNr 01011/ 0007MTLG:Ggf.Meldevorschriften ", "beachten", "Empfaenger 7 mit 70 Zeichen Empfaenger 7 mit 70 Zeiche", "FR1420041010050500013M02606", "NONREF"),
            sepa("C", "50", "2007-09-04", "2007-09-04", null, "0724710324649377", null, null, null, null, "TFNR 40016 00001MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag"),
            sepa("C", "50.05", "2007-09-04", "2007-09-04", null, "0724710345347489", null, null, null, null, "TFNR 40017 00001MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag"),
            sepa("C", "50.05", "2007-09-04", "2007-09-04", null, "0724710351065632", null, null, null, null, "TFNR 40018 00001MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag"),
            sepa("C", "46500.07", "2007-09-04", "2007-09-04", "KREF+\nEndToEndId TFNR 06 004 00002MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", "0724710333347237", null, null, null, null, "EndToEndId TFNR 06 004 00002"),
            sepa("C", "154551.93", "2007-09-04", "2007-09-04", "KREF+\nEndToEndId TFNR 06 004 00004MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag", "0724710333347241", null, null, null, null, "EndToEndId TFNR 06 004 00004"),
            sepa("D", "-2550", "2007-09-04", "2007-09-04", "KREF+\nTFNr 40016 PayId CTSc-02 PPPMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000002 Zahlungen", "31408CF87AD5901E", null, null, null, null, null),
            sepa("D", "-2550.12", "2007-09-04", "2007-09-04", "MCCT07090401", "4F112D73FF96F4FB", "MTLG:SEPA-Ueberweisungsauftrag Datei mit 0000002 Zahlungen", null, null, null, null),
            sepa("D", "-2550.12", "2007-09-04", "2007-09-04", "MCCT07090402", "EC4BA14CEA34BFF3", "MTLG:SEPA-Ueberweisungsauftrag Datei mit 0000002 Zahlungen", null, null, null, null),
            sepa("D", "-65500.15", "2007-09-04", "2007-09-04", "NONREF", "92D891C454BC30B5", "MTLG:SBI-SEPA-SAMMELUEB.Anz:4 Referenz: 1930467114 Erfassung mit 004 Zahlungen", null, null, null, null),
            sepa("D", "-402104", "2007-09-04", "2007-09-04", "NONREF", "57B4197CC644DE8F", "MTLG:SBI-SEPA-SAMMELUEB.Anz:4 Referenz: 1930467115 Erfassung mit 004 Zahlungen", null, null, null, null),
            sepa("D", "-476921.44", "2007-09-04", "2007-09-04", "KREF+\nTFNr 41003 PayId CTSc-01 EBBMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000004 Zahlungen", "06F8672B28B7A92F", null, null, null, null, null),
            sepa("C", "335.33", "2007-09-04", "2007-09-04", null, "0724710351059240", null, null, null, null, "TFNR 44005 00001MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag"),
            sepa("C", "915311.55", "2007-09-04", "2007-09-04", null, "R724710351059243", null, null, null, null, "TFNR 44005 00002MTLG:Konto gesperrt Rueckueberweisung aus SEPA-Ueberweisungsauftrag"),
            sepa("D", "-157.34", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01041  Instruction Id 00001", "0724710360914647", "Strukturierter Verwendungszweck EBB 01041 001 DE", null, "Empfaenger 1 mit 70 Zeichen Empfaenger 1 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01041 00001"),
            sepa("D", "-6002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01041  Instruction Id 00002", "0724710360912501", "Strukturierter Verwendungszweck EBB 01041 002 DE", null, "Empfaenger 2 mit 70 Zeichen Empfaenger 2 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01041 00002"),
            sepa("D", "-6002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01041  Instruction Id 00005", "0724710360923556", "Strukturierter Verwendungszweck EBB 01041 005 DE", null, "Empfaenger 5 mit 70 Zeichen Empfaenger 5 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01041 00005"),
            sepa("D", "-6002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01041  Instruction Id 00006", "0724710360910575", "Strukturierter Verwendungszweck EBB 01041 006 DE", null, "Empfaenger 6 mit 70 Zeichen Empfaenger 6 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01041 00006"),
            sepa("D", "-6002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01041  Instruction Id 00004", "0724710360918027", "Strukturierter Verwendungszweck EBB 01041 004 DE", null, "Empfaenger 4 mit 70 Zeichen Empfaenger 4 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01041 00004"),
            sepa("D", "-6002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01041  Instruction Id 00003", "0724710360916341", "Strukturierter Verwendungszweck EBB 01041 003 DE", null, "Empfaenger 3 mit 70 Zeichen Empfaenger 3 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01041 00003"),
            sepa("D", "-155344.11", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01041  Instruction Id 00007", "0724710360908674", "Strukturierter Verwendungszweck EBB 01041 007 DEMTLG:Ggf.Meldevorschriften beachten", null, "Empfaenger 7 mit 70 Zeichen Empfaenger 7 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01041 00007"),
            sepa("D", "-415603.93", "2007-09-04", "2007-09-04", "NONREF", "649D24F7C6EDAC53", "MTLG:SBI-SEPA-SAMMELUEB.Anz:3 Referenz: 1930467116 Erfassung mit 003 Zahlungen", null, null, null, null),
            sepa("D", "-589103.86", "2007-09-04", "2007-09-04", "KREF+\nTFNr 05003 MSGID CTSc-01  BC PPPMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000003 Zahlungen", "AC59892B266252EC", null, null, null, null, null),
            sepa("D", "-915646.88", "2007-09-04", "2007-09-04", "KREF+\nTFNr 44005 MSGID CTSc-02 EBBMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000002 Zahlungen", "CDB988231C851A5B", null, null, null, null, null),
            sepa("C", "16500.07", "2007-09-04", "2007-09-04", null, "0724710324666001", null, null, null, null, "EndToEndId TFNR 05 006 00002MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag"),
            sepa("C", "154551.93", "2007-09-04", "2007-09-04", null, "0724710324666006", null, null, null, null, "EndToEndId TFNR 05 006 00004MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag"),
            sepa("D", "-13990.05", "2007-09-04", "2007-09-04", "KREF+\nEndToEndId TFNR 21 003 00001", "0724710333354911", "Verwend CTSc-01 PPP TFNr 21 003MTLG:SBI-SEPA-UEB.DE685088005001 Referenz: 1930467122", null, "Empfaenger Josef Jaeger UK01", "DE68508800500194784901", "EndToEndId TFNR 21 003 00001"),
            sepa("D", "-19990.05", "2007-09-04", "2007-09-04", "KREF+\nEndToEndId TFNR 22 001 00001", "0724710333377198", "Verwend CTSc-01 PPP TFNr 22 001MTLG:SBI-SEPA-UEB.DE045088005001 Referenz: 1930467123", null, "Empfaenger Gustav Gans", "DE04508800500194781300", "EndToEndId TFNR 22 001 00001"),
            sepa("D", "-50990.05", "2007-09-04", "2007-09-04", "KREF+\nTFNR 22003 Instruction Id 00001", "0724710324651156", "Verw CTSc-01 BC-PPP TFNr 22003", null, "Empfaenger Anton Ackermann", "DE96508800500194774600", "TFNR 22003 EndToEndId 00001"),
            sepa("D", "-326609.66", "2007-09-04", "2007-09-04", "TFNr 01008 MEBB", "9A4616CC6128D651", "MTLG:SEPA-Ueberweisungsauftrag Datei mit 0000006 Zahlungen", null, null, null, null),
            sepa("D", "-342104", "2007-09-04", "2007-09-04", "KREF+\nPayId CTSc-01  BC PPP TFNr 05006MTLG:SEPA-Ueberweisungsauftrag Datei mit 0000004 Zahlungen", "A26B6D6B5E821EA9", null, null, null, null, null),
            sepa("D", "-962104", "2007-09-04", "2007-09-04", "KREF+\nTFNr 05009 MSGID CTSc-01 BC-PPPMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000004 Zahlungen", "493189D221858097", null, null, null, null, null),
            sepa("D", "-1522104", "2007-09-04", "2007-09-04", "NONREF", "75C62EC25E19D187", "MTLG:SBI-SEPA-SAMMELUEB.Anz:4 Referenz: 1930467118 Erfassung mit 004 Zahlungen", null, null, null, null),
            sepa("C", "13990.05", "2007-09-04", "2007-09-04", null, "0724710333354911", "Verwend CTSc-01 PPP TFNr 21 003", null, "JOSEF        JAEGER", "DE95508800500194784900", "EndToEndId TFNR 21 003 00001"),
            sepa("D", "-57.34", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01015  Instruction Id 00001", "0724710352971787", "Strukturierter Verwendungszweck EBB 01015 001 DE", null, "Empfaenger 1 mit 70 Zeichen Empfaenger 1 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01015 00001"),
            sepa("D", "-5002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01015  Instruction Id 00003", "0724710352975390", "Strukturierter Verwendungszweck EBB 01015 003 DE", null, "Empfaenger 3 mit 70 Zeichen Empfaenger 3 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01015 00003"),
            sepa("D", "-5002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01015  Instruction Id 00006", "0724710352980804", "Strukturierter Verwendungszweck EBB 01015 006 DE", null, "Empfaenger 6 mit 70 Zeichen Empfaenger 6 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01015 00006"),
            sepa("D", "-5002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01015  Instruction Id 00005", "0724710352979070", "Strukturierter Verwendungszweck EBB 01015 005 DE", null, "Empfaenger 5 mit 70 Zeichen Empfaenger 5 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01015 00005"),
            sepa("D", "-5002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01015  Instruction Id 00002", "0724710352973502", "Strukturierter Verwendungszweck EBB 01015 002 DE", null, "Empfaenger 2 mit 70 Zeichen Empfaenger 2 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01015 00002"),
            sepa("D", "-5002.17", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01015  Instruction Id 00004", "0724710352977271", "Strukturierter Verwendungszweck EBB 01015 004 DE", null, "Empfaenger 4 mit 70 Zeichen Empfaenger 4 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01015 00004"),
            sepa("D", "-19990.05", "2007-09-04", "2007-09-04", "KREF+\nEndToEndId TFNR 22 002 00001", "0724710333360224", "Verwend CTSc-01 PPP TFNr 22 002MTLG:SBI-SEPA-UEB.DE125088005001 Referenz: 1930467119", null, "Empfaenger Ludwig Loewe", "DE12508800500194786200", "EndToEndId TFNR 22 002 00001"),
            sepa("D", "-50990.05", "2007-09-04", "2007-09-04", "KREF+\nTFNR 21007 Instruction Id 00001", "0724710352952868", "Verwend CTSc-01 eBB TFNr 21007", null, "Empfanger Karl Kaufmann UK01", "DE84508800500194785001", "TFNR 21007 EndToEndId 00001"),
            sepa("D", "-50990.05", "2007-09-04", "2007-09-04", "KREF+\nEndToEndId TFNR 22 004 00001", "0724710333343453", "Verw CTSc-01 BC-PPP TFNr 22 004MTLG:SBI-SEPA-UEB.DE105088005001 Referenz: 1930467120", null, "Empfaenger Marta Metzger", "DE10508800500194787400", "EndToEndId TFNR 22 004 00001"),
            sepa("D", "-55344.11", "2007-09-04", "2007-09-04", "KREF+\nTFNR 01015  Instruction Id 00007", "0724710352982472", "Strukturierter Verwendungszweck EBB 01015 007 DEMTLG:Ggf.Meldevorschriften beachten", null, "Empfaenger 7 mit 70 Zeichen Empfaenger 7 mit 70 Zeiche", "FR1420041010050500013M02606", "TFNR 01015 00007"),
            sepa("D", "-342104", "2007-09-04", "2007-09-04", "KREF+\nTFNr 05005 PayId CTSc-01  BC PPPMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000004 Zahlungen", "D4AF9E363A92E76F", null, null, null, null, null),
            sepa("D", "-956588.05", "2007-09-04", "2007-09-04", "KREF+\nEndToEndId TFNR 06 003 00001", "0724710333366624", "Unstrukturiert Verwendungs/zweck mit 140 Stellenfur /SEPA ZKA Buchungsschema A-/CT-PTS-S01 A-CT-ENTNRZ-S01/ CTSc-01 BC PPP TFNr 06 003/0001", "MTLG:SBI-SEPA-UEB.FR142004101005 Referenz: 1930467117Ggf.Meldevorschriften beachten", "Empfaenger 1", "FR1420041010050500013M02606", "EndToEndId TFNR 06 003 00001"),
            sepa("C", "50990.05", "2007-09-04", "2007-09-04", null, "0724710352952868", "Verwend CTSc-01 eBB TFNr 21007", null, "Karl Kaufmann", "DE14508800500194785000", "TFNR 21007 EndToEndId 00001"),
            sepa("C", "16500.07", "2007-09-04", "2007-09-04", null, "0724710324661086", "Strukturierter Verwendungszweck 50050002 DE", null, "Karl Kaufmann", "DE14508800500194785000", "TFNR 0500500002"),
            sepa("C", "19990.05", "2007-09-04", "2007-09-04", null, "0724710333360224", "Verwend CTSc-01 PPP TFNr 22 002", null, "KARL        KAUFMANN", "DE14508800500194785000", "EndToEndId TFNR 22 002 00001"),
            sepa("C", "56500.07", "2007-09-04", "2007-09-04", null, "0724710324647446", "Strukturierter Verwendungszweck 30030002 DE", null, "Quentin Quast", "DE03508800500194791600", "TFNR 0300300002"),
            sepa("C", "50990.05", "2007-09-07", "2007-09-04", null, "0724710333343453", "Verw CTSc-01 BC-PPP TFNr 22 004", null, "KARL        KAUFMANN", "DE14508800500194785000", "EndToEndId TFNR 22 004 00001"),
            sepa("C", "154551.93", "2007-09-07", "2007-09-04", null, "0724710324647450", "Strukturierter Verwendungszweck 30030004 DE", null, "Quentin Quast", "DE03508800500194791600", "TFNR 0300300004"),
            sepa("C", "154551.93", "2007-09-07", "2007-09-04", null, "0724710324661090", "Strukturierter Verwendungszweck 50050004 DE", null, "Karl Kaufmann", "DE14508800500194785000", "TFNR 0500500004"),
            sepa("D", "-1500", "2007-09-04", "2007-09-04", "KREF+\nTFNr 01022 MSGID CTSc-01 EBBMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000001 Zahlungen", "536D80EFEC56ACF8", null, null, null, null, null),
            sepa("C", "300", "2007-09-04", "2007-09-04", null, "0724710345316116", null, null, null, null, "TFNR 40001 00005MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag"),
            sepa("C", "335.33", "2007-09-04", "2007-09-04", null, "0724710351063401", null, null, null, null, "TFNR 44001 00001MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag"),
            sepa("C", "15000", "2007-09-04", "2007-09-04", null, "0724710345316110", null, null, null, null, "TFNR 40001 00002MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag"),
            sepa("C", "15000.05", "2007-09-04", "2007-09-04", null, "0724710290659857", "TO 13 TFNr 20001 Eingangskanal Mint Unstrukturierter Verwendungszweck 140 Zeichen Beginn Fuellzeichen xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", null, "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx", "DE42100100100043921105", "EndToEndIdTFNR2000100001"),
            sepa("C", "125004.88", "2007-09-04", "2007-09-04", null, "0724710290624796", "TO13 TF20005 MINT", null, "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx", "DE42100100100043921105", null),
            sepa("C", "915311.55", "2007-09-04", "2007-09-04", null, "R724710351063405", null, null, null, null, "TFNR 44001 00002MTLG:IBAN ungueltig Rueckueberweisung aus SEPA-Ueberweisungsauftrag"),
            sepa("D", "-3572569.03", "2007-09-04", "2007-09-04", "NONREF", null, "0904059001", null, null, null, null),
            sepa("C", "1910.05", "2007-09-04", "2007-09-04", null, "0724710333345079", "Verwend CTSc-01 FFP TFNr 21 001", null, "QUENTIN        QUAST", "DE03508800500194791600", "TFNR 21001 EndToEndId 00001"),
            sepa("C", "50990.05", "2007-09-04", "2007-09-04", null, "0724710352956584", "Verwend CTSc-01 eBB TFNr 21004", null, "Quentin Quast", "DE03508800500194791600", "TFNR 21004 EndToEndId 00001"),
            sepa("D", "-125300.1", "2007-09-04", "2007-09-04", "KREF+\nTFNr 03005 MSGID CTSc-01 FFPMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000001 Zahlungen", "F2CA963F5C750549", null, null, null, null, null),
            sepa("D", "-150", "2007-09-04", "2007-09-04", "KREF+\nTFNr 01031 PayId CTSc-01 EBBMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000001 Zahlungen", "FFCD94B7601B6E06", null, null, null, null, null),
            sepa("D", "-150", "2007-09-04", "2007-09-04", "KREF+\nTFNr 01032 PayId CTSc-01 EBBMTLG:SEPA-Ueberweisungsauftrag Datei mit 0000001 Zahlungen", "DED4A9D0CA11033B", null, null, null, null, null),
            sepa("C", "50.05", "2007-09-04", "2007-09-04", null, "0724710290648274", "TO 25 TFNr 50005 Eingangskanal Mint Unstrukturierter Verwendungszweck 140 Zeichen Beginn Fuellzeichen xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", null, "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx", "DE51508800500190038900", "EndToEndIdTFNR5000500001")
    );
}
