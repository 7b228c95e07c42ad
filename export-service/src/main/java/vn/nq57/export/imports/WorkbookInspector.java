package vn.nq57.export.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.nq57.common.web.ApiException;
import vn.nq57.export.ExportError;

/**
 * Looks at an upload as a zip archive before any XML parser sees it: it must be a zip
 * (not an OLE2 {@code .xls} or anything else), hold few entries, inflate within the size
 * and ratio limits (every entry is actually inflated and counted, whatever its header
 * claims), carry no macros or ActiveX (decided by content: {@code vbaProject.bin}, macro
 * sheets, macro-enabled content types), and no part may declare a DOCTYPE or XML
 * entities. POI's own {@code ZipSecureFile} limits and its hardened XML parsers stay on
 * behind this, as a second line.
 */
final class WorkbookInspector {

	private static final Logger logger = LoggerFactory.getLogger(WorkbookInspector.class);

	/** Below this an entry is never called a bomb, as in POI (GRACE_ENTRY_SIZE). */
	private static final long GRACE_BYTES = 100 * 1024;

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private final ImportProperties limits;

	WorkbookInspector(ImportProperties limits) {
		this.limits = limits;
	}

	/**
	 * Refuses the file unless it passes every check.
	 * @param file the upload on disk
	 * @param name the file name, for messages only
	 * @throws ApiException {@code EXP-005} to {@code EXP-009}
	 */
	void inspect(Path file, String name) {
		byte[] head = new byte[4];
		try (InputStream in = Files.newInputStream(file)) {
			int read = in.readNBytes(head, 0, 4);
			if (read < 4 || !java.util.Arrays.equals(head, ZIP_MAGIC)) {
				if (read == 4 && java.util.Arrays.equals(head, OLE2_MAGIC)) {
					logger.info("Refused an OLE2 upload (xls, or encrypted/legacy office file)");
				}
				throw new ApiException(ExportError.NOT_A_WORKBOOK, name);
			}
		}
		catch (IOException ex) {
			throw new ApiException(ExportError.NOT_A_WORKBOOK, name);
		}
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.size() > this.limits.maxEntries()) {
				throw new ApiException(ExportError.TOO_MANY_ENTRIES, name, this.limits.maxEntries());
			}
			long total = 0;
			boolean contentTypes = false;
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String entryName = entry.getName();
				refuseMacroPart(entryName, name);
				if (entryName.equals("[Content_Types].xml")) {
					contentTypes = true;
				}
				total += inflate(zip, entry, name, total);
			}
			if (!contentTypes) {
				throw new ApiException(ExportError.NOT_A_WORKBOOK, name);
			}
		}
		catch (ZipException ex) {
			throw new ApiException(ExportError.NOT_A_WORKBOOK, name);
		}
		catch (IOException ex) {
			throw new ApiException(ExportError.NOT_A_WORKBOOK, name);
		}
	}

	private static void refuseMacroPart(String entryName, String name) {
		String lower = entryName.toLowerCase(Locale.ROOT);
		if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbaprojectsignature.bin")) {
			throw new ApiException(ExportError.MACROS, name, entryName);
		}
		if (lower.startsWith("xl/macrosheets/") || lower.startsWith("xl/activex/")) {
			throw new ApiException(ExportError.MACROS, name, entryName);
		}
	}

	/**
	 * Inflates one entry to its end, counting bytes and scanning XML for DOCTYPE and
	 * ENTITY declarations (and, in the content types, for macro-enabled parts).
	 * @return the inflated size
	 */
	private long inflate(ZipFile zip, ZipEntry entry, String name, long before) throws IOException {
		long maxTotal = this.limits.maxUncompressedBytes().toBytes();
		String entryName = entry.getName();
		String lower = entryName.toLowerCase(Locale.ROOT);
		boolean xml = lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml");
		boolean contentTypes = entryName.equals("[Content_Types].xml");
		long compressed = Math.max(entry.getCompressedSize(), 0);
		long size = 0;
		Scanner scanner = new Scanner();
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = zip.getInputStream(entry)) {
			int read;
			while ((read = in.read(buffer)) > 0) {
				size += read;
				if (before + size > maxTotal) {
					throw new ApiException(ExportError.ZIP_BOMB, name, entryName,
							this.limits.maxUncompressedBytes().toMegabytes() + " MB");
				}
				if (size > GRACE_BYTES && (double) compressed / size < this.limits.minInflateRatio()) {
					throw new ApiException(ExportError.ZIP_BOMB, name, entryName,
							"1:" + Math.round(1 / this.limits.minInflateRatio()));
				}
				if (xml) {
					String found = scanner.scan(buffer, read, contentTypes);
					if ("MACRO".equals(found)) {
						throw new ApiException(ExportError.MACROS, name, "[Content_Types].xml");
					}
					if (found != null) {
						throw new ApiException(ExportError.XML_ENTITIES, name, entryName);
					}
				}
			}
		}
		return size;
	}

	/**
	 * Finds {@code <!DOCTYPE}, {@code <!ENTITY} and macro content types in a stream of
	 * chunks, across chunk boundaries.
	 */
	private static final class Scanner {

		private String tail = "";

		String scan(byte[] buffer, int length, boolean contentTypes) {
			// ISO-8859-1 maps bytes one to one, so the ASCII markers are found whatever
			// the
			// UTF-8 text around them.
			String chunk = this.tail + new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
			String upper = chunk.toUpperCase(Locale.ROOT);
			String found = null;
			if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
				found = "DOCTYPE";
			}
			else if (contentTypes && (upper.contains("MACROENABLED") || upper.contains("VBAPROJECT"))) {
				found = "MACRO";
			}
			this.tail = chunk.substring(Math.max(0, chunk.length() - 64));
			return found;
		}

	}

}
