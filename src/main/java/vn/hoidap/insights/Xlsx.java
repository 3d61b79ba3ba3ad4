package vn.hoidap.insights;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An .xlsx workbook built sheet by sheet with typed cells: dates as Excel dates (dd/mm/yyyy), counts and
 * rates as numbers, Vietnamese headers in bold, the header row frozen. Streams rows (SXSSF), so the
 * 200,000-row question sheet keeps a small window in memory.
 */
final class Xlsx implements AutoCloseable {

    private final SXSSFWorkbook book = new SXSSFWorkbook(200);
    private final CellStyle date;
    private final CellStyle dateTime;
    private final CellStyle header;
    private Sheet sheet;
    private int row;

    Xlsx() {
        short dateFormat = book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy");
        date = book.createCellStyle();
        date.setDataFormat(dateFormat);
        dateTime = book.createCellStyle();
        dateTime.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm:ss"));
        header = book.createCellStyle();
        Font bold = book.createFont();
        bold.setBold(true);
        header.setFont(bold);
    }

    Xlsx sheet(String name, List<String> headers) {
        sheet = book.createSheet(name);
        row = 0;
        Row r = sheet.createRow(row++);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = r.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(header);
        }
        sheet.createFreezePane(0, 1);
        ((SXSSFSheet) sheet).trackAllColumnsForAutoSizing();
        return this;
    }

    void row(Object... values) {
        Row r = sheet.createRow(row++);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell c = r.createCell(i);
            if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
                c.setCellValue(d);
                c.setCellStyle(date);
            } else if (v instanceof LocalDateTime t) {
                c.setCellValue(t);
                c.setCellStyle(dateTime);
            } else if (v instanceof Boolean b) {
                c.setCellValue(b ? "có" : "không");
            } else {
                String s = v.toString();
                // a cell starting with = + - @ is text, never a formula (Excel injection)
                c.setCellValue(s.length() > 32_000 ? s.substring(0, 32_000) : s);
            }
        }
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        book.dispose();
        try {
            book.close();
        } catch (IOException ignored) {
            // temporary files are gone with dispose()
        }
    }
}
