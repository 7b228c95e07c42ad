package vn.nq57.file.attachment;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import vn.nq57.common.web.ErrorCode;
import vn.nq57.common.web.ProblemWriter;
import vn.nq57.file.FileError;

/**
 * Multipart failures the servlet container raises before a controller runs, answered from
 * the {@code FIL-} catalogue instead of the generic 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblemsAdvice {

	private static final Logger logger = LoggerFactory.getLogger(UploadProblemsAdvice.class);

	private final ProblemWriter problemWriter;

	private final FilesProperties limits;

	UploadProblemsAdvice(ProblemWriter problemWriter, FilesProperties limits) {
		this.problemWriter = problemWriter;
		this.limits = limits;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> handleTooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		logger.debug("Upload to {} refused: request larger than the container accepts", request.getRequestURI());
		return answer(FileError.UPLOAD_TOO_LARGE,
				FileError.UPLOAD_TOO_LARGE.message().formatted(this.limits.maxFileSizeMegabytes()), request);
	}

	@ExceptionHandler({ MultipartException.class, MissingServletRequestPartException.class })
	ResponseEntity<ProblemDetail> handleNotMultipart(Exception ex, HttpServletRequest request) {
		logger.debug("Upload to {} refused: {}", request.getRequestURI(), ex.getClass().getSimpleName());
		return answer(FileError.FILE_MISSING, FileError.FILE_MISSING.message(), request);
	}

	private ResponseEntity<ProblemDetail> answer(ErrorCode error, String detail, HttpServletRequest request) {
		ProblemDetail problem = this.problemWriter.problem(error, detail, List.of(), request.getRequestURI());
		return ResponseEntity.status(error.status()).body(problem);
	}

}
