package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A store module beside the sample's front end, for the store edit scenario:
 * {@code bench-store/store.ts} holds module-level signals and a label that six components
 * import and show; the sample's entry mounts them in one element. An edit of the label
 * runs the store again (keeping its signals) and swaps the six importers; it is seen once
 * all six show the new label (the update applies them in the server's order, which is not
 * theirs on the page).
 */
final class StoreModule {

	static final int IMPORTERS = 6;

	static final String LABEL = "Store label";

	/**
	 * The id of the element that holds the six views.
	 */
	static final String VIEWS = "store-views";

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
				host.id = '%s';
				render(() => <>%s</>, host);
				""".formatted(VIEWS, views));
		Path main = root.resolve("main.tsx");
		Files.writeString(main, Files.readString(main) + "import './bench-store/mount';\n");
	}

	/**
	 * The text of the six views once each shows a label.
	 * @param label the label
	 * @return the text of the element that holds them
	 */
	static String allViews(String label) {
		return (label + ": all 0").repeat(IMPORTERS);
	}

}
