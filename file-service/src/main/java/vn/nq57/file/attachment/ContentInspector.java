package vn.nq57.file.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides what a file is from its bytes, with Apache Tika's magic signatures; the name a
 * client sends only refines a container the bytes already prove (an OLE2 or OOXML package
 * into DOC/XLS or DOCX/XLSX). A name alone never makes a file acceptable: HTML, SVG or an
 * executable called {@code .pdf} stays what its bytes say.
 *
 * <p>
 * Known shortcoming: tika-core does not open packages, so a PowerPoint package named
 * {@code .docx} passes as DOCX. It goes away if tika-parsers' container detectors are
 * added, at the cost of a much larger dependency set.
 */
@Component
class ContentInspector {

	/** The content types accepted, as stored and served. */
	static final Set<MediaType> ALLOWED = Set.of(MediaType.image("jpeg"), MediaType.image("png"),
			MediaType.image("webp"), MediaType.application("pdf"), MediaType.application("msword"),
			MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"),
			MediaType.application("vnd.ms-excel"),
			MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			MediaType.application("vnd.oasis.opendocument.text"),
			MediaType.application("vnd.oasis.opendocument.spreadsheet"));

	/** Containers the bytes may prove on their own, before the name refines them. */
	private static final Set<MediaType> CONTAINERS = Set.of(MediaType.application("x-tika-msoffice"),
			MediaType.application("x-tika-ooxml"));

	private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

	/**
	 * The allowed type of the content, or null when it is not one of the allowed kinds.
	 * @param content the content; must support mark and reset, and is reset afterwards
	 * @param fileName the sanitised client name, a hint only
	 * @return the detected type, or null if refused
	 * @throws IOException if reading fails
	 */
	@Nullable MediaType allowedType(InputStream content, String fileName) throws IOException {
		MediaType byBytes = this.types.detect(content, new Metadata());
		if (!ALLOWED.contains(byBytes) && !CONTAINERS.contains(byBytes)) {
			return null;
		}
		Metadata named = new Metadata();
		named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
		MediaType refined = this.types.detect(content, named);
		return ALLOWED.contains(refined) ? refined : null;
	}

	/**
	 * How many bytes detection may look at; the stream's mark must cover them.
	 * @return the read-ahead limit
	 */
	int readAheadLimit() {
		return this.types.getMinLength();
	}

}
