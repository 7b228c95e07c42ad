package vn.nq57.export.imports;

import java.io.IOException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.export.imports.ImportViews.Preview;

/**
 * The import API ({@code /api/exports/imports}): upload for a preview, then apply.
 */
@RestController
@RequestMapping("/api/exports/imports")
class ImportController {

	private final ImportService imports;

	ImportController(ImportService imports) {
		this.imports = imports;
	}

	@GetMapping("/limits")
	ImportViews.Limits limits() {
		return this.imports.limits();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Preview upload(CurrentUser user, @RequestPart(name = "file", required = false) @Nullable MultipartFile file)
			throws IOException {
		return this.imports.preview(user, file);
	}

	@GetMapping("/{importId}")
	Preview get(CurrentUser user, @PathVariable UUID importId) {
		return this.imports.get(user, importId);
	}

	@PostMapping("/{importId}/apply")
	Preview apply(CurrentUser user, @PathVariable UUID importId) {
		return this.imports.apply(user, importId);
	}

}
