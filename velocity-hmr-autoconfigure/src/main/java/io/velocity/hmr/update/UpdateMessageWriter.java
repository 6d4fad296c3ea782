package io.velocity.hmr.update;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.AnalyzedModule;
import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.CompiledModule;
import io.velocity.hmr.compile.ModuleVersions;
import io.velocity.hmr.graph.UpdatePlan;
import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.protocol.InlineModule;
import io.velocity.hmr.protocol.ModuleUpdate;
import io.velocity.hmr.source.ModuleUrls;

/**
 * Writes the message of an update plan, the last step of the {@link HotUpdatePipeline}: a
 * full reload, or an update whose modules carry their code written once with the plan's
 * versions (inline, within a budget), and, once a page was bundled, their registry form.
 */
final class UpdateMessageWriter {

	// The pipeline's category: what an update did is logged under one name.
	private static final Log logger = LogFactory.getLog(HotUpdatePipeline.class);

	private final CompileService compileService;

	private final ModuleUrls urls;

	private final @Nullable RegistryForms registryForms;

	UpdateMessageWriter(CompileService compileService, ModuleUrls urls, @Nullable RegistryForms registryForms) {
		this.compileService = compileService;
		this.urls = urls;
		this.registryForms = registryForms;
	}

	/**
	 * Write the message of an update.
	 * @param plan what the graph planned
	 * @param analysed the modules this change analysed, by URL
	 * @param recovered whether a compile problem was fixed by the change
	 * @param styleSheets the changed style sheets that pages link
	 * @param timestamp the update's timestamp
	 * @param stages the stage timings
	 * @return the message, or {@code null} if there is nothing to tell the clients
	 */
	@Nullable HmrMessage write(UpdatePlan plan, Map<String, AnalyzedModule> analysed, boolean recovered,
			List<ModuleUpdate> styleSheets, long timestamp, UpdateStages stages) {
		if (plan instanceof UpdatePlan.FullReload reload) {
			logger.info("Velocity HMR full reload: " + reload.reason());
			return new HmrMessage.FullReload(reload.reason(), reload.url(),
					reload.deadEnds().stream().map(UpdatePlan.DeadEnd::url).toList());
		}
		List<ModuleUpdate> updates = new ArrayList<>();
		List<InlineModule> modules = new ArrayList<>();
		InlineBudget budget = new InlineBudget();
		List<HmrMessage.Reload> reloads = new ArrayList<>();
		if (plan instanceof UpdatePlan.Hot hot) {
			for (UpdatePlan.DeadEnd deadEnd : hot.deadEnds()) {
				logger.info(
						"Velocity HMR full reload of the pages that loaded " + deadEnd.url() + ": " + deadEnd.reason());
				reloads.add(new HmrMessage.Reload(deadEnd.url(), deadEnd.reason()));
			}
			List<ModuleUpdate> js = new ArrayList<>();
			Map<String, CompiledModule> compiled = new LinkedHashMap<>();
			for (UpdatePlan.Boundary boundary : hot.updates()) {
				Optional<CompiledModule> module = written(boundary.acceptedUrl(), analysed, hot.versions());
				module.ifPresent((code) -> compiled.put(boundary.acceptedUrl(), code));
				js.add(new ModuleUpdate(ModuleUpdate.Type.JS, boundary.url(), boundary.acceptedUrl(), hot.timestamp(),
						module.map(CompiledModule::code).map(budget::inline).orElse(null),
						module.map(CompiledModule::writtenImportUrls).orElse(List.of())));
			}
			for (String url : hot.stampedUrls()) {
				// Modules in a cycle need each other's URL first: the browser fetches
				// them.
				boolean inline = !hot.cyclicUrls().contains(url);
				written(url, analysed, hot.versions()).ifPresent((module) -> {
					compiled.put(url, module);
					modules.add(new InlineModule(url, inline ? budget.inline(module.code()) : null,
							module.writtenImportUrls()));
				});
			}
			stages.ended("write");
			if (this.registryForms != null && this.registryForms.wanted()) {
				js = js.stream().map((update) -> withDefinition(update, compiled, budget)).toList();
				modules.replaceAll((module) -> withDefinition(module, compiled, hot.timestamp(), budget));
				stages.ended("registry");
			}
			updates.addAll(js);
		}
		updates.addAll(styleSheets);
		// With no modules, an update still clears the overlay of a problem that was
		// fixed.
		if (updates.isEmpty() && !recovered) {
			return null;
		}
		if (!(plan instanceof UpdatePlan.Hot)) {
			stages.ended("write");
		}
		return new HmrMessage.Update(updates, timestamp, stages.sending(), modules, reloads);
	}

	/**
	 * The accepted module of an update with its registry form for bundled pages, defined
	 * under its versioned URL.
	 */
	private ModuleUpdate withDefinition(ModuleUpdate update, Map<String, CompiledModule> compiled,
			InlineBudget budget) {
		String define = definition(update.acceptedPath(), update.timestamp(), compiled, budget);
		return new ModuleUpdate(update.type(), update.path(), update.acceptedPath(), update.timestamp(), update.code(),
				update.imports(), define);
	}

	private InlineModule withDefinition(InlineModule module, Map<String, CompiledModule> compiled, long timestamp,
			InlineBudget budget) {
		String define = definition(module.path(), timestamp, compiled, budget);
		return new InlineModule(module.path(), module.code(), module.imports(), define);
	}

	/**
	 * The registry form of a module, written from the code the update carries, as a
	 * bundled page would fetch it.
	 */
	private @Nullable String definition(String url, long timestamp, Map<String, CompiledModule> compiled,
			InlineBudget budget) {
		RegistryForms forms = this.registryForms;
		CompiledModule module = compiled.get(url);
		if (forms == null || module == null) {
			return null;
		}
		String define = forms.define(url + "?t=" + timestamp, module);
		return (define != null) ? budget.inline(define) : null;
	}

	/**
	 * The module's code as the browser would fetch it now: written from the analysis of
	 * this update when the module changed, otherwise from the compile service.
	 */
	private Optional<CompiledModule> written(String url, Map<String, AnalyzedModule> analysed,
			ModuleVersions versions) {
		AnalyzedModule module = analysed.get(url);
		if (module != null) {
			return Optional.of(this.compileService.emit(module, versions));
		}
		try {
			return this.urls.toPath(url).flatMap((path) -> this.compileService.compile(path, versions));
		}
		catch (CompileProblemException ex) {
			// Unchanged, so it compiled before; should it fail now, the client fetches it
			// and sees why.
			return Optional.empty();
		}
	}

	/**
	 * How much code one update carries inline. A larger module goes by reference: the
	 * message names its versioned URL, which the browser fetches, compiled and cached by
	 * then. Inline, a 5 MB module made a 20 MB frame per client, copied once per socket
	 * on its way out, and took the server's resident memory from 210 MiB to 1.3 GiB.
	 */
	private static final class InlineBudget {

		static final int MAX_MODULE = 256 * 1024;

		static final int MAX_UPDATE = 1024 * 1024;

		private int left = MAX_UPDATE;

		@Nullable String inline(String code) {
			if (code.length() > MAX_MODULE || code.length() > this.left) {
				return null;
			}
			this.left -= code.length();
			return code;
		}

	}

}
