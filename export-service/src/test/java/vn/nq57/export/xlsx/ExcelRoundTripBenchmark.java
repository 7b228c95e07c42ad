package vn.nq57.export.xlsx;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import vn.nq57.export.imports.ImportReaders;
import vn.nq57.export.report.ReportModels.Column;
import vn.nq57.export.report.ReportModels.Period;
import vn.nq57.export.report.ReportModels.Template;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excel round trip figures, printed in one run (not part of {@code verify}; see
 * export-service/README.md): writing the national daily sheet (3,321 rows) and a
 * 5,000-row sheet with the streaming writer ({@code SXSSFWorkbook}, what the service
 * uses) against POI's in-memory {@code XSSFWorkbook}, and reading a 5,000-row workbook
 * with the import's streaming SAX reader against the in-memory reader; same data, same
 * layout, in this JVM.
 *
 * <p>
 * Time: median of {@value #RUNS} runs after {@value #WARMUPS} warm-ups. Heap, measured in
 * separate runs (never in a timed one): <em>allocated</em> is what the thread allocated
 * in the run (ThreadMXBean); <em>retained</em> is the live heap after a full GC at the
 * moment the run holds the most (all rows added, before writing; the data sheet read, the
 * workbook still open), minus the live heap before the run.
 */
@Tag("benchmark")
class ExcelRoundTripBenchmark {

	private static final int WARMUPS = 1;

	private static final int RUNS = 3;

	private static final String[][] COLUMNS = { { "B", "Văn bản phổ biến", "CHOICE", "UNIT" },
			{ "C", "Bộ TTHC", "CHOICE", "UNIT" }, { "D", "Hạ tầng mạng", "CHOICE", "UNIT" },
			{ "E", "Hạ tầng máy tính", "CHOICE", "UNIT" }, { "F", "Công cụ hỗ trợ số hóa giấy tờ", "CHOICE", "UNIT" },
			{ "G", "Dữ liệu số hóa có tái sử dụng", "CHOICE", "UNIT" }, { "H", "Thiết bị an toàn", "CHOICE", "UNIT" },
			{ "I", "CKS mật", "CHOICE", "UNIT" }, { "J", "CKS công cộng", "CHOICE", "UNIT" },
			{ "K", "Nhân sự một cửa", "CHOICE", "UNIT" }, { "L", "Bảng \"4 tại chỗ\"", "CHOICE", "UNIT" },
			{ "M", "Triển khai hệ thống họp trực tuyến từ TW đến địa phương", "CHOICE", "UNIT" },
			{ "N", "Vướng mắc chính trong ngày", "TEXT", "UNIT" },
			{ "O", "Link tới thư mục ảnh minh chứng của ngày", "LINK", "UNIT" },
			{ "P", "(Phần của Tỉnh) Người đánh giá", "TEXT", "PROVINCE" },
			{ "Q", "(Phần của Tỉnh) Nhận xét & Đánh giá", "TEXT", "PROVINCE" },
			{ "R", "(Phần của Tỉnh) Trạng thái Giám sát", "CHOICE", "PROVINCE" } };

	private static final Map<String, List<String>> OPTIONS = Map.ofEntries(
			Map.entry("B", List.of("Đã hoàn thành", "Chưa hoàn thành")),
			Map.entry("C", List.of("Mới nhận danh mục", "Đã nhận đủ", "Chưa nhận đủ")),
			Map.entry("D", List.of("Tốt", "Tạm được", "Yếu", "Không ổn định")),
			Map.entry("E", List.of("Thiếu", "Đã được cấp bổ sung")), Map.entry("F", List.of("Có", "Không")),
			Map.entry("G", List.of("Có", "Không")), Map.entry("H", List.of("Đã kiểm tra", "Chưa kiểm tra")),
			Map.entry("I", List.of("Đã đủ", "Chưa đủ")),
			Map.entry("J", List.of("Đã gửi yêu cầu", "Đã hoàn thành", "Chưa thực hiện")),
			Map.entry("K", List.of("Đã đủ", "Chưa đủ")), Map.entry("L", List.of("Đang thiết kế", "Đã niêm yết")),
			Map.entry("M", List.of("Đã triển khai", "Chưa triển khai")),
			Map.entry("R", List.of("Đạt yêu cầu", "Cần bổ sung", "Không đạt", "Chưa giám sát")));

	private static final Template TEMPLATE = template();

	private static final Period PERIOD = new Period(UUID.randomUUID(), "DAY", "Ngày 03/12/2026", "2026-12-03",
			"2026-12-03", "2026-12-02", "2026-12-03");

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	@Test
	void printExcelRoundTripFigures() throws Exception {
		System.out.printf(Locale.ROOT, "%nExcel round trip benchmark (%d cores, max heap %d MB, Java %s)%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.version"));
		System.out.printf(Locale.ROOT, "%-44s %10s %14s %14s%n", "case", "median ms", "allocated MB", "retained MB");
		List<Row> rows3321 = rows(3321);
		List<Row> rows5000 = rows(5000);
		Figures national = write("export 3,321 rows, streaming (SXSSF)", rows3321, true);
		Figures nationalMemory = write("export 3,321 rows, in-memory (XSSF)", rows3321, false);
		Figures big = write("export 5,000 rows, streaming (SXSSF)", rows5000, true);
		Figures bigMemory = write("export 5,000 rows, in-memory (XSSF)", rows5000, false);

		Path workbook = writeOnce(rows5000, true);
		try {
			Figures read = read("import 5,000 rows, streaming (SAX)", workbook, true);
			Figures readMemory = read("import 5,000 rows, in-memory (XSSF)", workbook, false);
			System.out.println();
			ratio("export 3,321 rows", national, nationalMemory);
			ratio("export 5,000 rows", big, bigMemory);
			ratio("import 5,000 rows", read, readMemory);
			System.out.printf(Locale.ROOT, "3,321-row streaming export: %.0f ms (goal < 1000 ms)%n%n",
					national.medianMillis);
		}
		finally {
			Files.deleteIfExists(workbook);
		}
	}

	private Figures write(String name, List<Row> rows, boolean streaming) throws IOException {
		double[] times = new double[RUNS];
		for (int i = 0; i < WARMUPS + RUNS; i++) {
			long start = System.nanoTime();
			Files.delete(writeOnce(rows, streaming));
			if (i >= WARMUPS) {
				times[i - WARMUPS] = (System.nanoTime() - start) / 1e6;
			}
		}
		long[] heap = new long[2];
		long before = liveHeap();
		long allocatedBefore = this.threads.getCurrentThreadAllocatedBytes();
		Path file = build(rows, streaming, () -> heap[1] = liveHeap() - before);
		heap[0] = this.threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		Files.delete(file);
		return print(name, times, heap);
	}

	private Figures read(String name, Path file, boolean streaming) throws IOException {
		double[] times = new double[RUNS];
		int expected = 5000 * 14;
		for (int i = 0; i < WARMUPS + RUNS; i++) {
			long start = System.nanoTime();
			int cells = streaming ? ImportReaders.streaming(file, () -> {
			}) : ImportReaders.inMemory(file, () -> {
			});
			if (i >= WARMUPS) {
				times[i - WARMUPS] = (System.nanoTime() - start) / 1e6;
			}
			assertThat(cells).isGreaterThanOrEqualTo(expected);
		}
		long[] heap = new long[2];
		long before = liveHeap();
		long allocatedBefore = this.threads.getCurrentThreadAllocatedBytes();
		Runnable measure = () -> heap[1] = liveHeap() - before;
		if (streaming) {
			ImportReaders.streaming(file, measure);
		}
		else {
			ImportReaders.inMemory(file, measure);
		}
		heap[0] = this.threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		return print(name, times, heap);
	}

	private Figures print(String name, double[] times, long[] heap) {
		double[] sorted = times.clone();
		Arrays.sort(sorted);
		Figures figures = new Figures(sorted[sorted.length / 2], heap[0], Math.max(heap[1], 0));
		System.out.printf(Locale.ROOT, "%-44s %10.0f %14.1f %14.1f%n", name, figures.medianMillis,
				figures.allocatedBytes / 1048576.0, figures.retainedBytes / 1048576.0);
		return figures;
	}

	private static void ratio(String name, Figures streaming, Figures inMemory) {
		// A retained heap below 1 MB is within the noise of the measure: the ratio is
		// then
		// given against 1 MB, as a lower bound.
		long floor = 1 << 20;
		System.out.printf(Locale.ROOT,
				"%-20s streaming is %.1fx faster, %.1fx less allocated, %s%.1fx less retained heap%n", name,
				inMemory.medianMillis / streaming.medianMillis,
				(double) inMemory.allocatedBytes / Math.max(1, streaming.allocatedBytes),
				(streaming.retainedBytes < floor) ? ">= " : "",
				(double) inMemory.retainedBytes / Math.max(floor, streaming.retainedBytes));
	}

	private static Path writeOnce(List<Row> rows, boolean streaming) throws IOException {
		return build(rows, streaming, () -> {
		});
	}

	private static Path build(List<Row> rows, boolean streaming, Runnable beforeWrite) throws IOException {
		try (GridWorkbook workbook = streaming ? new GridWorkbook(TEMPLATE, PERIOD, "Các đơn vị trên toàn quốc", "UNIT")
				: GridWorkbook.inMemory(TEMPLATE, PERIOD, "Các đơn vị trên toàn quốc", "UNIT")) {
			for (Row row : rows) {
				workbook.addRow(row.reportId, row.version, row.unitCode, row.unitName, row.values, "Đã duyệt");
			}
			beforeWrite.run();
			return workbook.writeToTemporaryFile();
		}
	}

	private long liveHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return this.memory.getHeapMemoryUsage().getUsed();
	}

	private static List<Row> rows(int count) {
		List<Row> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<String, @Nullable Object> values = new LinkedHashMap<>();
			for (String[] column : COLUMNS) {
				List<String> options = OPTIONS.get(column[0]);
				if (options != null) {
					values.put(column[0], options.get((i + column[0].charAt(0)) % options.size()));
				}
			}
			values.put("N", "Mạng chập chờn buổi chiều tại điểm " + i + ", đã báo nhà mạng khắc phục.");
			values.put("O", "https://drive.example.gov.vn/xa-" + (10000 + i) + "/2026-12-03");
			values.put("P", "Nguyễn Văn " + (char) ('A' + i % 26));
			values.put("Q", "Đã kiểm tra đầy đủ minh chứng số " + i);
			rows.add(new Row(UUID.randomUUID(), (long) (i % 7), Integer.toString(10000 + i), "Xã số " + (i + 1),
					values));
		}
		return rows;
	}

	private static Template template() {
		List<Column> columns = new ArrayList<>();
		for (String[] column : COLUMNS) {
			columns.add(new Column(column[0], column[1], column[2], OPTIONS.get(column[0]), !"N".equals(column[0]),
					column[3]));
		}
		return new Template("BC_NGAY_XA", "Báo cáo hàng ngày cấp Xã", 1, columns);
	}

	private record Row(UUID reportId, Long version, String unitCode, String unitName,
			Map<String, @Nullable Object> values) {
	}

	private record Figures(double medianMillis, long allocatedBytes, long retainedBytes) {
	}

}
