package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A store module beside the sample's front end, for the store edit scenario:
 * {@code bench-store/store.ts} holds module-level signals and a label that six components
 * import and show; the sample's entry mounts them. An edit of the label runs the store
 * again (keeping its signals) and swaps the six importers.
 */
final class StoreModule {

	static final int IMPORTERS = 6;

	static final String LABEL = "Store label";

	private StoreModule() {
	}

	/**
	 * Write the store, its importers and their mount into a copy of the sample's front
	 * end.
	 * @param root the copy
	 */
	static void write(Path root) throws IOException {
		Path directory = Files.createDirectories(root.resolve("bench-store"));
		Files.writeString(directory.resolve("store.ts"), """
				import { createSignal } from 'velocity';

				export const [filter, setFilter] = createSignal('all');
				export const [count, setCount] = createSignal(0);
				export const label = '%s 0';
				""".formatted(LABEL));
		StringBuilder imports = new StringBuilder("import { render } from 'velocity';\n");
		StringBuilder views = new StringBuilder();
		for (int i = 1; i <= IMPORTERS; i++) {
			Files.writeString(directory.resolve("View" + i + ".tsx"), """
					import { count, filter, label } from './store';

					export default function View%1$d() {
					  return <p id="store-view-%1$d">{label}: {filter()} {count()}</p>;
					}
					""".formatted(i));
			imports.append("import View").append(i).append(" from './View").append(i).append("';\n");
			views.append("<View").append(i).append(" />");
		}
		Files.writeString(directory.resolve("mount.tsx"), imports + """
				const host = document.body.appendChild(document.createElement('div'));
				render(() => <>%s</>, host);
				""".formatted(views));
		Path main = root.resolve("main.tsx");
		Files.writeString(main, Files.readString(main) + "import './bench-store/mount';\n");
	}

	/**
	 * The element the last importer shows the label in.
	 * @return its id
	 */
	static String lastView() {
		return "store-view-" + IMPORTERS;
	}

}
