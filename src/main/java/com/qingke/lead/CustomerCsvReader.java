package com.qingke.lead;

import com.qingke.customer.PhoneNumbers;
import com.qingke.platform.ProblemException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a customer CSV as SMEs export it from Excel: UTF-8 (with or without BOM) or GBK, comma or tab separated,
 * column titles mapped to fields by common Chinese names or an explicit mapping. Checks every row and reports each
 * problem with its line; touches no database.
 */
final class CustomerCsvReader {
    private static final String TAG_SEPARATORS = "[,，;；|、/]";

    /** A row that passed the checks; the owner is still the raw text of the file. */
    record Row(int line, String name, String phone, String company, String position, List<String> tags, String crmId, String owner) {
    }

    record Parsed(String encoding, List<String> columns, Map<ImportField, Integer> mapping, int rowCount, List<Row> rows,
                  List<ImportReport.RowError> errors) {
    }

    private CustomerCsvReader() {
    }

    static Charset charset(String encoding) {
        String e = encoding == null ? "UTF-8" : encoding.trim().toUpperCase(Locale.ROOT);
        return switch (e) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            // GB18030 is a superset of GBK and GB2312 and decodes all of them
            case "GBK", "GB2312", "GB18030", "CP936" -> Charset.forName("GB18030");
            default -> throw ProblemException.badRequest("不支持的编码「" + encoding + "」，请选择 UTF-8 或 GBK");
        };
    }

    static Parsed read(byte[] bytes, String encoding, Map<String, String> explicitMapping, int maxRows) {
        String text = decode(bytes, encoding);
        CSVFormat format = (looksTabSeparated(text) ? CSVFormat.TDF : CSVFormat.DEFAULT).builder()
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            records = parser.getRecords();
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("无法解析 CSV 文件：请检查引号是否成对出现");
        }
        if (records.isEmpty()) {
            throw ProblemException.badRequest("文件是空的：第一行应为表头，例如「姓名,手机,公司,标签」");
        }
        List<String> columns = new ArrayList<>();
        records.get(0).forEach(c -> columns.add(c.replace("\uFEFF", "").trim()));
        Map<ImportField, Integer> mapping = mapping(columns, explicitMapping);
        int rowCount = records.size() - 1;
        if (rowCount > maxRows) {
            throw ProblemException.badRequest("一次最多导入 " + maxRows + " 行，本文件有 " + rowCount + " 行，请拆分后导入");
        }
        List<Row> rows = new ArrayList<>(rowCount);
        List<ImportReport.RowError> errors = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            CSVRecord record = records.get(i);
            int line = (int) record.getRecordNumber();
            if (record.size() > columns.size()) {
                errors.add(new ImportReport.RowError(line, null, "列数（" + record.size() + "）多于表头（" + columns.size() + "）"));
                continue;
            }
            checkRow(line, record, columns, mapping, rows, errors);
        }
        return new Parsed(charset(encoding).name(), columns, mapping, rowCount, rows, errors);
    }

    private static void checkRow(int line, CSVRecord record, List<String> columns, Map<ImportField, Integer> mapping,
                                 List<Row> rows, List<ImportReport.RowError> errors) {
        int before = errors.size();
        String name = cell(record, mapping.get(ImportField.NAME));
        String rawPhone = cell(record, mapping.get(ImportField.PHONE));
        String company = cell(record, mapping.get(ImportField.COMPANY));
        String position = cell(record, mapping.get(ImportField.POSITION));
        String tagText = cell(record, mapping.get(ImportField.TAGS));
        String crmId = cell(record, mapping.get(ImportField.CRM_ID));
        String owner = cell(record, mapping.get(ImportField.OWNER));
        if (name == null) {
            errors.add(error(line, columns, mapping, ImportField.NAME, "姓名不能为空"));
        } else if (name.length() > 128) {
            errors.add(error(line, columns, mapping, ImportField.NAME, "姓名不能超过128个字"));
        }
        String phone = rawPhone == null ? null : PhoneNumbers.normalise(rawPhone);
        if (phone != null && !PhoneNumbers.isValid(phone)) {
            errors.add(error(line, columns, mapping, ImportField.PHONE, "手机号格式不正确（应为11位大陆手机号）"));
        }
        if (company != null && company.length() > 128) {
            errors.add(error(line, columns, mapping, ImportField.COMPANY, "公司名称不能超过128个字"));
        }
        if (position != null && position.length() > 64) {
            errors.add(error(line, columns, mapping, ImportField.POSITION, "职位不能超过64个字"));
        }
        List<String> tags = new ArrayList<>();
        if (tagText != null) {
            LinkedHashSet<String> unique = new LinkedHashSet<>();
            for (String t : tagText.split(TAG_SEPARATORS)) {
                if (!t.isBlank()) {
                    unique.add(t.trim());
                }
            }
            tags.addAll(unique);
            if (tags.size() > 20) {
                errors.add(error(line, columns, mapping, ImportField.TAGS, "标签不能超过20个"));
            } else if (tags.stream().anyMatch(t -> t.length() > 32)) {
                errors.add(error(line, columns, mapping, ImportField.TAGS, "单个标签不能超过32个字"));
            }
        }
        if (crmId != null && crmId.length() > 128) {
            errors.add(error(line, columns, mapping, ImportField.CRM_ID, "客户编号不能超过128个字符"));
        }
        if (errors.size() == before) {
            rows.add(new Row(line, name, phone, company, position, List.copyOf(tags), crmId, owner));
        }
    }

    static ImportReport.RowError error(int line, List<String> columns, Map<ImportField, Integer> mapping, ImportField field, String message) {
        Integer index = mapping.get(field);
        return new ImportReport.RowError(line, index == null ? field.label() : columns.get(index), message);
    }

    private static Map<ImportField, Integer> mapping(List<String> columns, Map<String, String> explicit) {
        Map<ImportField, Integer> mapping = new EnumMap<>(ImportField.class);
        if (explicit != null) {
            for (Map.Entry<String, String> e : explicit.entrySet()) {
                ImportField field = ImportField.byKey(e.getValue()).orElseThrow(() -> ProblemException.badRequest(
                        "映射目标「" + e.getValue() + "」不是可导入的字段（可用：name, phone, company, position, tags, crmId, owner）"));
                int index = indexOf(columns, e.getKey());
                if (index < 0) {
                    throw ProblemException.badRequest("映射中的列「" + e.getKey() + "」在文件表头中不存在");
                }
                if (mapping.put(field, index) != null) {
                    throw ProblemException.badRequest("字段「" + field.key() + "」被映射了多次");
                }
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            int column = i;
            if (mapping.containsValue(column)) {
                continue;
            }
            ImportField.byTitle(columns.get(i)).ifPresent(f -> mapping.putIfAbsent(f, column));
        }
        if (!mapping.containsKey(ImportField.NAME)) {
            throw ProblemException.badRequest("未找到姓名列：表头应包含「姓名」或「客户名称」，或在映射中指定；若表头是乱码，请换用 GBK 或 UTF-8 编码重试");
        }
        return mapping;
    }

    private static int indexOf(List<String> columns, String title) {
        String wanted = ImportField.normaliseTitle(title);
        for (int i = 0; i < columns.size(); i++) {
            if (ImportField.normaliseTitle(columns.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(CSVRecord record, Integer index) {
        if (index == null || index >= record.size()) {
            return null;
        }
        String v = record.get(index).trim();
        return v.isEmpty() ? null : v;
    }

    private static String decode(byte[] bytes, String encoding) {
        Charset cs = charset(encoding);
        try {
            String text = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("文件不是 " + encoding + " 编码：Excel 另存的 CSV 通常是 GBK，请换一种编码重试");
        }
    }

    private static boolean looksTabSeparated(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.indexOf('\t') >= 0 && header.indexOf(',') < 0;
    }
}
